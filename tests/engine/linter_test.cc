#include "engine/linter.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/document.h"
#include "engine/catalog.h"
#include "engine/rule.h"

namespace ocrlint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

using CheckFunction = std::function<void(const Document&, DiagnosticSink&)>;

// A rule that reports whatever its test tells it to.
class FakeRule : public Rule {
 public:
  FakeRule(std::string id, RuleGroup group, CheckFunction check) : check_(std::move(check)) {
    meta_.id = std::move(id);
    meta_.group = group;
  }
  const RuleMeta& meta() const override { return meta_; }
  void Check(const Document& document, DiagnosticSink& sink) const override {
    check_(document, sink);
  }

 private:
  RuleMeta meta_;
  CheckFunction check_;
};

// Reports `message` at each of `ranges`.
CheckFunction ReportAt(std::vector<ByteRange> ranges, std::string message = "finding") {
  return [ranges = std::move(ranges), message = std::move(message)](const Document&,
                                                                    DiagnosticSink& sink) {
    for (const ByteRange& range : ranges) sink.Report(range, message);
  };
}

ConfiguredRule Configure(std::string id, RuleGroup group, CheckFunction check,
                         Severity severity = Severity::kWarning) {
  return ConfiguredRule{std::make_shared<FakeRule>(std::move(id), group, std::move(check)),
                        severity};
}

// "rule begin-end severity: message", one line per diagnostic, for exact comparisons.
std::vector<std::string> Describe(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics) {
    lines.push_back(d.rule->id + " " + std::to_string(d.range.begin) + "-" +
                    std::to_string(d.range.end) + " " + std::string(ToString(d.severity)) + ": " +
                    d.message);
  }
  return lines;
}

std::unique_ptr<Document> PlainText(std::string text) {
  return Document::Create("test.txt", std::move(text), DocumentFormat::kPlainText);
}

TEST(DiagnosticSinkTest, ReportFillsRuleSeverityRangeAndMessage) {
  RuleMeta meta;
  meta.id = "stray-space";
  std::vector<Diagnostic> out;
  DiagnosticSink sink(meta, Severity::kError, out);
  Diagnostic& diagnostic = sink.Report({3, 4}, "stray space between 字 and 字");
  diagnostic.related.push_back({{0, 3}, "first copy here"});

  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].rule, &meta);
  EXPECT_EQ(out[0].severity, Severity::kError);
  EXPECT_EQ(out[0].message, "stray space between 字 and 字");
  EXPECT_EQ(out[0].range, (ByteRange{3, 4}));
  ASSERT_EQ(out[0].related.size(), 1u);
  EXPECT_EQ(out[0].related[0].range, (ByteRange{0, 3}));
  EXPECT_FALSE(out[0].fix.has_value());
}

TEST(DiagnosticSinkTest, ReportWithFixAttachesOneEditOverTheRange) {
  RuleMeta meta;
  meta.id = "halfwidth-punctuation";
  std::vector<Diagnostic> out;
  DiagnosticSink sink(meta, Severity::kWarning, out);
  sink.ReportWithFix({6, 7}, "half-width comma in Chinese text", Applicability::kUnsafe,
                     "replace with ，", "\xEF\xBC\x8C");

  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].severity, Severity::kWarning);
  EXPECT_EQ(out[0].range, (ByteRange{6, 7}));
  ASSERT_TRUE(out[0].fix.has_value());
  EXPECT_EQ(out[0].fix->applicability, Applicability::kUnsafe);
  EXPECT_EQ(out[0].fix->message, "replace with ，");
  EXPECT_THAT(out[0].fix->edits, ElementsAre(Edit{{6, 7}, "\xEF\xBC\x8C"}));
}

TEST(LintTest, SortsByPositionThenRuleIdAndUsesConfiguredSeverity) {
  auto document = PlainText("abcdefgh\n");
  RuleSet rules;
  rules.rules.push_back(
      Configure("b-rule", RuleGroup::kTypography, ReportAt({{5, 6}, {0, 1}}), Severity::kError));
  rules.rules.push_back(
      Configure("a-rule", RuleGroup::kHygiene, ReportAt({{5, 6}, {2, 3}}), Severity::kInfo));

  EXPECT_THAT(Describe(Lint(*document, rules)),
              ElementsAre("b-rule 0-1 error: finding", "a-rule 2-3 info: finding",
                          "a-rule 5-6 info: finding", "b-rule 5-6 error: finding"));
}

TEST(LintTest, GivesBackTheRoomReservedForFindings) {
  // Lint reserves for one finding every 32 bytes; a report kept until output (the CLI keeps
  // every file's) must hold only what was found.
  auto document = PlainText(std::string(64 * 1024, 'a'));
  RuleSet rules;
  rules.rules.push_back(Configure("a-rule", RuleGroup::kHygiene, ReportAt({{1, 2}, {5, 6}})));
  const std::vector<Diagnostic> diagnostics = Lint(*document, rules);
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_LE(diagnostics.capacity(), 64u);
}

TEST(LintTest, MergesTheRulesFindingsInOrderWhenGivingBackTheRoom) {
  // Few findings on a large page: the rules' runs are merged into storage of their size.
  auto document = PlainText(std::string(64 * 1024, 'a'));
  RuleSet rules;
  rules.rules.push_back(
      Configure("b-rule", RuleGroup::kHygiene, ReportAt({{0, 1}, {4, 5}, {4, 5}, {9, 9}})));
  rules.rules.push_back(Configure("a-rule", RuleGroup::kHygiene, ReportAt({{0, 1}, {2, 3}})));
  rules.rules.push_back(Configure("c-rule", RuleGroup::kHygiene, ReportAt({{7, 8}, {2, 3}})));
  const std::vector<Diagnostic> diagnostics = Lint(*document, rules);
  std::vector<std::string> order;
  for (const Diagnostic& diagnostic : diagnostics) {
    order.push_back(diagnostic.rule->id + "@" + std::to_string(diagnostic.range.begin));
  }
  EXPECT_THAT(order, ElementsAre("a-rule@0", "b-rule@0", "a-rule@2", "c-rule@2", "b-rule@4",
                                 "b-rule@4", "c-rule@7", "b-rule@9"));
  EXPECT_LE(diagnostics.capacity(), 64u);
}

// Runs of many findings, with stretches where one rule's findings come in a row, ties of
// position between rules and equal findings within a rule (told apart by their fixes, which
// the order does not look at): the merge gives the order of a stable sort of all findings,
// rule after rule, both when it gives back the room and when it merges in place.
TEST(LintTest, MergeEqualsAStableSortOfTheRulesFindings) {
  for (const std::size_t size : {std::size_t{64 * 1024}, std::size_t{4 * 1024}}) {
    auto document = PlainText(std::string(size, 'a'));
    RuleSet rules;
    std::vector<std::string> expected;
    std::vector<std::pair<ByteRange, std::string>> all;  // in rule order
    std::uint32_t seed = 12345;
    const auto random = [&](std::uint32_t n) {
      seed = seed * 1103515245u + 12345u;
      return (seed >> 16) % n;
    };
    for (const std::string id : {"a-rule", "b-rule", "c-rule", "d-rule"}) {
      std::vector<std::pair<ByteRange, std::string>> found;
      std::size_t at = 0;
      for (int i = 0; i < 40; ++i) {
        at += random(3) == 0 ? 0 : random(8);  // often the same position again
        const std::size_t end = at + random(3);
        found.emplace_back(ByteRange{at, end}, id + " " + std::to_string(i));
      }
      rules.rules.push_back(
          Configure(id, RuleGroup::kHygiene, [found](const Document&, DiagnosticSink& sink) {
            for (const auto& [range, fix] : found) {
              Fix& f = sink.Report(range, MessageText::Borrow("same message")).fix.emplace();
              f.message = fix;
            }
          }));
      for (const auto& finding : found) all.push_back(finding);
    }
    std::vector<std::size_t> order(all.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      const ByteRange& a = all[x].first;
      const ByteRange& b = all[y].first;
      if (a.begin != b.begin) return a.begin < b.begin;
      if (a.end != b.end) return a.end < b.end;
      return all[x].second.substr(0, 6) < all[y].second.substr(0, 6);  // the rule id
    });
    for (const std::size_t i : order) expected.push_back(all[i].second);
    std::vector<std::string> merged;
    for (const Diagnostic& diagnostic : Lint(*document, rules)) {
      merged.push_back(diagnostic.fix->message.str());
    }
    EXPECT_EQ(merged, expected) << size;
  }
}

TEST(LintTest, NoRulesNoFindings) {
  auto document = PlainText("abc\n");
  EXPECT_THAT(Lint(*document, RuleSet{}), IsEmpty());
}

TEST(LintTest, DropsFindingsOnInvalidUtf8ExceptFromInvalidUtf8Rule) {
  // Bytes: a b 0xFF c d; the invalid run is [2, 3).
  auto document = PlainText(
      "ab\xFF"
      "cd");
  ASSERT_THAT(document->invalid_utf8(), ElementsAre(ByteRange{2, 3}));
  RuleSet rules;
  rules.rules.push_back(Configure("invalid-utf8", RuleGroup::kHygiene, ReportAt({{2, 3}})));
  // [1,3) and [2,4) overlap the bad byte; [0,2) and [3,5) only touch it; the insertion
  // point 2 is at its boundary.
  rules.rules.push_back(
      Configure("other", RuleGroup::kHygiene, ReportAt({{1, 3}, {2, 4}, {0, 2}, {3, 5}, {2, 2}})));

  EXPECT_THAT(Describe(Lint(*document, rules)),
              ElementsAre("other 0-2 warning: finding", "other 2-2 warning: finding",
                          "invalid-utf8 2-3 warning: finding", "other 3-5 warning: finding"));
}

TEST(LintTest, KeepsFindingNextToInvalidUtf8ButDropsItsFixThatEditsIt) {
  auto document = PlainText(
      "ab\xFF"
      "cd");
  RuleSet rules;
  rules.rules.push_back(
      Configure("other", RuleGroup::kHygiene, [](const Document&, DiagnosticSink& sink) {
        Diagnostic& d = sink.Report({0, 2}, "finding");
        d.fix = Fix{Applicability::kSafe, "rewrite", {Edit{{1, 3}, "x"}}};
        sink.ReportWithFix({3, 4}, "clean", Applicability::kSafe, "upper", "C");
      }));

  const std::vector<Diagnostic> diagnostics = Lint(*document, rules);
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0].range, (ByteRange{0, 2}));
  EXPECT_FALSE(diagnostics[0].fix.has_value());
  EXPECT_EQ(diagnostics[1].range, (ByteRange{3, 4}));
  ASSERT_TRUE(diagnostics[1].fix.has_value());
  EXPECT_THAT(diagnostics[1].fix->edits, ElementsAre(Edit{{3, 4}, "C"}));
}

TEST(LintTest, ExcludedRangesDropProseFindingsButKeepHygieneFindings) {
  // Line 0 is a directive comment: excluded. "正文" is bytes [9, 15).
  auto document = PlainText("%% note\n\n正文\n");
  ASSERT_THAT(document->excluded(), ElementsAre(ByteRange{0, 7}));
  RuleSet rules;
  rules.rules.push_back(Configure("hygiene-rule", RuleGroup::kHygiene, ReportAt({{3, 7}})));
  rules.rules.push_back(Configure("script-rule", RuleGroup::kScript, ReportAt({{3, 7}})));
  rules.rules.push_back(
      Configure("structure-rule", RuleGroup::kStructure, ReportAt({{6, 12}, {9, 15}})));
  rules.rules.push_back(
      Configure("typography-rule", RuleGroup::kTypography, ReportAt({{0, 2}, {7, 8}})));

  EXPECT_THAT(
      Describe(Lint(*document, rules)),
      ElementsAre("hygiene-rule 3-7 warning: finding", "typography-rule 7-8 warning: finding",
                  "structure-rule 9-15 warning: finding"));
}

TEST(LintTest, KeepsProseFindingNextToExcludedRangeButDropsItsFixThatEditsIt) {
  auto document = PlainText("%% note\nab\n");
  ASSERT_THAT(document->excluded(), ElementsAre(ByteRange{0, 7}));
  RuleSet rules;
  rules.rules.push_back(Configure(
      "typography-rule", RuleGroup::kTypography, [](const Document&, DiagnosticSink& sink) {
        Diagnostic& d = sink.Report({8, 9}, "into the comment");
        d.fix = Fix{Applicability::kSafe, "join", {Edit{{6, 8}, ""}}};
        sink.ReportWithFix({9, 10}, "inside", Applicability::kSafe, "upper", "B");
      }));
  rules.rules.push_back(
      Configure("hygiene-rule", RuleGroup::kHygiene, [](const Document&, DiagnosticSink& sink) {
        sink.ReportWithFix({7, 8}, "newline", Applicability::kSafe, "drop", "");
      }));

  const std::vector<Diagnostic> diagnostics = Lint(*document, rules);
  ASSERT_EQ(diagnostics.size(), 3u);
  EXPECT_EQ(diagnostics[0].rule->id, "hygiene-rule");
  ASSERT_TRUE(diagnostics[0].fix.has_value());
  EXPECT_THAT(diagnostics[0].fix->edits, ElementsAre(Edit{{7, 8}, ""}));
  EXPECT_EQ(diagnostics[1].range, (ByteRange{8, 9}));
  EXPECT_FALSE(diagnostics[1].fix.has_value());
  EXPECT_EQ(diagnostics[2].range, (ByteRange{9, 10}));
  ASSERT_TRUE(diagnostics[2].fix.has_value());
  EXPECT_THAT(diagnostics[2].fix->edits, ElementsAre(Edit{{9, 10}, "B"}));
}

TEST(LintTest, ExcludedCodeSpanInMarkdownDropsTypographyFinding) {
  auto document = Document::Create("test.md", "正文 `a,b` 正文\n", DocumentFormat::kMarkdown);
  ASSERT_FALSE(document->excluded().empty());
  const ByteRange code = document->excluded()[0];
  // The comma inside the code span is at byte 9.
  ASSERT_TRUE(code.Contains(std::size_t{9}));
  RuleSet rules;
  rules.rules.push_back(Configure("typography-rule", RuleGroup::kTypography,
                                  ReportAt({{9, 10}, {0, 6}}, "half-width comma")));
  rules.rules.push_back(Configure("hygiene-rule", RuleGroup::kHygiene, ReportAt({{9, 10}})));

  EXPECT_THAT(Describe(Lint(*document, rules)),
              ElementsAre("typography-rule 0-6 warning: half-width comma",
                          "hygiene-rule 9-10 warning: finding"));
}

TEST(LintTest, RuleThatThrowsBecomesOneErrorDiagnosticAndLosesItsPartialFindings) {
  auto document = PlainText("abcdef\n");
  RuleSet rules;
  rules.rules.push_back(
      Configure("boom", RuleGroup::kTypography, [](const Document&, DiagnosticSink& sink) {
        sink.Report({1, 2}, "partial");
        throw std::runtime_error("bad state");
      }));
  rules.rules.push_back(Configure(
      "mystery", RuleGroup::kScript, [](const Document&, DiagnosticSink&) { throw 42; },
      Severity::kInfo));
  rules.rules.push_back(Configure("fine", RuleGroup::kHygiene, ReportAt({{3, 4}})));

  EXPECT_THAT(Describe(Lint(*document, rules)),
              ElementsAre("boom 0-0 error: internal error in rule boom: bad state",
                          "mystery 0-0 error: internal error in rule mystery: unknown exception",
                          "fine 3-4 warning: finding"));
}

TEST(LintTest, InternalErrorIsNotHiddenBySuppressions) {
  auto document = PlainText("%% ocrlint-disable-file\nabc\n");
  RuleSet rules;
  rules.rules.push_back(
      Configure("boom", RuleGroup::kHygiene, [](const Document&, DiagnosticSink& sink) {
        sink.Report({24, 25}, "suppressed");
        throw std::logic_error("oops");
      }));
  rules.rules.push_back(Configure("fine", RuleGroup::kHygiene, ReportAt({{24, 25}})));

  EXPECT_THAT(Describe(Lint(*document, rules)),
              ElementsAre("boom 0-0 error: internal error in rule boom: oops"));
}

TEST(LintTest, DropsSuppressedFindings) {
  // Lines: 0 directive, 1 "ab" (bytes [31, 33)), 2 "cd" (bytes [34, 36)).
  auto document = PlainText("%% ocrlint-disable-next-line x\nab\ncd\n");
  RuleSet rules;
  rules.rules.push_back(Configure("x", RuleGroup::kHygiene, ReportAt({{31, 32}, {34, 35}})));
  rules.rules.push_back(Configure("y", RuleGroup::kHygiene, ReportAt({{31, 32}})));

  EXPECT_THAT(Describe(Lint(*document, rules)),
              ElementsAre("y 31-32 warning: finding", "x 34-35 warning: finding"));
}

}  // namespace
}  // namespace ocrlint
