#include "core/document.h"

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace ocrlint {
namespace {

using ::testing::ElementsAre;

std::unique_ptr<Document> Plain(std::string bytes) {
  return Document::Create("test.txt", std::move(bytes), DocumentFormat::kPlainText);
}

std::vector<std::string> SentenceTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences()) out.emplace_back(s.range.In(doc.text()));
  return out;
}

std::vector<std::string> SegmentTexts(const Document& doc, const Block& block) {
  std::vector<std::string> out;
  for (const ByteRange& r : doc.Segments(block)) out.emplace_back(r.In(doc.text()));
  return out;
}

TEST(FormatForPathTest, MarkdownExtensions) {
  EXPECT_EQ(FormatForPath("a/b.md"), DocumentFormat::kMarkdown);
  EXPECT_EQ(FormatForPath("B.MarkDown"), DocumentFormat::kMarkdown);
  EXPECT_EQ(FormatForPath("a.txt"), DocumentFormat::kPlainText);
  EXPECT_EQ(FormatForPath("dir.md/readme"), DocumentFormat::kPlainText);
  EXPECT_EQ(FormatForPath("md"), DocumentFormat::kPlainText);
}

TEST(DocumentTest, BlockKindNames) {
  EXPECT_EQ(ToString(BlockKind::kListItem), "list-item");
  EXPECT_EQ(ToString(BlockKind::kThematicBreak), "thematic-break");
  Block block;
  block.kind = BlockKind::kTableCell;
  EXPECT_TRUE(block.IsProse());
  block.kind = BlockKind::kComment;
  EXPECT_FALSE(block.IsProse());
}

TEST(DocumentTest, ValidUtf8HasNoSanitizedCopy) {
  auto doc = Plain("中文 text");
  EXPECT_TRUE(doc->valid_utf8());
  EXPECT_EQ(doc->text().data(), doc->raw().data());
}

TEST(DocumentTest, TruncatedSequence) {
  auto doc = Plain(
      "a\xE4\xB8"
      "b");  // 中 without its last byte
  EXPECT_THAT(doc->invalid_utf8(), ElementsAre(ByteRange{1, 3}));
  EXPECT_EQ(doc->text(),
            "a\x1A\x1A"
            "b");
  EXPECT_EQ(doc->raw(),
            "a\xE4\xB8"
            "b");
}

TEST(DocumentTest, OverlongSequence) {
  auto doc = Plain("x\xC0\xAFy\xE0\x80\xAFz");
  EXPECT_THAT(doc->invalid_utf8(), ElementsAre(ByteRange{1, 3}, ByteRange{4, 7}));
  EXPECT_EQ(doc->text(), "x\x1A\x1Ay\x1A\x1A\x1Az");
}

TEST(DocumentTest, EncodedSurrogate) {
  auto doc = Plain("\xED\xA0\x80中");
  EXPECT_THAT(doc->invalid_utf8(), ElementsAre(ByteRange{0, 3}));
  EXPECT_EQ(doc->text(), "\x1A\x1A\x1A中");
}

TEST(DocumentTest, StrayContinuationAndTruncatedEnd) {
  auto doc = Plain("中\x80文\xF0\x9F\x98");
  EXPECT_THAT(doc->invalid_utf8(), ElementsAre(ByteRange{3, 4}, ByteRange{7, 10}));
  // The line index counts each invalid byte as one code point.
  EXPECT_EQ(doc->lines().Locate(7).column, 3u);
}

TEST(DocumentTest, InvalidBytesInLongAsciiRun) {
  std::string bytes(100, 'a');
  bytes[37] = '\xFF';
  auto doc = Plain(bytes);
  EXPECT_THAT(doc->invalid_utf8(), ElementsAre(ByteRange{37, 38}));
}

TEST(DocumentTest, BomIsSkippedByBlocks) {
  auto doc = Plain("\xEF\xBB\xBF第一段。");
  EXPECT_TRUE(doc->has_bom());
  ASSERT_EQ(doc->blocks().size(), 1u);
  EXPECT_EQ(doc->blocks()[0].range, (ByteRange{3, 15}));
  EXPECT_EQ(doc->blocks()[0].content, (ByteRange{3, 15}));
  EXPECT_FALSE(Plain("第一段。")->has_bom());
}

TEST(DocumentTest, LineEndings) {
  EXPECT_EQ(Plain("a")->line_ending(), LineEnding::kNone);
  EXPECT_EQ(Plain("")->line_ending(), LineEnding::kNone);
  EXPECT_EQ(Plain("a\nb\n")->line_ending(), LineEnding::kLf);
  EXPECT_EQ(Plain("a\r\nb\r\n")->line_ending(), LineEnding::kCrlf);
  EXPECT_EQ(Plain("a\r\nb\n")->line_ending(), LineEnding::kMixed);
  EXPECT_EQ(Plain("a\rb")->line_ending(), LineEnding::kNone);
}

TEST(DocumentTest, PlainParagraphsAndIdeographicSpaceBlankLines) {
  // "\u3000\u3000" indents paragraphs; a line of U+3000 and spaces is blank.
  const std::string text =
      "\u3000\u3000第一行\n第二行 \n"
      "\u3000 \t\n"
      "\n"
      "\u3000\u3000第二段\r\n";
  auto doc = Plain(text);
  ASSERT_EQ(doc->blocks().size(), 2u);
  const Block& first = doc->blocks()[0];
  EXPECT_EQ(first.kind, BlockKind::kParagraph);
  EXPECT_EQ(first.range, (ByteRange{0, 26}));
  EXPECT_EQ(first.content.In(doc->text()), "第一行\n第二行");
  EXPECT_THAT(SegmentTexts(*doc, first), ElementsAre("第一行\n第二行"));
  const Block& second = doc->blocks()[1];
  EXPECT_EQ(second.range.In(doc->text()), "\u3000\u3000第二段");
  EXPECT_EQ(second.content.In(doc->text()), "第二段");
  EXPECT_EQ(second.first_segment, 1u);
  EXPECT_EQ(second.segment_count, 1u);
  EXPECT_TRUE(doc->excluded().empty());
}

TEST(DocumentTest, DirectiveLinesAreExcludedCommentBlocks) {
  const std::string text =
      "第一段\n"
      "<!-- ocrlint-disable stray-space -->\n"
      "第二段\n"
      "  %% ocrlint: ignore\n";
  auto doc = Plain(text);
  ASSERT_EQ(doc->blocks().size(), 4u);
  EXPECT_EQ(doc->blocks()[0].kind, BlockKind::kParagraph);
  EXPECT_EQ(doc->blocks()[1].kind, BlockKind::kComment);
  EXPECT_EQ(doc->blocks()[1].range, (ByteRange{10, 46}));
  EXPECT_TRUE(doc->blocks()[1].content.empty());
  EXPECT_EQ(doc->blocks()[1].segment_count, 0u);
  EXPECT_EQ(doc->blocks()[2].content.In(doc->text()), "第二段");
  EXPECT_EQ(doc->blocks()[3].kind, BlockKind::kComment);
  EXPECT_THAT(doc->excluded(), ElementsAre(ByteRange{10, 46}, ByteRange{57, 77}));
  EXPECT_TRUE(doc->IsExcluded({12, 13}));
  EXPECT_FALSE(doc->IsExcluded({0, 10}));
  EXPECT_FALSE(doc->IsExcluded({46, 46}));
  EXPECT_TRUE(doc->IsExcluded({20, 20}));
  EXPECT_THAT(SentenceTexts(*doc), ElementsAre("第一段", "第二段"));
}

TEST(DocumentTest, SentencesWithExactRanges) {
  const std::string text = "他说:“你好。”我们走吧！真的?? 好\n的。最后一句";
  auto doc = Plain(text);
  ASSERT_EQ(doc->sentences().size(), 5u);
  EXPECT_THAT(SentenceTexts(*doc),
              ElementsAre("他说:“你好。”", "我们走吧！", "真的??", "好\n的。", "最后一句"));
  EXPECT_EQ(doc->sentences()[0].range, (ByteRange{0, 22}));
  EXPECT_EQ(doc->sentences()[2].range, (ByteRange{37, 45}));
  EXPECT_EQ(doc->sentences()[2].block, 0u);
}

TEST(DocumentTest, AsciiPeriodEndsSentenceOnlyBeforeSpaceOrEnd) {
  auto doc = Plain("增长16.9824万人次. 同比214.22%.\n\nVersion 1.2 is out.");
  EXPECT_THAT(SentenceTexts(*doc),
              ElementsAre("增长16.9824万人次.", "同比214.22%.", "Version 1.2 is out."));
  EXPECT_EQ(doc->sentences()[2].block, 1u);
}

TEST(DocumentTest, ClosingBracketsJoinTheSentence) {
  auto doc = Plain("(他来了。) 『好！』」下一句");
  EXPECT_THAT(SentenceTexts(*doc), ElementsAre("(他来了。)", "『好！』」", "下一句"));
}

TEST(DocumentTest, TerminatorAtEveryPositionOfAWideScan) {
  // The scan compares 16 bytes at a time: put 。 and ？ at every offset around the
  // window edges, and a decoy (。's lead byte in 、, ？'s in ，) right before them.
  for (std::size_t pad = 0; pad < 40; ++pad) {
    const std::string head = std::string(pad, 'a') + "\u3001\uFF0C";
    const std::string text = head + "\u3002b\uFF1F";
    auto doc = Plain(text);
    ASSERT_EQ(doc->sentences().size(), 2u) << pad;
    EXPECT_EQ(doc->sentences()[0].range, (ByteRange{0, head.size() + 3})) << pad;
    EXPECT_EQ(doc->sentences()[1].range, (ByteRange{head.size() + 3, text.size()})) << pad;
  }
}

TEST(DocumentTest, SharedAnalysisIsMadeOnceAndAgainAfterRelease) {
  auto doc = Plain("正文。");
  int made = 0;
  const auto make = [&made] { return ++made; };
  EXPECT_EQ(doc->Shared<int>("count", make), 1);
  EXPECT_EQ(doc->Shared<int>("count", make), 1);
  doc->ReleaseShared();
  EXPECT_EQ(doc->Shared<int>("count", make), 2);
  EXPECT_EQ(made, 2);
}

TEST(DocumentTest, EmptyDocument) {
  auto doc = Plain("");
  EXPECT_TRUE(doc->blocks().empty());
  EXPECT_TRUE(doc->sentences().empty());
  EXPECT_EQ(doc->lines().line_count(), 1u);
  EXPECT_FALSE(doc->IsExcluded({0, 0}));
}

}  // namespace
}  // namespace ocrlint
