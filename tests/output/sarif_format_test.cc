#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/catalog.h"
#include "output/fixtures.h"
#include "output/formatter.h"

namespace ocrlint {
namespace {

using nlohmann::json;
using testing_output::DuplicateParagraphMeta;
using testing_output::FailedReport;
using testing_output::MakeDiagnostic;
using testing_output::MakeFix;
using testing_output::MakeReport;
using testing_output::StraySpaceMeta;
using testing_output::TraditionalMeta;

class FakeRule : public Rule {
 public:
  explicit FakeRule(const RuleMeta& meta) : meta_(meta) {}
  const RuleMeta& meta() const override { return meta_; }
  void Check(const Document&, DiagnosticSink&) const override {}

 private:
  const RuleMeta& meta_;
};

RuleCatalog FakeCatalog() {
  RuleCatalog catalog;
  // Added out of order: the catalog sorts by id.
  for (const RuleMeta* meta : {&TraditionalMeta(), &StraySpaceMeta(), &DuplicateParagraphMeta()}) {
    catalog.Add([meta](RuleOptions&) { return std::make_unique<FakeRule>(*meta); });
  }
  return catalog;
}

json RenderSarif(const std::vector<FileReport>& reports, std::string* text = nullptr) {
  const RuleCatalog catalog = FakeCatalog();
  std::ostringstream out;
  WriteReports(OutputFormat::kSarif, reports, catalog, OutputOptions{}, out);
  if (text != nullptr) *text = out.str();
  return json::parse(out.str());
}

// "第一行\n中文 字\n": line 2 starts at byte 10, the space is bytes 16..17.
std::vector<FileReport> Reports() {
  Diagnostic space = MakeDiagnostic(StraySpaceMeta(), Severity::kWarning,
                                    "stray space between Chinese characters", {16, 17});
  space.related.push_back({{0, 9}, "first line"});
  space.fix = MakeFix(Applicability::kSafe, "remove the space", {16, 17}, "");
  Diagnostic copy =
      MakeDiagnostic(DuplicateParagraphMeta(), Severity::kError, "段落重复", {10, 20});
  copy.fix = MakeFix(Applicability::kUnsafe, "delete the copy", {10, 21}, "");
  return {MakeReport("新闻/第1版.txt", "第一行\n中文 字\n", {space, copy})};
}

TEST(SarifFormatTest, LogRunAndDriver) {
  std::string text;
  const json log = RenderSarif(Reports(), &text);
  EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const json& run = log["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(run["tool"]["driver"]["name"], "ocrlint");
  EXPECT_EQ(run["tool"]["driver"]["version"], OCRLINT_VERSION);
  EXPECT_EQ(run["tool"]["driver"]["informationUri"], "https://github.com/ocrlint/ocrlint");
  EXPECT_EQ(run["invocations"], json::parse(R"([{"executionSuccessful": true}])"));
  EXPECT_EQ(text.back(), '\n');
  EXPECT_NE(text.find("\"段落重复\""), std::string::npos) << "no \\u escapes";
}

TEST(SarifFormatTest, RulesComeFromTheCatalogInOrder) {
  const json rules = RenderSarif({})["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0]["id"], "duplicate-paragraph");
  EXPECT_EQ(rules[1], json::parse(R"({
    "id": "stray-space",
    "name": "stray-space",
    "shortDescription": {"text": "A space between Chinese characters"},
    "fullDescription": {"text": "Column wraps leave single spaces inside sentences."},
    "help": {"text": "Column wraps leave single spaces inside sentences."},
    "defaultConfiguration": {"level": "warning"},
    "properties": {"group": "hygiene", "fixable": "always"}
  })"));
  // Disabled by default keeps its level; an empty explanation falls back to the summary.
  EXPECT_EQ(rules[2], json::parse(R"({
    "id": "traditional-char",
    "name": "traditional-char",
    "shortDescription": {"text": "A traditional character in simplified text"},
    "fullDescription": {"text": "A traditional character in simplified text"},
    "help": {"text": "A traditional character in simplified text"},
    "defaultConfiguration": {"level": "note", "enabled": false},
    "properties": {"group": "script", "fixable": "none"}
  })"));
  EXPECT_EQ(rules[0]["defaultConfiguration"]["level"], "error");
}

TEST(SarifFormatTest, ResultWithRegionRelatedLocationAndFix) {
  const json results = RenderSarif(Reports())["runs"][0]["results"];
  ASSERT_EQ(results.size(), 2u);
  const std::string uri = "%E6%96%B0%E9%97%BB/%E7%AC%AC1%E7%89%88.txt";
  EXPECT_EQ(results[0], json::parse(R"({
    "ruleId": "stray-space",
    "ruleIndex": 1,
    "level": "warning",
    "message": {"text": "stray space between Chinese characters"},
    "locations": [{"physicalLocation": {
      "artifactLocation": {"uri": ")" +
                                    uri + R"("},
      "region": {"startLine": 2, "startColumn": 3, "endLine": 2, "endColumn": 4,
                 "byteOffset": 16, "byteLength": 1}}}],
    "relatedLocations": [{"id": 0, "physicalLocation": {
      "artifactLocation": {"uri": ")" +
                                    uri + R"("},
      "region": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 4,
                 "byteOffset": 0, "byteLength": 9}},
      "message": {"text": "first line"}}],
    "fixes": [{
      "description": {"text": "remove the space"},
      "artifactChanges": [{
        "artifactLocation": {"uri": ")" +
                                    uri + R"("},
        "replacements": [{"deletedRegion": {"byteOffset": 16, "byteLength": 1},
                          "insertedContent": {"text": ""}}]}],
      "properties": {"applicability": "safe"}}]
  })"));
  EXPECT_EQ(results[1]["ruleIndex"], 0);
  EXPECT_EQ(results[1]["level"], "error");
  EXPECT_FALSE(results[1].contains("relatedLocations"));
  EXPECT_EQ(results[1]["fixes"][0]["properties"]["applicability"], "unsafe");
  EXPECT_EQ(results[1]["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"],
            json::parse(R"({"byteOffset": 10, "byteLength": 11})"));
}

TEST(SarifFormatTest, FailedFilesMakeTheInvocationUnsuccessful) {
  FileReport info =
      MakeReport("/abs/dir/a b.txt", "x",
                 {MakeDiagnostic(TraditionalMeta(), Severity::kInfo, "note this", {0, 1})});
  const json run =
      RenderSarif({info, FailedReport("gone.txt", "cannot read: No such file")})["runs"][0];
  EXPECT_EQ(run["results"][0]["level"], "note");
  EXPECT_EQ(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "file:///abs/dir/a%20b.txt");
  EXPECT_EQ(run["invocations"], json::parse(R"([{
    "executionSuccessful": false,
    "toolExecutionNotifications": [{
      "level": "error",
      "message": {"text": "cannot read: No such file"},
      "locations": [{"physicalLocation": {"artifactLocation": {"uri": "gone.txt"}}}]}]}])"));
}

TEST(SarifFormatTest, UnknownRuleHasNoRuleIndex) {
  static const RuleMeta pack_rule = [] {
    RuleMeta meta;
    meta.id = "pack-rule";
    return meta;
  }();
  const json results = RenderSarif({MakeReport(
      "a.txt", "x",
      {MakeDiagnostic(pack_rule, Severity::kWarning, "m", {0, 1})})})["runs"][0]["results"];
  EXPECT_EQ(results[0]["ruleId"], "pack-rule");
  EXPECT_FALSE(results[0].contains("ruleIndex"));
}

}  // namespace
}  // namespace ocrlint
