// Runs the documented examples of every built-in rule (LanguageTool style): each bad
// example must produce exactly the findings marked with ⟦ ⟧ and fix to its `fixed` text,
// and each good example must produce nothing. Rules added to the registry are covered
// without touching this file.

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "engine/catalog.h"
#include "engine/linter.h"
#include "packs/pack_catalog.h"

namespace ocrlint {
namespace {

constexpr std::string_view kOpen = "\u27E6";   // ⟦
constexpr std::string_view kClose = "\u27E7";  // ⟧

// An example's text with the markers removed, and the ranges they enclosed.
struct MarkedText {
  std::string text;
  std::vector<ByteRange> ranges;
  std::string error;  // non-empty when the markers are unbalanced
};

MarkedText StripMarkers(std::string_view input) {
  MarkedText out;
  std::optional<std::size_t> open;
  std::size_t i = 0;
  while (i < input.size()) {
    if (input.substr(i, kOpen.size()) == kOpen) {
      if (open) out.error = "nested \u27E6 at byte " + std::to_string(i);
      open = out.text.size();
      i += kOpen.size();
    } else if (input.substr(i, kClose.size()) == kClose) {
      if (!open) out.error = "\u27E7 without \u27E6 at byte " + std::to_string(i);
      out.ranges.push_back({open.value_or(0), out.text.size()});
      open.reset();
      i += kClose.size();
    } else {
      out.text.push_back(input[i++]);
    }
  }
  if (open) out.error = "\u27E6 without \u27E7";
  return out;
}

const RuleCatalog& Catalog() {
  static const RuleCatalog catalog = DefaultCatalog();
  return catalog;
}

std::vector<std::string> BuiltinIds() {
  std::vector<std::string> ids;
  for (const auto& rule : Catalog().rules()) ids.push_back(rule->meta().id);
  return ids;
}

std::string Describe(std::string_view text, const ByteRange& range) {
  std::ostringstream out;
  out << "[" << range.begin << ", " << range.end << ") \"" << range.In(text) << "\"";
  return out.str();
}

std::string Describe(std::string_view text, const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return "  (none)\n";
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += "  " + Describe(text, d.range) + " " + d.message;
    if (d.fix) out += " [fix: " + d.fix->message + "]";
    out += "\n";
  }
  return out;
}

std::string Describe(std::string_view text, const std::vector<ByteRange>& ranges) {
  if (ranges.empty()) return "  (none)\n";
  std::string out;
  for (const ByteRange& r : ranges) out += "  " + Describe(text, r) + "\n";
  return out;
}

class RuleExamplesTest : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const Rule* rule = Catalog().Find(GetParam());
    ASSERT_NE(rule, nullptr);
    for (const auto& shared : Catalog().rules()) {
      if (shared.get() == rule) rules_.rules.push_back({shared, rule->meta().default_severity});
    }
    meta_ = &rule->meta();
  }

  static std::unique_ptr<Document> MakeDocument(const RuleExample& example, std::string text) {
    return Document::Create(example.markdown ? "example.md" : "example.txt", std::move(text));
  }

  RuleSet rules_;
  const RuleMeta* meta_ = nullptr;
};

TEST_P(RuleExamplesTest, HasBadAndGoodExamples) {
  EXPECT_FALSE(meta_->bad_examples.empty()) << meta_->id << " has no bad example";
  EXPECT_FALSE(meta_->good_examples.empty()) << meta_->id << " has no good example";
}

TEST_P(RuleExamplesTest, BadExamplesFindExactlyTheMarkedRanges) {
  for (const RuleExample& example : meta_->bad_examples) {
    SCOPED_TRACE("bad example: " + example.input);
    const MarkedText marked = StripMarkers(example.input);
    ASSERT_EQ(marked.error, "");
    ASSERT_FALSE(marked.ranges.empty()) << "a bad example needs at least one \u27E6\u27E7";
    auto document = MakeDocument(example, marked.text);
    const std::vector<Diagnostic> found = Lint(*document, rules_);
    std::vector<ByteRange> ranges;
    for (const Diagnostic& d : found) ranges.push_back(d.range);
    EXPECT_EQ(ranges, marked.ranges) << "expected:\n"
                                     << Describe(marked.text, marked.ranges) << "found:\n"
                                     << Describe(marked.text, found);
    for (const Diagnostic& d : found) {
      if (meta_->fix == FixAvailability::kNone) {
        EXPECT_FALSE(d.fix) << meta_->id << " declares no fixes, but "
                            << Describe(marked.text, d.range) << " has one";
      }
      if (meta_->fix == FixAvailability::kAlways) {
        EXPECT_TRUE(d.fix) << meta_->id << " declares a fix for every finding, but "
                           << Describe(marked.text, d.range) << " has none";
      }
    }
    if (!example.fixed) {
      for (const Diagnostic& d : found) {
        EXPECT_FALSE(d.fix) << "the example declares no fix, but " << Describe(marked.text, d.range)
                            << " offers \"" << d.fix->message << "\"";
      }
    }
  }
}

TEST_P(RuleExamplesTest, BadExamplesFixToTheFixedTextIdempotently) {
  for (const RuleExample& example : meta_->bad_examples) {
    if (!example.fixed) continue;
    SCOPED_TRACE("bad example: " + example.input);
    const MarkedText marked = StripMarkers(example.input);
    ASSERT_EQ(marked.error, "");
    FixResult result = ApplyFixes(MakeDocument(example, marked.text), rules_, FixMode::kUnsafe);
    ASSERT_NE(result.document, nullptr);
    EXPECT_EQ(result.document->raw(), *example.fixed);

    auto fixed = MakeDocument(example, *example.fixed);
    for (const Diagnostic& d : Lint(*fixed, rules_)) {
      EXPECT_FALSE(d.fix) << "the fixed text still gets a fix: "
                          << Describe(*example.fixed, d.range) << " " << d.message;
    }
  }
}

TEST_P(RuleExamplesTest, GoodExamplesFindNothing) {
  for (const RuleExample& example : meta_->good_examples) {
    SCOPED_TRACE("good example: " + example.input);
    const MarkedText marked = StripMarkers(example.input);
    ASSERT_EQ(marked.error, "");
    EXPECT_TRUE(marked.ranges.empty()) << "a good example has no markers";
    auto document = MakeDocument(example, marked.text);
    const std::vector<Diagnostic> found = Lint(*document, rules_);
    EXPECT_TRUE(found.empty()) << "found:\n" << Describe(marked.text, found);
  }
}

std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Builtin, RuleExamplesTest, testing::ValuesIn(BuiltinIds()), TestName);

TEST(StripMarkersTest, RecordsRangesInStrippedText) {
  const MarkedText marked = StripMarkers("a\u27E6bc\u27E7d\u27E6\u27E7e");
  EXPECT_EQ(marked.error, "");
  EXPECT_EQ(marked.text, "abcde");
  EXPECT_EQ(marked.ranges, (std::vector<ByteRange>{{1, 3}, {4, 4}}));
}

TEST(StripMarkersTest, ReportsUnbalancedMarkers) {
  EXPECT_NE(StripMarkers("a\u27E6b").error, "");
  EXPECT_NE(StripMarkers("a\u27E7b").error, "");
  EXPECT_NE(StripMarkers("\u27E6a\u27E6b\u27E7").error, "");
}

}  // namespace
}  // namespace ocrlint
