#include "engine/suppression.h"

#include <memory>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "core/document.h"

namespace ocrlint {
namespace {

RuleMeta Meta(std::string id, RuleGroup group) {
  RuleMeta meta;
  meta.id = std::move(id);
  meta.group = group;
  return meta;
}

const RuleMeta kStraySpace = Meta("stray-space", RuleGroup::kHygiene);
const RuleMeta kHalfwidth = Meta("halfwidth-punctuation", RuleGroup::kTypography);
const RuleMeta kTruncated = Meta("truncated-paragraph", RuleGroup::kStructure);

// A finding of `rule` starting at the first byte of `line`.
Diagnostic At(const RuleMeta& rule, const Document& document, std::size_t line) {
  Diagnostic diagnostic;
  diagnostic.rule = &rule;
  const std::size_t begin = document.lines().LineRange(line).begin;
  diagnostic.range = {begin, begin + 1};
  return diagnostic;
}

std::unique_ptr<Document> PlainText(std::string text) {
  return Document::Create("page.txt", std::move(text), DocumentFormat::kPlainText);
}

std::unique_ptr<Document> Markdown(std::string text) {
  return Document::Create("page.md", std::move(text), DocumentFormat::kMarkdown);
}

// --- Plain text ------------------------------------------------------------------------------

TEST(SuppressionTest, PlainTextNextLineSkipsBlankLinesAndNamesOneRule) {
  // Lines: 0 directive, 1 empty, 2 spaces and U+3000 (blank), 3 第一行, 4 第二行.
  auto document =
      PlainText("%% ocrlint-disable-next-line stray-space\n\n \t\u3000\n第一行\n第二行\n");
  const Suppressions suppressions(*document);
  EXPECT_FALSE(suppressions.empty());
  EXPECT_FALSE(suppressions.Suppresses(At(kStraySpace, *document, 2)));
  EXPECT_TRUE(suppressions.Suppresses(At(kStraySpace, *document, 3)));
  EXPECT_FALSE(suppressions.Suppresses(At(kHalfwidth, *document, 3)));
  EXPECT_FALSE(suppressions.Suppresses(At(kStraySpace, *document, 4)));
}

TEST(SuppressionTest, PlainTextHtmlCommentWithoutIdsNamesEveryRule) {
  auto document = PlainText("<!-- ocrlint-disable-next-line -->\n甲\n乙\n");
  const Suppressions suppressions(*document);
  EXPECT_TRUE(suppressions.Suppresses(At(kStraySpace, *document, 1)));
  EXPECT_TRUE(suppressions.Suppresses(At(kHalfwidth, *document, 1)));
  EXPECT_TRUE(suppressions.Suppresses(At(kTruncated, *document, 1)));
  EXPECT_FALSE(suppressions.Suppresses(At(kStraySpace, *document, 2)));
}

TEST(SuppressionTest, PlainTextDisableLineSilencesItsOwnLine) {
  auto document = PlainText("甲\n%% ocrlint-disable-line halfwidth-punctuation\n乙\n");
  const Suppressions suppressions(*document);
  EXPECT_FALSE(suppressions.Suppresses(At(kHalfwidth, *document, 0)));
  EXPECT_TRUE(suppressions.Suppresses(At(kHalfwidth, *document, 1)));
  EXPECT_FALSE(suppressions.Suppresses(At(kStraySpace, *document, 1)));
  EXPECT_FALSE(suppressions.Suppresses(At(kHalfwidth, *document, 2)));
}

TEST(SuppressionTest, PlainTextDisableEnableRanges) {
  auto document = PlainText(
      "甲\n"                                                    // 0
      "%% ocrlint-disable stray-space,halfwidth-punctuation\n"  // 1
      "乙\n"                                                    // 2
      "丙\n"                                                    // 3
      "%% ocrlint-enable stray-space\n"                         // 4
      "丁\n"                                                    // 5
      "%% ocrlint-disable\n"                                    // 6
      "戊\n");                                                  // 7
  const Suppressions suppressions(*document);
  EXPECT_FALSE(suppressions.Suppresses(At(kStraySpace, *document, 0)));
  EXPECT_TRUE(suppressions.Suppresses(At(kStraySpace, *document, 1)));
  EXPECT_TRUE(suppressions.Suppresses(At(kStraySpace, *document, 2)));
  EXPECT_TRUE(suppressions.Suppresses(At(kStraySpace, *document, 3)));
  EXPECT_TRUE(suppressions.Suppresses(At(kStraySpace, *document, 4)));  // enable's own line
  EXPECT_FALSE(suppressions.Suppresses(At(kStraySpace, *document, 5)));
  EXPECT_TRUE(suppressions.Suppresses(At(kStraySpace, *document, 7)));  // to the end
  // Named after a comma and never re-enabled.
  EXPECT_TRUE(suppressions.Suppresses(At(kHalfwidth, *document, 2)));
  EXPECT_TRUE(suppressions.Suppresses(At(kHalfwidth, *document, 5)));
  // Not named until the final disable of every rule.
  EXPECT_FALSE(suppressions.Suppresses(At(kTruncated, *document, 2)));
  EXPECT_FALSE(suppressions.Suppresses(At(kTruncated, *document, 5)));
  EXPECT_TRUE(suppressions.Suppresses(At(kTruncated, *document, 7)));
}

TEST(SuppressionTest, EnablingOneRuleInsideDisableAllKeepsTheOthersDisabled) {
  auto document = PlainText(
      "%% ocrlint-disable\n"             // 0
      "甲\n"                             // 1
      "%% ocrlint-enable stray-space\n"  // 2
      "乙\n"                             // 3
      "%% ocrlint-enable\n"              // 4
      "丙\n");                           // 5
  const Suppressions suppressions(*document);
  EXPECT_TRUE(suppressions.Suppresses(At(kStraySpace, *document, 1)));
  EXPECT_FALSE(suppressions.Suppresses(At(kStraySpace, *document, 3)));
  EXPECT_TRUE(suppressions.Suppresses(At(kHalfwidth, *document, 3)));
  EXPECT_FALSE(suppressions.Suppresses(At(kHalfwidth, *document, 5)));
}

TEST(SuppressionTest, DisableFileByGroupName) {
  auto document = PlainText("甲\n乙\n%% ocrlint-disable-file typography structure\n丙\n");
  const Suppressions suppressions(*document);
  EXPECT_TRUE(suppressions.Suppresses(At(kHalfwidth, *document, 0)));
  EXPECT_TRUE(suppressions.Suppresses(At(kTruncated, *document, 3)));
  EXPECT_FALSE(suppressions.Suppresses(At(kStraySpace, *document, 0)));
  EXPECT_FALSE(suppressions.Suppresses(At(kStraySpace, *document, 3)));
}

TEST(SuppressionTest, AllMeansEveryRule) {
  auto document = PlainText("%% ocrlint-disable-file all\n甲\n");
  const Suppressions suppressions(*document);
  EXPECT_TRUE(suppressions.Suppresses(At(kStraySpace, *document, 1)));
  EXPECT_TRUE(suppressions.Suppresses(At(kTruncated, *document, 1)));
}

TEST(SuppressionTest, IgnoresUnknownDirectivesAndOtherComments) {
  auto document = PlainText(
      "%% ocrlint-disabel stray-space\n"
      "%% a note for the editor\n"
      "<!-- ocrlint-disable-files -->\n"
      "<!-- not ocrlint -->\n"
      "甲\n");
  const Suppressions suppressions(*document);
  EXPECT_TRUE(suppressions.empty());
  EXPECT_FALSE(suppressions.Suppresses(At(kStraySpace, *document, 0)));
  EXPECT_FALSE(suppressions.Suppresses(At(kStraySpace, *document, 4)));
}

TEST(SuppressionTest, PlainTextIgnoresDirectivesInsideProse) {
  // Only a line of its own is a comment; this one is part of a paragraph.
  auto document = PlainText("甲 <!-- ocrlint-disable-file --> 乙\n");
  EXPECT_TRUE(Suppressions(*document).empty());
}

// --- Markdown --------------------------------------------------------------------------------

TEST(SuppressionTest, MarkdownHtmlBlockNextLine) {
  // Lines: 0 directive, 1 blank, 2 and 3 one paragraph.
  auto document = Markdown("<!-- ocrlint-disable-next-line stray-space -->\n\n正文 一\n正文 二\n");
  const Suppressions suppressions(*document);
  EXPECT_TRUE(suppressions.Suppresses(At(kStraySpace, *document, 2)));
  EXPECT_FALSE(suppressions.Suppresses(At(kStraySpace, *document, 3)));
  EXPECT_FALSE(suppressions.Suppresses(At(kHalfwidth, *document, 2)));
}

TEST(SuppressionTest, MarkdownInlineCommentDisablesItsLine) {
  auto document = Markdown("正文 一 <!-- ocrlint-disable-line stray-space -->\n正文 二\n");
  const Suppressions suppressions(*document);
  EXPECT_TRUE(suppressions.Suppresses(At(kStraySpace, *document, 0)));
  EXPECT_FALSE(suppressions.Suppresses(At(kHalfwidth, *document, 0)));
  EXPECT_FALSE(suppressions.Suppresses(At(kStraySpace, *document, 1)));
}

TEST(SuppressionTest, MarkdownDisableEnableByGroup) {
  auto document = Markdown(
      "<!-- ocrlint-disable typography -->\n"  // 0
      "\n"                                     // 1
      "甲,乙\n"                                // 2
      "\n"                                     // 3
      "<!-- ocrlint-enable typography -->\n"   // 4
      "\n"                                     // 5
      "丙,丁\n");                              // 6
  const Suppressions suppressions(*document);
  EXPECT_TRUE(suppressions.Suppresses(At(kHalfwidth, *document, 2)));
  EXPECT_FALSE(suppressions.Suppresses(At(kStraySpace, *document, 2)));
  EXPECT_FALSE(suppressions.Suppresses(At(kHalfwidth, *document, 6)));
}

TEST(SuppressionTest, MarkdownDisableFileAndSeveralCommentsInOneHtmlBlock) {
  auto document = Markdown(
      "<!-- ocrlint-disable-file stray-space --> <!-- ocrlint-disable-next-line -->\n"
      "# 标题\n"
      "\n"
      "正文\n");
  const Suppressions suppressions(*document);
  EXPECT_TRUE(suppressions.Suppresses(At(kStraySpace, *document, 3)));
  EXPECT_TRUE(suppressions.Suppresses(At(kHalfwidth, *document, 1)));
  EXPECT_FALSE(suppressions.Suppresses(At(kHalfwidth, *document, 3)));
}

TEST(SuppressionTest, MarkdownCommentInFencedCodeIsNotADirective) {
  auto document = Markdown(
      "```\n"
      "<!-- ocrlint-disable-file -->\n"
      "```\n"
      "\n"
      "正文\n");
  const Suppressions suppressions(*document);
  EXPECT_TRUE(suppressions.empty());
  EXPECT_FALSE(suppressions.Suppresses(At(kStraySpace, *document, 4)));
}

TEST(SuppressionTest, MarkdownCommentInCodeSpanIsNotADirective) {
  auto document = Markdown("正文 `<!-- ocrlint-disable-file -->` 正文\n\n正文\n");
  const Suppressions suppressions(*document);
  EXPECT_TRUE(suppressions.empty());
  EXPECT_FALSE(suppressions.Suppresses(At(kStraySpace, *document, 2)));
}

TEST(SuppressionTest, MarkdownPercentLinesAreProseNotDirectives) {
  auto document = Markdown("%% ocrlint-disable-file\n\n正文\n");
  EXPECT_TRUE(Suppressions(*document).empty());
}

}  // namespace
}  // namespace ocrlint
