#include <gtest/gtest.h>

#include "rules/hygiene/hygiene_rules.h"
#include "rules/hygiene/rule_check.h"

namespace ocrlint {
namespace {

using testing_util::RuleCheck;

class TrailingSpaceRuleTest : public testing::Test {
 protected:
  std::vector<ByteRange> Ranges(std::string text, std::string path = "test.txt") {
    std::vector<ByteRange> ranges;
    for (const Diagnostic& d : check_.Run(std::move(text), std::move(path))) {
      ranges.push_back(d.range);
    }
    return ranges;
  }

  RuleCheck check_{&MakeTrailingSpaceRule};
};

TEST_F(TrailingSpaceRuleTest, SpacesBeforeNewline) {
  const auto found = check_.Run("abc  \ndef");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{3, 5}));
  EXPECT_EQ(found[0].message, "trailing white space at the end of the line");
  ASSERT_TRUE(found[0].fix);
  EXPECT_EQ(found[0].fix->message, "delete trailing white space");
  EXPECT_EQ(found[0].fix->applicability, Applicability::kSafe);
  EXPECT_EQ(found[0].fix->edits, (std::vector<Edit>{{{3, 5}, ""}}));
}

TEST_F(TrailingSpaceRuleTest, CrlfLinesKeepTheirTerminator) {
  const std::string text = "abc \r\ndef\t\u3000\r\n";
  EXPECT_EQ(Ranges(text), (std::vector<ByteRange>{{3, 4}, {9, 13}}));
  EXPECT_EQ(check_.Fixed(text), "abc\r\ndef\r\n");
}

TEST_F(TrailingSpaceRuleTest, EndOfFileWithoutNewline) {
  EXPECT_EQ(Ranges("abc\u3000"), (std::vector<ByteRange>{{3, 6}}));
  EXPECT_EQ(Ranges("abc \n"), (std::vector<ByteRange>{{3, 4}}));
  EXPECT_TRUE(Ranges("").empty());
}

TEST_F(TrailingSpaceRuleTest, WhitespaceOnlyLineIsEmptied) {
  const std::string text = "a\n \t\u3000\nb";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (ByteRange{2, 7}));
  EXPECT_EQ(found[0].message, "line holds only white space");
  EXPECT_EQ(found[0].fix->message, "delete the white space");
  EXPECT_EQ(check_.Fixed(text), "a\n\nb");
}

TEST_F(TrailingSpaceRuleTest, LeadingIndentAndLoneCarriageReturnAreNotTrailing) {
  EXPECT_TRUE(Ranges("\u3000\u3000段首\n\tb\n").empty());
  // A lone CR does not end a line, so the space before it is not at a line end.
  EXPECT_TRUE(Ranges("a \rb\n").empty());
}

TEST_F(TrailingSpaceRuleTest, MarkdownHardLineBreak) {
  // Two spaces inside a paragraph: a hard break in Markdown, trailing space in plain text.
  EXPECT_TRUE(Ranges("第一行  \n第二行\n", "a.md").empty());
  EXPECT_EQ(Ranges("第一行  \n第二行\n", "a.txt"), (std::vector<ByteRange>{{9, 11}}));
  EXPECT_TRUE(Ranges("第一行  \r\n第二行\r\n", "a.md").empty());
}

TEST_F(TrailingSpaceRuleTest, MarkdownSpacesThatAreNoHardBreak) {
  // Three spaces, a tab, the last line of a paragraph, a heading.
  EXPECT_EQ(Ranges("一行   \n二行\n", "a.md"), (std::vector<ByteRange>{{6, 9}}));
  EXPECT_EQ(Ranges("一行\t \n二行\n", "a.md"), (std::vector<ByteRange>{{6, 8}}));
  EXPECT_EQ(Ranges("一行  \n\n下一段\n", "a.md"), (std::vector<ByteRange>{{6, 8}}));
  EXPECT_EQ(Ranges("# 标题  \n\n正文\n", "a.md"), (std::vector<ByteRange>{{8, 10}}));
}

}  // namespace
}  // namespace ocrlint
