// In-process tests of the LSP conversions and edit helpers (no child process).

#include "lsp/conversions.h"

#include <gtest/gtest.h>

#include <string>

#include "core/document.h"
#include "lsp/code_actions.h"

namespace ocrlint::lsp {
namespace {

TEST(LspConversionsTest, PathFromUriDecodesFileUris) {
  EXPECT_EQ(PathFromUri("file:///home/a/b%20c.md"), "/home/a/b c.md");
  EXPECT_EQ(PathFromUri("file://localhost/tmp/x.txt"), "/tmp/x.txt");
  EXPECT_EQ(PathFromUri("file:///tmp/%E6%96%87.txt"), "/tmp/文.txt");
  EXPECT_EQ(PathFromUri("untitled:Untitled-1.md"), "Untitled-1.md");
}

TEST(LspConversionsTest, PositionsInBothEncodings) {
  const std::string text = "甲\n𠀀中Ａ\n";
  const LineIndex lines(text);
  const std::size_t a = text.find("Ａ");
  EXPECT_EQ(ToLspPosition(lines, a, PositionEncoding::kUtf16),
            (json{{"line", 1}, {"character", 3}}));
  EXPECT_EQ(ToLspPosition(lines, a, PositionEncoding::kUtf8),
            (json{{"line", 1}, {"character", 7}}));
  EXPECT_EQ(OffsetFromLsp(lines, json{{"line", 1}, {"character", 3}}, PositionEncoding::kUtf16), a);
  EXPECT_EQ(OffsetFromLsp(lines, json{{"line", 1}, {"character", 7}}, PositionEncoding::kUtf8), a);
  // Reversed ranges are normalised.
  const ByteRange range = RangeFromLsp(
      lines,
      json{{"start", {{"line", 1}, {"character", 4}}}, {"end", {{"line", 1}, {"character", 3}}}},
      PositionEncoding::kUtf16);
  EXPECT_EQ(range, (ByteRange{a, a + 3}));
  EXPECT_THROW(OffsetFromLsp(lines, json{{"line", "x"}}, PositionEncoding::kUtf16),
               json::exception);
}

TEST(LspConversionsTest, SeverityMapping) {
  EXPECT_EQ(ToLspSeverity(Severity::kError), 1);
  EXPECT_EQ(ToLspSeverity(Severity::kWarning), 2);
  EXPECT_EQ(ToLspSeverity(Severity::kInfo), 3);
}

TEST(LspMinimalEditTest, CutsAtCharacterBoundaries) {
  // 乙 (E4 B9 99) and 丙 (E4 B8 99) share their first and last bytes.
  EXPECT_EQ(MinimalEdit("甲乙丁", "甲丙丁"), (Edit{ByteRange{3, 6}, "丙"}));
  EXPECT_EQ(MinimalEdit("ＡＢ", "AB"), (Edit{ByteRange{0, 6}, "AB"}));
  EXPECT_EQ(MinimalEdit("同", "同"), (Edit{ByteRange{3, 3}, ""}));
  EXPECT_EQ(MinimalEdit("a  \nb", "a\nb"), (Edit{ByteRange{1, 3}, ""}));
}

TEST(LspMinimalEditTest, NeverSplitsCrlf) {
  const Edit edit = MinimalEdit("a\r\nb", "a\r\r\nb");
  EXPECT_EQ(edit, (Edit{ByteRange{1, 1}, "\r"}));
}

TEST(LspDisableCommentTest, MarkdownAndPlainText) {
  EXPECT_EQ(DisableNextLineComment(DocumentFormat::kMarkdown, "stray-space"),
            "<!-- ocrlint-disable-next-line stray-space -->");
  EXPECT_EQ(DisableNextLineComment(DocumentFormat::kPlainText, "stray-space"),
            "%% ocrlint-disable-next-line stray-space");
}

}  // namespace
}  // namespace ocrlint::lsp
