#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/catalog.h"
#include "output/fixtures.h"
#include "output/formats.h"
#include "output/formatter.h"

namespace ocrlint {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;
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

// The SARIF writer streams the log; its bytes must be those of dumping an ordered_json DOM
// of it (indent 2, no ASCII escaping, invalid UTF-8 replaced), as the writer did before it
// streamed. The reference below builds that DOM by hand, for strings with quotes,
// backslashes, control characters, invalid bytes and characters beyond the BMP.
ordered_json ReferenceText(std::string_view text) {
  ordered_json json;
  json["text"] = text;
  return json;
}

ordered_json ReferencePhysicalLocation(const FileReport& report, const std::string& uri,
                                       ByteRange range) {
  const auto [start, end] = output_internal::LocateRange(report, range);
  ordered_json json;
  json["artifactLocation"]["uri"] = uri;
  json["region"]["startLine"] = start.line;
  json["region"]["startColumn"] = start.column;
  json["region"]["endLine"] = end.line;
  json["region"]["endColumn"] = end.column;
  json["region"]["byteOffset"] = range.begin;
  json["region"]["byteLength"] = range.size();
  return json;
}

ordered_json ReferenceRule(const RuleMeta& meta) {
  const std::string_view help = meta.explanation.empty() ? meta.summary : meta.explanation;
  ordered_json json;
  json["id"] = meta.id;
  json["name"] = meta.id;
  json["shortDescription"] = ReferenceText(meta.summary);
  json["fullDescription"] = ReferenceText(help);
  json["help"] = ReferenceText(help);
  json["defaultConfiguration"]["level"] =
      meta.default_severity == Severity::kError ? "error" : "warning";
  json["properties"]["group"] = ToString(meta.group);
  json["properties"]["fixable"] = ToString(meta.fix);
  return json;
}

TEST(SarifFormatTest, StreamedBytesEqualDumpingTheDom) {
  static const RuleMeta tricky_meta = [] {
    RuleMeta meta;
    meta.id = "a-tricky-rule";
    meta.default_severity = Severity::kError;
    meta.summary = "say \"hi\" \\ \t\x01 \xff\xfe 𠀀";
    meta.explanation = "line\nbreak \x1f\x7f 😀 \xe4\xb8";
    return meta;
  }();
  RuleCatalog catalog;
  for (const RuleMeta* meta : {&StraySpaceMeta(), &tricky_meta}) {
    catalog.Add([meta](RuleOptions&) { return std::make_unique<FakeRule>(*meta); });
  }
  static const RuleMeta pack_rule = [] {
    RuleMeta meta;
    meta.id = "pack-rule";
    return meta;
  }();

  const std::string text = "甲\"乙\\丙\n𠀀丁\x01戊\xff己\n😀\n";
  Diagnostic first = MakeDiagnostic(tricky_meta, Severity::kError,
                                    "quote \" backslash \\ tab\t nl\n \x01\x1f\x7f", {3, 7});
  first.related.push_back({{0, 3}, "bad \xff\xfe bytes \xe4\xb8 cut"});
  first.related.push_back({{13, 17}, "non-BMP 𠀀 and 😀"});
  first.fix = MakeFix(Applicability::kUnsafe, "replace \"乙\"", {3, 4}, "\xf0\x9f\x98\x80\x02\"");
  first.fix->edits.push_back(Edit{{13, 17}, "\\u0000 \xc3\x28"});
  Diagnostic second =
      MakeDiagnostic(pack_rule, Severity::kInfo, "\xed\xa0\x80 surrogate", {17, 20});
  second.fix = Fix{};  // no edits
  Diagnostic third = MakeDiagnostic(StraySpaceMeta(), Severity::kWarning, "", {27, 31});
  std::vector<FileReport> reports = {
      MakeReport("/tmp/a\"b/第1版.txt", text, {first, second}),
      FailedReport("gone\xff.txt", "cannot read \"gone\": \xff\x01"),
      MakeReport("b.txt", text, {third}),
  };
  const std::vector<std::string> uris = {"file:///tmp/a%22b/%E7%AC%AC1%E7%89%88.txt", "gone%FF.txt",
                                         "b.txt"};

  ordered_json rules =
      ordered_json::array({ReferenceRule(tricky_meta), ReferenceRule(StraySpaceMeta())});
  ordered_json results = ordered_json::array();
  for (std::size_t i : {0, 2}) {
    for (const Diagnostic& diagnostic : reports[i].diagnostics) {
      ordered_json result;
      result["ruleId"] = output_internal::RuleId(diagnostic);
      if (diagnostic.rule == &tricky_meta) result["ruleIndex"] = 0;
      if (diagnostic.rule == &StraySpaceMeta()) result["ruleIndex"] = 1;
      result["level"] = diagnostic.severity == Severity::kError     ? "error"
                        : diagnostic.severity == Severity::kWarning ? "warning"
                                                                    : "note";
      result["message"] = ReferenceText(diagnostic.message);
      ordered_json location;
      location["physicalLocation"] =
          ReferencePhysicalLocation(reports[i], uris[i], diagnostic.range);
      result["locations"] = ordered_json::array({location});
      if (!diagnostic.related.empty()) {
        ordered_json related = ordered_json::array();
        for (const RelatedLocation& other : diagnostic.related) {
          ordered_json item;
          item["id"] = related.size();
          item["physicalLocation"] = ReferencePhysicalLocation(reports[i], uris[i], other.range);
          item["message"] = ReferenceText(other.message);
          related.push_back(item);
        }
        result["relatedLocations"] = related;
      }
      if (diagnostic.fix) {
        ordered_json replacements = ordered_json::array();
        for (const Edit& edit : diagnostic.fix->edits) {
          ordered_json replacement;
          replacement["deletedRegion"]["byteOffset"] = edit.range.begin;
          replacement["deletedRegion"]["byteLength"] = edit.range.size();
          replacement["insertedContent"] = ReferenceText(edit.replacement);
          replacements.push_back(replacement);
        }
        ordered_json change;
        change["artifactLocation"]["uri"] = uris[i];
        change["replacements"] = replacements;
        ordered_json fix;
        fix["description"] = ReferenceText(diagnostic.fix->message);
        fix["artifactChanges"] = ordered_json::array({change});
        fix["properties"]["applicability"] = ToString(diagnostic.fix->applicability);
        result["fixes"] = ordered_json::array({fix});
      }
      results.push_back(result);
    }
  }
  ordered_json notification;
  notification["level"] = "error";
  notification["message"] = ReferenceText(reports[1].error);
  ordered_json location;
  location["physicalLocation"]["artifactLocation"]["uri"] = uris[1];
  notification["locations"] = ordered_json::array({location});
  ordered_json invocation;
  invocation["executionSuccessful"] = false;
  invocation["toolExecutionNotifications"] = ordered_json::array({notification});
  ordered_json run;
  run["tool"]["driver"]["name"] = "ocrlint";
  run["tool"]["driver"]["version"] = OCRLINT_VERSION;
  run["tool"]["driver"]["informationUri"] = "https://github.com/ocrlint/ocrlint";
  run["tool"]["driver"]["rules"] = rules;
  run["invocations"] = ordered_json::array({invocation});
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = results;
  ordered_json log;
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = ordered_json::array({run});
  const std::string expected =
      log.dump(2, ' ', /*ensure_ascii=*/false, ordered_json::error_handler_t::replace) + '\n';

  std::ostringstream out;
  WriteReports(OutputFormat::kSarif, reports, catalog, OutputOptions{}, out);
  EXPECT_EQ(out.str(), expected);
  // The empty log too: no rules, no results, nothing failed.
  ordered_json empty_run = run;
  empty_run["tool"]["driver"]["rules"] = ordered_json::array();
  empty_run["invocations"] = ordered_json::array({{{"executionSuccessful", true}}});
  empty_run["results"] = ordered_json::array();
  ordered_json empty_log = log;
  empty_log["runs"] = ordered_json::array({empty_run});
  std::ostringstream empty_out;
  WriteReports(OutputFormat::kSarif, {}, RuleCatalog{}, OutputOptions{}, empty_out);
  EXPECT_EQ(empty_out.str(),
            empty_log.dump(2, ' ', false, ordered_json::error_handler_t::replace) + '\n');
}

}  // namespace
}  // namespace ocrlint
