#include "output/report.h"

#include <gtest/gtest.h>

#include <vector>

#include "output/fixtures.h"
#include "output/formatter.h"

namespace ocrlint {
namespace {

using testing_output::FailedReport;
using testing_output::MakeDiagnostic;
using testing_output::MakeFix;
using testing_output::MakeReport;
using testing_output::StraySpaceMeta;

TEST(SummarizeTest, CountsBySeverityFixesAndFailures) {
  Diagnostic fixable = MakeDiagnostic(StraySpaceMeta(), Severity::kWarning, "w", {0, 1});
  fixable.fix = MakeFix(Applicability::kUnsafe, "f", {0, 1}, "");
  std::vector<FileReport> reports = {
      MakeReport("a", "abc",
                 {fixable, MakeDiagnostic(StraySpaceMeta(), Severity::kError, "e", {1, 2}),
                  MakeDiagnostic(StraySpaceMeta(), Severity::kInfo, "i", {2, 3})}),
      FailedReport("b", "boom")};
  reports[0].fixes_applied = 3;
  const Summary summary = Summarize(reports);
  EXPECT_EQ(summary.files, 2u);
  EXPECT_EQ(summary.diagnostics, 3u);
  EXPECT_EQ(summary.fixable, 1u);
  EXPECT_EQ(summary.errors, 1u);
  EXPECT_EQ(summary.warnings, 1u);
  EXPECT_EQ(summary.infos, 1u);
  EXPECT_EQ(summary.failed_files, 1u);
  EXPECT_EQ(summary.fixes_applied, 3u);
}

TEST(ExitCodeForTest, FailureBeatsFindingsAndInfosAreClean) {
  const FileReport info =
      MakeReport("a", "abc", {MakeDiagnostic(StraySpaceMeta(), Severity::kInfo, "i", {0, 1})});
  const FileReport warning =
      MakeReport("b", "abc", {MakeDiagnostic(StraySpaceMeta(), Severity::kWarning, "w", {0, 1})});
  const FileReport error =
      MakeReport("c", "abc", {MakeDiagnostic(StraySpaceMeta(), Severity::kError, "e", {0, 1})});
  EXPECT_EQ(ExitCodeFor(std::vector<FileReport>{}), 0);
  EXPECT_EQ(ExitCodeFor(std::vector<FileReport>{info}), 0);
  EXPECT_EQ(ExitCodeFor(std::vector<FileReport>{info, warning}), 1);
  EXPECT_EQ(ExitCodeFor(std::vector<FileReport>{error}), 1);
  EXPECT_EQ(ExitCodeFor(std::vector<FileReport>{error, FailedReport("d", "x")}), 2);
}

TEST(ParseOutputFormatTest, KnownNamesOnly) {
  EXPECT_EQ(ParseOutputFormat("text"), OutputFormat::kText);
  EXPECT_EQ(ParseOutputFormat("json"), OutputFormat::kJson);
  EXPECT_EQ(ParseOutputFormat("jsonl"), OutputFormat::kJsonl);
  EXPECT_EQ(ParseOutputFormat("sarif"), OutputFormat::kSarif);
  EXPECT_EQ(ParseOutputFormat("github"), OutputFormat::kGithub);
  EXPECT_EQ(ParseOutputFormat("JSON"), std::nullopt);
  EXPECT_EQ(ParseOutputFormat(""), std::nullopt);
}

}  // namespace
}  // namespace ocrlint
