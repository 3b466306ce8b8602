#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "engine/catalog.h"
#include "output/fixtures.h"
#include "output/formatter.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

using testing_output::DuplicateParagraphMeta;
using testing_output::FailedReport;
using testing_output::MakeDiagnostic;
using testing_output::MakeFix;
using testing_output::MakeReport;
using testing_output::StraySpaceMeta;
using testing_output::TraditionalMeta;

std::string Render(const std::vector<FileReport>& reports, OutputOptions options = {}) {
  RuleCatalog catalog;
  std::ostringstream out;
  WriteReports(OutputFormat::kText, reports, catalog, options, out);
  return out.str();
}

// "标题\n中文 字符\n": the space is the 3rd character of line 2, bytes 13..14.
FileReport StraySpaceReport() {
  Diagnostic diagnostic = MakeDiagnostic(StraySpaceMeta(), Severity::kWarning,
                                         "stray space between Chinese characters", {13, 14});
  diagnostic.fix = MakeFix(Applicability::kSafe, "remove the space", {13, 14}, "");
  return MakeReport("news/a.txt", "标题\n中文 字符\n", {diagnostic});
}

TEST(TextFormatTest, CaretUnderCjkCountsTwoColumnsPerCharacter) {
  OutputOptions options;
  options.show_fixes = true;
  EXPECT_EQ(Render({StraySpaceReport()}, options),
            "news/a.txt:2:3: warning[stray-space] stray space between Chinese characters\n"
            " 2 | 中文 字符\n"
            "   |     ^\n"
            "  = fix (safe): remove the space\n"
            "\n"
            "    1  stray-space\n"
            "Found 1 problem (0 errors, 1 warning, 0 infos) in 1 file.\n"
            "1 fixable with --fix, 0 more with --unsafe-fixes.\n");
}

TEST(TextFormatTest, WithoutSourceOrFixesOneLinePerFinding) {
  OutputOptions options;
  options.show_source = false;
  EXPECT_EQ(Render({StraySpaceReport()}, options),
            "news/a.txt:2:3: warning[stray-space] stray space between Chinese characters\n"
            "\n"
            "    1  stray-space\n"
            "Found 1 problem (0 errors, 1 warning, 0 infos) in 1 file.\n"
            "1 fixable with --fix, 0 more with --unsafe-fixes.\n");
}

TEST(TextFormatTest, ColourOnlyWhenAsked) {
  OutputOptions options;
  options.color = true;
  options.show_source = true;
  const std::string text = Render({StraySpaceReport()}, options);
  EXPECT_EQ(text,
            "news/a.txt:2:3: \x1b[1;33mwarning\x1b[0m\x1b[2m[stray-space]\x1b[0m stray space "
            "between Chinese characters\n"
            " 2 | 中文 字符\n"
            "   |     \x1b[1;33m^\x1b[0m\n"
            "\n"
            "    1  stray-space\n"
            "Found 1 problem (0 errors, 1 warning, 0 infos) in 1 file.\n"
            "1 fixable with --fix, 0 more with --unsafe-fixes.\n");
  EXPECT_EQ(Render({StraySpaceReport()}).find('\x1b'), std::string::npos);
}

TEST(TextFormatTest, AstralCharactersAreOneColumnInHeaderTwoOnScreen) {
  // U+20000 and U+20001 are 4-byte CJK extension B characters; "ab" starts at byte 8.
  const std::string text = "\U00020000\U00020001ab\n";
  FileReport report = MakeReport(
      "x.txt", text, {MakeDiagnostic(TraditionalMeta(), Severity::kError, "two letters", {8, 10})});
  EXPECT_EQ(Render({report}),
            "x.txt:1:3: error[traditional-char] two letters\n"
            " 1 | \U00020000\U00020001ab\n"
            "   |     ^^\n"
            "\n"
            "    1  traditional-char\n"
            "Found 1 problem (1 error, 0 warnings, 0 infos) in 1 file.\n");
}

TEST(TextFormatTest, InvalidBytesShowAsReplacementCharacters) {
  const std::string text =
      "ab\xFF\xFE"
      "cd";
  FileReport report = MakeReport(
      "bad.txt", text, {MakeDiagnostic(StraySpaceMeta(), Severity::kInfo, "here", {4, 5})});
  EXPECT_EQ(Render({report}),
            "bad.txt:1:5: info[stray-space] here\n"
            " 1 | ab\uFFFD\uFFFDcd\n"
            "   |     ^\n"
            "\n"
            "    1  stray-space\n"
            "Found 1 problem (0 errors, 0 warnings, 1 info) in 1 file.\n");
}

TEST(TextFormatTest, TabsExpandAndControlsAreVisible) {
  // A tab at column 1 reaches column 4; the lone \r is shown as U+240D.
  const std::string text = "a\tb\rc\n";
  FileReport report = MakeReport(
      "t.txt", text, {MakeDiagnostic(StraySpaceMeta(), Severity::kWarning, "cr", {3, 4})});
  EXPECT_EQ(Render({report}, {.color = false, .show_source = true, .show_fixes = false}),
            "t.txt:1:4: warning[stray-space] cr\n"
            " 1 | a   b\u240Dc\n"
            "   |      ^\n"
            "\n"
            "    1  stray-space\n"
            "Found 1 problem (0 errors, 1 warning, 0 infos) in 1 file.\n");
}

// Findings in different files at the same offsets: each shows its own file's line, with
// its own columns.
TEST(TextFormatTest, SameRangeInTwoFilesShowsEachFilesLine) {
  const auto finding = [] {
    return MakeDiagnostic(StraySpaceMeta(), Severity::kWarning, "x", {3, 6});
  };
  const std::vector<FileReport> reports = {MakeReport("a.txt", "甲乙丙\n", {finding()}),
                                           MakeReport("b.txt", "abc乙efg\n", {finding()})};
  EXPECT_EQ(Render(reports, {.color = false, .show_source = true, .show_fixes = false}),
            "a.txt:1:2: warning[stray-space] x\n"
            " 1 | 甲乙丙\n"
            "   |   ^^\n"
            "\n"
            "b.txt:1:4: warning[stray-space] x\n"
            " 1 | abc乙efg\n"
            "   |    ^^\n"
            "\n"
            "    2  stray-space\n"
            "Found 2 problems (0 errors, 2 warnings, 0 infos) in 2 files.\n");
}

// Two findings of one line; DEL, U+0001 and U+0085 are replaced between characters shown
// as they are.
TEST(TextFormatTest, SeveralFindingsOnOneLineWithControlsBetween) {
  const std::string text = "ab\x7F中\x01文\xC2\x85z\n";
  FileReport report =
      MakeReport("c.txt", text,
                 {MakeDiagnostic(StraySpaceMeta(), Severity::kWarning, "han", {3, 6}),
                  MakeDiagnostic(StraySpaceMeta(), Severity::kWarning, "z", {12, 13})});
  EXPECT_EQ(Render({report}, {.color = false, .show_source = true, .show_fixes = false}),
            "c.txt:1:4: warning[stray-space] han\n"
            " 1 | ab\u2421中\u2401文\uFFFDz\n"
            "   |    ^^\n"
            "\n"
            "c.txt:1:8: warning[stray-space] z\n"
            " 1 | ab\u2421中\u2401文\uFFFDz\n"
            "   |          ^\n"
            "\n"
            "    2  stray-space\n"
            "Found 2 problems (0 errors, 2 warnings, 0 infos) in 1 file.\n");
}

std::string CjkLine(int count) {
  std::string line;
  for (int i = 0; i < count; ++i) AppendUtf8(line, U'\u4E00' + static_cast<char32_t>(i));
  return line;
}

std::string CjkChars(int from, int to) {
  std::string out;
  for (int i = from; i < to; ++i) AppendUtf8(out, U'\u4E00' + static_cast<char32_t>(i));
  return out;
}

TEST(TextFormatTest, LongCjkLineShowsWindowAroundRange) {
  // 300 characters on one line; the finding is character 150 (bytes 450..453).
  FileReport report =
      MakeReport("long.txt", CjkLine(300) + "\n",
                 {MakeDiagnostic(StraySpaceMeta(), Severity::kWarning, "middle", {450, 453})});
  // The window holds characters 126..174 (98 columns) around the caret, cut with "…".
  EXPECT_EQ(Render({report}),
            "long.txt:1:151: warning[stray-space] middle\n"
            " 1 | \u2026" +
                CjkChars(126, 175) +
                "\u2026\n"
                "   | " +
                std::string(49, ' ') +
                "^^\n"
                "\n"
                "    1  stray-space\n"
                "Found 1 problem (0 errors, 1 warning, 0 infos) in 1 file.\n");
}

std::string AsciiLine(int count) {
  std::string line;
  for (int i = 0; i < count; ++i) line += static_cast<char>('a' + i % 26);
  return line;
}

TEST(TextFormatTest, LongAsciiLineNearTheEndIsCutOnlyOnTheLeft) {
  const std::string line = AsciiLine(300);
  FileReport report = MakeReport(
      "end.txt", line, {MakeDiagnostic(StraySpaceMeta(), Severity::kWarning, "end", {295, 297})});
  EXPECT_EQ(Render({report}, {.color = false, .show_source = true, .show_fixes = false}),
            "end.txt:1:296: warning[stray-space] end\n"
            " 1 | \u2026" +
                line.substr(200) +
                "\n"
                "   | " +
                std::string(96, ' ') +
                "^^\n"
                "\n"
                "    1  stray-space\n"
                "Found 1 problem (0 errors, 1 warning, 0 infos) in 1 file.\n");
}

TEST(TextFormatTest, MultiLineRangeCaretsToEndOfFirstLine) {
  // A duplicated paragraph from byte 3 ("一二") across the line break.
  Diagnostic diagnostic =
      MakeDiagnostic(DuplicateParagraphMeta(), Severity::kError, "paragraph repeats", {3, 16});
  diagnostic.related.push_back({{0, 3}, "first copy here"});
  diagnostic.fix = MakeFix(Applicability::kUnsafe, "delete the copy", {3, 16}, "");
  FileReport report = MakeReport("m.txt", "甲一二\n三四\n", {diagnostic});
  report.fixes_applied = 2;
  OutputOptions options;
  options.show_fixes = true;
  EXPECT_EQ(Render({report, FailedReport("gone.txt", "No such file or directory")}, options),
            "m.txt:1:2: error[duplicate-paragraph] paragraph repeats\n"
            " 1 | 甲一二\n"
            "   |   ^^^^\n"
            "  = fix (unsafe): delete the copy\n"
            "  = note: m.txt:1:1: first copy here\n"
            "\n"
            "gone.txt: error: No such file or directory\n"
            "\n"
            "    1  duplicate-paragraph\n"
            "Applied 2 fixes.\n"
            "Found 1 problem (1 error, 0 warnings, 0 infos) in 2 files.\n"
            "0 fixable with --fix, 1 more with --unsafe-fixes.\n"
            "1 file could not be checked.\n");
}

TEST(TextFormatTest, CountsSortedByFrequencyThenId) {
  FileReport report =
      MakeReport("c.txt", "中文 字 符\n",
                 {MakeDiagnostic(TraditionalMeta(), Severity::kInfo, "t", {0, 3}),
                  MakeDiagnostic(StraySpaceMeta(), Severity::kWarning, "s", {6, 7}),
                  MakeDiagnostic(StraySpaceMeta(), Severity::kWarning, "s", {10, 11})});
  OutputOptions options;
  options.show_source = false;
  EXPECT_EQ(Render({report}, options),
            "c.txt:1:1: info[traditional-char] t\n"
            "c.txt:1:3: warning[stray-space] s\n"
            "c.txt:1:5: warning[stray-space] s\n"
            "\n"
            "    2  stray-space\n"
            "    1  traditional-char\n"
            "Found 3 problems (0 errors, 2 warnings, 1 info) in 1 file.\n");
}

TEST(TextFormatTest, CleanFiles) {
  EXPECT_EQ(Render({MakeReport("a.txt", "好\n", {}), MakeReport("b.txt", "", {})}),
            "No problems found in 2 files.\n");
}

}  // namespace
}  // namespace ocrlint
