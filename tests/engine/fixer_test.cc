#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/document.h"
#include "engine/catalog.h"
#include "engine/linter.h"
#include "engine/rule.h"

namespace ocrlint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

using CheckFunction = std::function<void(const Document&, DiagnosticSink&)>;

class FakeRule : public Rule {
 public:
  FakeRule(std::string id, CheckFunction check) : check_(std::move(check)) {
    meta_.id = std::move(id);
    meta_.group = RuleGroup::kTypography;
  }
  const RuleMeta& meta() const override { return meta_; }
  void Check(const Document& document, DiagnosticSink& sink) const override {
    check_(document, sink);
  }

 private:
  RuleMeta meta_;
  CheckFunction check_;
};

// Reports every occurrence of `from` with a fix replacing it by `to`.
CheckFunction ReplaceAll(std::string from, std::string to, Applicability applicability) {
  return [=](const Document& document, DiagnosticSink& sink) {
    const std::string_view text = document.text();
    for (std::size_t at = text.find(from); at != std::string_view::npos;
         at = text.find(from, at + 1)) {
      sink.ReportWithFix({at, at + from.size()}, "found " + from, applicability,
                         "replace with " + to, to);
    }
  };
}

RuleSet Rules(std::vector<std::pair<std::string, CheckFunction>> checks) {
  RuleSet rules;
  for (auto& [id, check] : checks) {
    rules.rules.push_back({std::make_shared<FakeRule>(id, std::move(check)), Severity::kWarning});
  }
  return rules;
}

std::vector<std::string> Describe(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics) {
    lines.push_back(d.rule->id + " " + std::to_string(d.range.begin) + "-" +
                    std::to_string(d.range.end) + ": " + d.message);
  }
  return lines;
}

std::unique_ptr<Document> PlainText(std::string text) {
  return Document::Create("dir/page.txt", std::move(text), DocumentFormat::kPlainText);
}

Fix MakeFix(std::vector<Edit> edits) { return Fix{Applicability::kSafe, "fix", std::move(edits)}; }

// --- ApplyNonOverlapping -------------------------------------------------------------------

TEST(ApplyNonOverlappingTest, AppliesAdjacentEdits) {
  const Fix first = MakeFix({{{0, 2}, "X"}});
  const Fix second = MakeFix({{{2, 4}, "Y"}});
  const EditOutcome outcome = ApplyNonOverlapping("abcdef", {&first, &second});
  EXPECT_EQ(outcome.text, "XYef");
  EXPECT_EQ(outcome.applied, 2);
}

TEST(ApplyNonOverlappingTest, SkipsFixOverlappingAnEarlierOne) {
  const Fix first = MakeFix({{{0, 3}, "X"}});
  const Fix second = MakeFix({{{2, 4}, "Y"}});
  const Fix third = MakeFix({{{4, 5}, "Z"}});
  const EditOutcome outcome = ApplyNonOverlapping("abcdef", {&first, &second, &third});
  EXPECT_EQ(outcome.text, "XdZf");
  EXPECT_EQ(outcome.applied, 2);
}

TEST(ApplyNonOverlappingTest, InsertionsAtTheSameOffsetConflict) {
  const Fix first = MakeFix({{{2, 2}, "1"}});
  const Fix second = MakeFix({{{2, 2}, "2"}});
  const EditOutcome outcome = ApplyNonOverlapping("abcdef", {&first, &second});
  EXPECT_EQ(outcome.text, "ab1cdef");
  EXPECT_EQ(outcome.applied, 1);
}

TEST(ApplyNonOverlappingTest, InsertionAtBoundaryOfReplacementIsKeptInsideIsSkipped) {
  const Fix replace = MakeFix({{{2, 4}, "Z"}});
  const Fix before = MakeFix({{{2, 2}, "<"}});
  const Fix after = MakeFix({{{4, 4}, ">"}});
  const Fix inside = MakeFix({{{3, 3}, "!"}});
  const EditOutcome outcome = ApplyNonOverlapping("abcdef", {&replace, &before, &after, &inside});
  EXPECT_EQ(outcome.text, "ab<Z>ef");
  EXPECT_EQ(outcome.applied, 3);
}

TEST(ApplyNonOverlappingTest, ReplacementOverAnEarlierInsertionIsSkipped) {
  const Fix insert = MakeFix({{{3, 3}, "!"}});
  const Fix replace = MakeFix({{{2, 4}, "Z"}});
  const EditOutcome outcome = ApplyNonOverlapping("abcdef", {&insert, &replace});
  EXPECT_EQ(outcome.text, "abc!def");
  EXPECT_EQ(outcome.applied, 1);
}

TEST(ApplyNonOverlappingTest, SkipsAMultiEditFixAsAWholeWhenOneEditConflicts) {
  const Fix first = MakeFix({{{4, 5}, "E"}});
  const Fix both = MakeFix({{{0, 1}, "A"}, {{4, 6}, "?"}});
  const Fix later = MakeFix({{{1, 2}, "B"}});
  const EditOutcome outcome = ApplyNonOverlapping("abcdef", {&first, &both, &later});
  EXPECT_EQ(outcome.text, "aBcdEf");
  EXPECT_EQ(outcome.applied, 2);
}

TEST(ApplyNonOverlappingTest, AppliesFixesGivenOutOfPositionOrder) {
  const Fix late = MakeFix({{{5, 6}, "F"}});
  const Fix early = MakeFix({{{0, 1}, ""}});
  const Fix multi = MakeFix({{{3, 3}, "+"}, {{1, 2}, "B"}});  // edits unsorted
  const EditOutcome outcome = ApplyNonOverlapping("abcdef", {&late, &early, &multi});
  EXPECT_EQ(outcome.text, "Bc+deF");
  EXPECT_EQ(outcome.applied, 3);
}

TEST(ApplyNonOverlappingTest, SkipsMalformedFixes) {
  const Fix past_end = MakeFix({{{5, 9}, "X"}});
  const Fix self_overlapping = MakeFix({{{0, 2}, "X"}, {{1, 3}, "Y"}});
  const Fix empty = MakeFix({});
  const Fix good = MakeFix({{{6, 6}, "!"}});
  const EditOutcome outcome =
      ApplyNonOverlapping("abcdef", {&past_end, &self_overlapping, &empty, nullptr, &good});
  EXPECT_EQ(outcome.text, "abcdef!");
  EXPECT_EQ(outcome.applied, 1);
}

// --- ApplyFixes ----------------------------------------------------------------------------

TEST(ApplyFixesTest, SafeModeAppliesOnlySafeFixes) {
  const RuleSet rules = Rules({{"comma", ReplaceAll(",", "，", Applicability::kSafe)},
                               {"drop-x", ReplaceAll("x", "", Applicability::kUnsafe)}});
  FixResult result = ApplyFixes(PlainText("a,x,b\n"), rules, FixMode::kSafe);

  EXPECT_EQ(result.document->raw(), "a，x，b\n");
  EXPECT_EQ(result.document->path(), "dir/page.txt");
  EXPECT_EQ(result.document->format(), DocumentFormat::kPlainText);
  EXPECT_EQ(result.applied, 2);
  EXPECT_EQ(result.passes, 1);
  EXPECT_TRUE(result.changed);
  EXPECT_THAT(Describe(result.remaining), ElementsAre("drop-x 4-5: found x"));
}

TEST(ApplyFixesTest, UnsafeModeAppliesSafeAndUnsafeFixes) {
  const RuleSet rules = Rules({{"comma", ReplaceAll(",", "，", Applicability::kSafe)},
                               {"drop-x", ReplaceAll("x", "", Applicability::kUnsafe)}});
  FixResult result = ApplyFixes(PlainText("a,x,b\n"), rules, FixMode::kUnsafe);

  EXPECT_EQ(result.document->raw(), "a，，b\n");
  EXPECT_EQ(result.applied, 3);
  EXPECT_EQ(result.passes, 1);
  EXPECT_TRUE(result.changed);
  EXPECT_THAT(result.remaining, IsEmpty());
}

TEST(ApplyFixesTest, OverlappingFixesAreAppliedOverTwoPasses) {
  // Each pair of spaces is reported; [1,3) and [2,4) overlap, so the second waits.
  const RuleSet rules = Rules({{"double-space", ReplaceAll("  ", " ", Applicability::kSafe)}});
  FixResult result = ApplyFixes(PlainText("a   b\n"), rules, FixMode::kSafe);

  EXPECT_EQ(result.document->raw(), "a b\n");
  EXPECT_EQ(result.applied, 2);
  EXPECT_EQ(result.passes, 2);
  EXPECT_TRUE(result.changed);
  EXPECT_THAT(result.remaining, IsEmpty());
}

TEST(ApplyFixesTest, StopsAfterMaxPassesWhenARuleAlwaysOffersAFix) {
  const RuleSet rules = Rules({{"always", [](const Document& document, DiagnosticSink& sink) {
                                  const std::size_t end = document.raw().size();
                                  sink.ReportWithFix({end, end}, "no bang at the end",
                                                     Applicability::kSafe, "append !", "!");
                                }}});
  FixResult result = ApplyFixes(PlainText("a"), rules, FixMode::kSafe, 3);

  EXPECT_EQ(result.document->raw(), "a!!!");
  EXPECT_EQ(result.applied, 3);
  EXPECT_EQ(result.passes, 3);
  EXPECT_TRUE(result.changed);
  EXPECT_THAT(Describe(result.remaining), ElementsAre("always 4-4: no bang at the end"));
}

TEST(ApplyFixesTest, StopsWhenAPassWouldReproduceAnEarlierText) {
  // A -> B -> A -> ...: the second pass would bring back the original text.
  const RuleSet rules = Rules(
      {{"flip", [](const Document& document, DiagnosticSink& sink) {
          const std::size_t at = document.raw().find_first_of("AB");
          if (at == std::string_view::npos) return;
          const bool is_a = document.raw()[at] == 'A';
          sink.ReportWithFix({at, at + 1}, "flip", Applicability::kSafe, "flip", is_a ? "B" : "A");
        }}});
  FixResult result = ApplyFixes(PlainText("xAx"), rules, FixMode::kSafe);

  EXPECT_EQ(result.document->raw(), "xBx");
  EXPECT_EQ(result.applied, 1);
  EXPECT_EQ(result.passes, 1);
  EXPECT_TRUE(result.changed);
  EXPECT_THAT(Describe(result.remaining), ElementsAre("flip 1-2: flip"));
}

TEST(ApplyFixesTest, FixingTheFixedTextChangesNothing) {
  const RuleSet rules = Rules({{"comma", ReplaceAll(",", "，", Applicability::kSafe)},
                               {"drop-x", ReplaceAll("x", "", Applicability::kUnsafe)}});
  FixResult first = ApplyFixes(PlainText("a,x,b\n"), rules, FixMode::kSafe);
  const std::string fixed(first.document->raw());
  const Document* fixed_document = first.document.get();

  FixResult second = ApplyFixes(std::move(first.document), rules, FixMode::kSafe);
  EXPECT_EQ(second.document.get(), fixed_document);
  EXPECT_EQ(second.document->raw(), fixed);
  EXPECT_EQ(second.applied, 0);
  EXPECT_EQ(second.passes, 0);
  EXPECT_FALSE(second.changed);
  EXPECT_EQ(Describe(second.remaining), Describe(first.remaining));
}

TEST(ApplyFixesTest, NeverChangesADocumentWithNulBytes) {
  const RuleSet rules = Rules({{"comma", ReplaceAll(",", "，", Applicability::kSafe)}});
  auto document = PlainText(std::string("a,\0b\n", 6));
  FixResult result = ApplyFixes(std::move(document), rules, FixMode::kUnsafe);
  EXPECT_EQ(result.document->raw(), std::string("a,\0b\n", 6));
  EXPECT_EQ(result.applied, 0);
  EXPECT_FALSE(result.changed);
  EXPECT_THAT(Describe(result.remaining), ElementsAre("comma 1-2: found ,"));
}

TEST(ApplyFixesTest, NeverChangesADocumentWithInvalidUtf8) {
  const RuleSet rules = Rules({{"comma", ReplaceAll(",", "，", Applicability::kSafe)},
                               {"invalid-utf8", [](const Document& document, DiagnosticSink& sink) {
                                  for (const ByteRange& range : document.invalid_utf8()) {
                                    sink.ReportWithFix(range, "invalid UTF-8", Applicability::kSafe,
                                                       "replace with U+FFFD", "\xEF\xBF\xBD");
                                  }
                                }}});
  auto document = PlainText(
      "a,\xFF"
      "b\n");
  const Document* original = document.get();
  FixResult result = ApplyFixes(std::move(document), rules, FixMode::kUnsafe);

  EXPECT_EQ(result.document.get(), original);
  EXPECT_EQ(result.document->raw(),
            "a,\xFF"
            "b\n");
  EXPECT_EQ(result.applied, 0);
  EXPECT_EQ(result.passes, 0);
  EXPECT_FALSE(result.changed);
  EXPECT_THAT(Describe(result.remaining),
              ElementsAre("comma 1-2: found ,", "invalid-utf8 2-3: invalid UTF-8"));
}

TEST(ApplyFixesTest, InsertedNewlinesFollowCrlfLineEndings) {
  const RuleSet rules = Rules({{"split", ReplaceAll(";", "\n", Applicability::kSafe)},
                               {"split-crlf", ReplaceAll("|", "\r\n", Applicability::kSafe)}});
  auto document = PlainText("a;b|c\r\nd\r\n");
  ASSERT_EQ(document->line_ending(), LineEnding::kCrlf);
  FixResult result = ApplyFixes(std::move(document), rules, FixMode::kSafe);

  EXPECT_EQ(result.document->raw(), "a\r\nb\r\nc\r\nd\r\n");
  EXPECT_EQ(result.document->line_ending(), LineEnding::kCrlf);
  EXPECT_EQ(result.applied, 2);
}

TEST(ApplyFixesTest, InsertedNewlinesStayLfInLfDocuments) {
  const RuleSet rules = Rules({{"split", ReplaceAll(";", "\n", Applicability::kSafe)}});
  FixResult result = ApplyFixes(PlainText("a;b\nc\n"), rules, FixMode::kSafe);
  EXPECT_EQ(result.document->raw(), "a\nb\nc\n");
}

TEST(ApplyFixesTest, KeepsTheByteOrderMark) {
  const RuleSet rules = Rules({{"comma", ReplaceAll(",", "，", Applicability::kSafe)},
                               {"bom", ReplaceAll("\xEF\xBB\xBF", "", Applicability::kSafe)}});
  auto document = PlainText(
      "\xEF\xBB\xBF"
      "a,b\n");
  ASSERT_TRUE(document->has_bom());
  FixResult result = ApplyFixes(std::move(document), rules, FixMode::kSafe);

  EXPECT_EQ(result.document->raw(),
            "\xEF\xBB\xBF"
            "a，b\n");
  EXPECT_TRUE(result.document->has_bom());
  EXPECT_EQ(result.applied, 1);
  EXPECT_THAT(Describe(result.remaining), ElementsAre("bom 0-3: found \xEF\xBB\xBF"));
}

TEST(ApplyFixesTest, ZeroMaxPassesAppliesNothing) {
  const RuleSet rules = Rules({{"comma", ReplaceAll(",", "，", Applicability::kSafe)}});
  FixResult result = ApplyFixes(PlainText("a,b"), rules, FixMode::kSafe, 0);
  EXPECT_EQ(result.document->raw(), "a,b");
  EXPECT_EQ(result.applied, 0);
  EXPECT_FALSE(result.changed);
  EXPECT_THAT(Describe(result.remaining), ElementsAre("comma 1-2: found ,"));
}

}  // namespace
}  // namespace ocrlint
