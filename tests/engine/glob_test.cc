#include <gtest/gtest.h>

#include "engine/config.h"

namespace ocrlint {
namespace {

TEST(GlobMatchTest, StarMatchesWithinAName) {
  EXPECT_TRUE(GlobMatch("*.txt", "page.txt"));
  EXPECT_TRUE(GlobMatch("*.txt", ".txt"));
  EXPECT_FALSE(GlobMatch("*.txt", "page.txt.bak"));
  EXPECT_FALSE(GlobMatch("*.txt", "page.md"));
}

TEST(GlobMatchTest, NameOnlyPatternsMatchAtAnyDepth) {
  EXPECT_TRUE(GlobMatch("*.txt", "a/b/page.txt"));
  EXPECT_TRUE(GlobMatch("README.md", "docs/README.md"));
  EXPECT_TRUE(GlobMatch("archive", "old/archive"));
  // Only the file name: a folder called "x.txt" does not make its files match.
  EXPECT_FALSE(GlobMatch("*.txt", "x.txt/page.md"));
}

TEST(GlobMatchTest, StarAndQuestionMarkDoNotCrossSlashes) {
  EXPECT_FALSE(GlobMatch("a/*.md", "a/b/c.md"));
  EXPECT_TRUE(GlobMatch("a/*.md", "a/c.md"));
  EXPECT_FALSE(GlobMatch("a?b/x", "a/b/x"));
  EXPECT_FALSE(GlobMatch("a*b/x", "a/b/x"));
}

TEST(GlobMatchTest, PatternsWithASlashAreAnchoredAtTheRoot) {
  EXPECT_TRUE(GlobMatch("letters/*.txt", "letters/a.txt"));
  EXPECT_FALSE(GlobMatch("letters/*.txt", "old/letters/a.txt"));
  EXPECT_TRUE(GlobMatch("/letters/*.txt", "letters/a.txt"));
}

TEST(GlobMatchTest, DoubleStarMatchesAnyNumberOfFolders) {
  EXPECT_TRUE(GlobMatch("**/x/*.md", "x/a.md"));
  EXPECT_TRUE(GlobMatch("**/x/*.md", "p/x/a.md"));
  EXPECT_TRUE(GlobMatch("**/x/*.md", "p/q/x/a.md"));
  EXPECT_FALSE(GlobMatch("**/x/*.md", "p/x/y/a.md"));
  EXPECT_FALSE(GlobMatch("**/x/*.md", "p/xx/a.md"));
  EXPECT_TRUE(GlobMatch("a/**/b.txt", "a/b.txt"));
  EXPECT_TRUE(GlobMatch("a/**/b.txt", "a/1/2/b.txt"));
}

TEST(GlobMatchTest, TrailingDoubleStarMatchesEverythingBelow) {
  EXPECT_TRUE(GlobMatch("a/**", "a/x"));
  EXPECT_TRUE(GlobMatch("a/**", "a/x/y/z.txt"));
  EXPECT_FALSE(GlobMatch("a/**", "b/a/x"));
  EXPECT_FALSE(GlobMatch("a/**", "ab/x"));
  // The folder itself too, which lets a walker skip it without entering.
  EXPECT_TRUE(GlobMatch("a/**", "a"));
}

TEST(GlobMatchTest, QuestionMarkMatchesOneCharacterNotOneByte) {
  EXPECT_TRUE(GlobMatch("page?.txt", "page1.txt"));
  EXPECT_FALSE(GlobMatch("page?.txt", "page.txt"));
  EXPECT_FALSE(GlobMatch("page?.txt", "page12.txt"));
  EXPECT_TRUE(GlobMatch("??访谈.txt", "洛阳访谈.txt"));
  EXPECT_FALSE(GlobMatch("?访谈.txt", "洛阳访谈.txt"));
}

TEST(GlobMatchTest, BracketClasses) {
  EXPECT_TRUE(GlobMatch("[ab].txt", "a.txt"));
  EXPECT_TRUE(GlobMatch("[ab].txt", "b.txt"));
  EXPECT_FALSE(GlobMatch("[ab].txt", "c.txt"));
  EXPECT_TRUE(GlobMatch("page[0-9].md", "page7.md"));
  EXPECT_FALSE(GlobMatch("page[0-9].md", "pagex.md"));
  EXPECT_TRUE(GlobMatch("[!ab].txt", "c.txt"));
  EXPECT_FALSE(GlobMatch("[!ab].txt", "a.txt"));
  EXPECT_TRUE(GlobMatch("[洛郑].txt", "郑.txt"));
  EXPECT_FALSE(GlobMatch("[洛郑].txt", "京.txt"));
}

TEST(GlobMatchTest, AnUnclosedBracketIsLiteral) {
  EXPECT_TRUE(GlobMatch("a[b", "a[b"));
  EXPECT_FALSE(GlobMatch("a[b", "ab"));
}

TEST(GlobMatchTest, BackslashEscapesAMetaCharacter) {
  EXPECT_TRUE(GlobMatch("a\\*b", "a*b"));
  EXPECT_FALSE(GlobMatch("a\\*b", "axb"));
}

TEST(GlobMatchTest, StarBacktracks) {
  EXPECT_TRUE(GlobMatch("*a*b*c", "xxaxxbxxbxc"));
  EXPECT_FALSE(GlobMatch("*a*b*c", "xxaxxbxxbx"));
  EXPECT_TRUE(GlobMatch("*", "anything"));
  EXPECT_FALSE(GlobMatch("", "anything"));
}

TEST(GlobMatchTest, TrailingSlashIsIgnored) {
  EXPECT_TRUE(GlobMatch("drafts/", "notes/drafts"));
  EXPECT_TRUE(GlobMatch("old/drafts/", "old/drafts"));
}

}  // namespace
}  // namespace ocrlint
