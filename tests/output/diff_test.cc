#include "output/diff.h"

#include <gtest/gtest.h>

#include <string>

namespace ocrlint {
namespace {

TEST(UnifiedDiffTest, EqualTextsGiveNothing) {
  EXPECT_EQ(UnifiedDiff("a.txt", "一\n二\n", "一\n二\n"), "");
  EXPECT_EQ(UnifiedDiff("a.txt", "", ""), "");
}

TEST(UnifiedDiffTest, ChangeInTheMiddleHasThreeLinesOfContext) {
  const std::string before = "1\n2\n3\n4\n中小學生\n6\n7\n8\n9\n";
  const std::string after = "1\n2\n3\n4\n中小学生\n6\n7\n8\n9\n";
  EXPECT_EQ(UnifiedDiff("news/p1.txt", before, after),
            "--- a/news/p1.txt\n"
            "+++ b/news/p1.txt\n"
            "@@ -2,7 +2,7 @@\n"
            " 2\n"
            " 3\n"
            " 4\n"
            "-中小學生\n"
            "+中小学生\n"
            " 6\n"
            " 7\n"
            " 8\n");
}

TEST(UnifiedDiffTest, NearbyChangesShareAHunkAndFarOnesDoNot) {
  const std::string before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\no\np\n";
  const std::string after = "A\nb\nc\nd\ne\nf\nG\nh\ni\nj\nk\nl\nm\nn\no\nP\n";
  EXPECT_EQ(UnifiedDiff("x", before, after),
            "--- a/x\n+++ b/x\n"
            "@@ -1,10 +1,10 @@\n"
            "-a\n+A\n b\n c\n d\n e\n f\n-g\n+G\n h\n i\n j\n"
            "@@ -13,4 +13,4 @@\n"
            " m\n n\n o\n-p\n+P\n");
}

TEST(UnifiedDiffTest, InsertionAtEndWithoutNewline) {
  EXPECT_EQ(UnifiedDiff("a.txt", "一\n二", "一\n二\n三"),
            "--- a/a.txt\n+++ b/a.txt\n"
            "@@ -1,2 +1,3 @@\n"
            " 一\n"
            "-二\n"
            "\\ No newline at end of file\n"
            "+二\n"
            "+三\n"
            "\\ No newline at end of file\n");
}

TEST(UnifiedDiffTest, UnchangedLastLineWithoutNewlineIsMarked) {
  EXPECT_EQ(UnifiedDiff("a", "x\ny", "X\ny"),
            "--- a/a\n+++ b/a\n"
            "@@ -1,2 +1,2 @@\n"
            "-x\n+X\n y\n"
            "\\ No newline at end of file\n");
}

TEST(UnifiedDiffTest, CrlfStaysPartOfTheLine) {
  EXPECT_EQ(UnifiedDiff("w.txt", "甲\r\n乙 丙\r\n丁\r\n", "甲\r\n乙丙\r\n丁\r\n"),
            "--- a/w.txt\n+++ b/w.txt\n"
            "@@ -1,3 +1,3 @@\n"
            " 甲\r\n"
            "-乙 丙\r\n"
            "+乙丙\r\n"
            " 丁\r\n");
}

TEST(UnifiedDiffTest, PureInsertionAndDeletionRanges) {
  EXPECT_EQ(UnifiedDiff("f", "", "new\n"), "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+new\n");
  EXPECT_EQ(UnifiedDiff("f", "a\nb\nc\nd\ne\n", "a\nb\nc\nd\nX\ne\n", 0),
            "--- a/f\n+++ b/f\n@@ -4,0 +5 @@\n+X\n");
  EXPECT_EQ(UnifiedDiff("f", "a\nb\nc\n", "a\nc\n", 1),
            "--- a/f\n+++ b/f\n@@ -1,3 +1,2 @@\n a\n-b\n c\n");
}

TEST(UnifiedDiffTest, InterleavedEditsAreMinimal) {
  // Myers' own example (ABCABBA -> CBABAC): the shortest script has 5 edits; a
  // prefix/suffix-only diff would replace all 13 lines.
  EXPECT_EQ(UnifiedDiff("f", "a\nb\nc\na\nb\nb\na\n", "c\nb\na\nb\na\nc\n", 0),
            "--- a/f\n+++ b/f\n"
            "@@ -1 +1 @@\n-a\n+c\n"
            "@@ -3 +2,0 @@\n-c\n"
            "@@ -6 +4,0 @@\n-b\n"
            "@@ -7,0 +6 @@\n+c\n");
}

TEST(UnifiedDiffTest, LargeFileWithFewChangesIsExact) {
  std::string before;
  for (int i = 0; i < 40000; ++i) before += "第" + std::to_string(i) + "行 文字\n";
  std::string after = before;
  const std::string old_line = "第20000行 文字\n";
  after.replace(after.find(old_line), old_line.size(), "第20000行文字\n");
  after += "尾";
  EXPECT_EQ(UnifiedDiff("big.txt", before, after),
            "--- a/big.txt\n+++ b/big.txt\n"
            "@@ -19998,7 +19998,7 @@\n"
            " 第19997行 文字\n 第19998行 文字\n 第19999行 文字\n"
            "-第20000行 文字\n+第20000行文字\n"
            " 第20001行 文字\n 第20002行 文字\n 第20003行 文字\n"
            "@@ -39998,3 +39998,4 @@\n"
            " 第39997行 文字\n 第39998行 文字\n 第39999行 文字\n"
            "+尾\n\\ No newline at end of file\n");
}

}  // namespace
}  // namespace ocrlint
