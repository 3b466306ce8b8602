#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "engine/catalog.h"
#include "output/fixtures.h"
#include "output/formatter.h"

namespace ocrlint {
namespace {

using testing_output::FailedReport;
using testing_output::MakeDiagnostic;
using testing_output::MakeFix;
using testing_output::MakeReport;
using testing_output::StraySpaceMeta;
using testing_output::TraditionalMeta;

std::string Render(OutputFormat format, const std::vector<FileReport>& reports) {
  RuleCatalog catalog;
  std::ostringstream out;
  WriteReports(format, reports, catalog, OutputOptions{}, out);
  return out.str();
}

// "第一行\n中文 字\n": line 2 starts at byte 10, the space is bytes 16..17.
std::vector<FileReport> Reports() {
  Diagnostic space = MakeDiagnostic(StraySpaceMeta(), Severity::kWarning,
                                    "stray space between Chinese characters", {16, 17});
  space.related.push_back({{0, 9}, "first line"});
  space.fix = MakeFix(Applicability::kSafe, "remove the space", {16, 17}, "");
  Diagnostic traditional =
      MakeDiagnostic(TraditionalMeta(), Severity::kInfo, "學 is traditional", {3, 6});
  return {MakeReport("p/a.txt", "第一行\n中文 字\n", {space}),
          FailedReport("gone.txt", "cannot read: No such file"),
          MakeReport("b.txt", "中學\n", {traditional})};
}

TEST(JsonFormatTest, FollowsTheContractFieldForField) {
  EXPECT_EQ(Render(OutputFormat::kJson, Reports()), R"({
  "version": 1,
  "files": [
    {
      "path": "p/a.txt",
      "diagnostics": [
        {
          "rule": "stray-space",
          "severity": "warning",
          "message": "stray space between Chinese characters",
          "range": {
            "start": {
              "line": 2,
              "column": 3,
              "offset": 16
            },
            "end": {
              "line": 2,
              "column": 4,
              "offset": 17
            }
          },
          "related": [
            {
              "message": "first line",
              "range": {
                "start": {
                  "line": 1,
                  "column": 1,
                  "offset": 0
                },
                "end": {
                  "line": 1,
                  "column": 4,
                  "offset": 9
                }
              }
            }
          ],
          "fix": {
            "applicability": "safe",
            "message": "remove the space",
            "edits": [
              {
                "start": 16,
                "end": 17,
                "replacement": ""
              }
            ]
          }
        }
      ]
    },
    {
      "path": "gone.txt",
      "error": "cannot read: No such file",
      "diagnostics": []
    },
    {
      "path": "b.txt",
      "diagnostics": [
        {
          "rule": "traditional-char",
          "severity": "info",
          "message": "學 is traditional",
          "range": {
            "start": {
              "line": 1,
              "column": 2,
              "offset": 3
            },
            "end": {
              "line": 1,
              "column": 3,
              "offset": 6
            }
          },
          "related": [],
          "fix": null
        }
      ]
    }
  ],
  "summary": {
    "files": 3,
    "diagnostics": 2,
    "fixable": 1
  }
}
)");
}

TEST(JsonFormatTest, EmptyRunStillHasTheEnvelope) {
  EXPECT_EQ(Render(OutputFormat::kJson, {}),
            "{\n  \"version\": 1,\n  \"files\": [],\n  \"summary\": {\n    \"files\": 0,\n"
            "    \"diagnostics\": 0,\n    \"fixable\": 0\n  }\n}\n");
}

TEST(JsonFormatTest, InvalidUtf8InMessagesIsReplacedNotThrown) {
  FileReport report = MakeReport(
      "x.txt", "a\n", {MakeDiagnostic(StraySpaceMeta(), Severity::kWarning, "bad \xFF!", {0, 1})});
  const nlohmann::json parsed = nlohmann::json::parse(Render(OutputFormat::kJson, {report}));
  EXPECT_EQ(parsed["files"][0]["diagnostics"][0]["message"], "bad \uFFFD!");
}

TEST(JsonlFormatTest, OneCompactObjectPerDiagnosticOrFailure) {
  EXPECT_EQ(
      Render(OutputFormat::kJsonl, Reports()),
      R"({"path":"p/a.txt","rule":"stray-space","severity":"warning","message":"stray space between Chinese characters","range":{"start":{"line":2,"column":3,"offset":16},"end":{"line":2,"column":4,"offset":17}},"related":[{"message":"first line","range":{"start":{"line":1,"column":1,"offset":0},"end":{"line":1,"column":4,"offset":9}}}],"fix":{"applicability":"safe","message":"remove the space","edits":[{"start":16,"end":17,"replacement":""}]}}
{"path":"gone.txt","error":"cannot read: No such file"}
{"path":"b.txt","rule":"traditional-char","severity":"info","message":"學 is traditional","range":{"start":{"line":1,"column":2,"offset":3},"end":{"line":1,"column":3,"offset":6}},"related":[],"fix":null}
)");
}

}  // namespace
}  // namespace ocrlint
