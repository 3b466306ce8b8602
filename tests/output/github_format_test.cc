#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "engine/catalog.h"
#include "output/fixtures.h"
#include "output/formatter.h"

namespace ocrlint {
namespace {

using testing_output::DuplicateParagraphMeta;
using testing_output::FailedReport;
using testing_output::MakeDiagnostic;
using testing_output::MakeReport;
using testing_output::StraySpaceMeta;
using testing_output::TraditionalMeta;

std::string Render(const std::vector<FileReport>& reports) {
  RuleCatalog catalog;
  std::ostringstream out;
  WriteReports(OutputFormat::kGithub, reports, catalog, OutputOptions{}, out);
  return out.str();
}

TEST(GithubFormatTest, WorkflowCommandsWithEscaping) {
  // "第一行\n中文 字\n": the space is bytes 16..17 (line 2, column 3).
  FileReport report = MakeReport(
      "dir,x/a:b.txt", "第一行\n中文 字\n",
      {MakeDiagnostic(TraditionalMeta(), Severity::kInfo, "first", {0, 3}),
       MakeDiagnostic(StraySpaceMeta(), Severity::kWarning, "100% sure\r\nnext: a, b", {16, 17}),
       MakeDiagnostic(DuplicateParagraphMeta(), Severity::kError, "copy", {10, 20})});
  EXPECT_EQ(Render({report, FailedReport("gone.txt", "cannot read: 50%\nbye")}),
            "::notice file=dir%2Cx/a%3Ab.txt,line=1,col=1,endLine=1,endColumn=2,"
            "title=ocrlint (traditional-char)::first\n"
            "::warning file=dir%2Cx/a%3Ab.txt,line=2,col=3,endLine=2,endColumn=4,"
            "title=ocrlint (stray-space)::100%25 sure%0D%0Anext: a, b\n"
            "::error file=dir%2Cx/a%3Ab.txt,line=2,col=1,endLine=2,endColumn=5,"
            "title=ocrlint (duplicate-paragraph)::copy\n"
            "::error file=gone.txt::cannot read: 50%25%0Abye\n");
}

TEST(GithubFormatTest, NothingForCleanFiles) { EXPECT_EQ(Render({MakeReport("a", "好", {})}), ""); }

}  // namespace
}  // namespace ocrlint
