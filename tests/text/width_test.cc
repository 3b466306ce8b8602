#include "text/width.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include "text/utf8.h"

namespace ocrlint {
namespace {

TEST(CharWidthTest, FollowsEastAsianWidth) {
  EXPECT_EQ(CharWidth(U'a'), 1);
  EXPECT_EQ(CharWidth(U'中'), 2);
  EXPECT_EQ(CharWidth(U'\u3000'), 2);      // ideographic space
  EXPECT_EQ(CharWidth(U'\uFF0C'), 2);      // full-width comma
  EXPECT_EQ(CharWidth(U'\u0301'), 0);      // combining acute accent
  EXPECT_EQ(CharWidth(U'\u200B'), 0);      // zero width space
  EXPECT_EQ(CharWidth(U'\U00020000'), 2);  // CJK extension B (astral)
  EXPECT_EQ(CharWidth(kInvalidCodePoint), 1);
}

// CharWidth answers printable ASCII and CJK ideographs before asking utf8proc: every
// other code point must still get utf8proc's width, and those the same.
TEST(CharWidthTest, AgreesWithUtf8procOnEveryCodePointButTab) {
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp == U'\t') continue;
    ASSERT_EQ(CharWidth(cp), utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp)))
        << "U+" << std::hex << static_cast<std::uint32_t>(cp);
  }
}

TEST(AdvanceColumnTest, TabGoesToNextMultipleOfFour) {
  EXPECT_EQ(AdvanceColumn(0, U'\t'), 4u);
  EXPECT_EQ(AdvanceColumn(3, U'\t'), 4u);
  EXPECT_EQ(AdvanceColumn(4, U'\t'), 8u);
  EXPECT_EQ(AdvanceColumn(5, U'中'), 7u);
}

TEST(DisplayWidthTest, MixedText) {
  EXPECT_EQ(DisplayWidth(""), 0u);
  EXPECT_EQ(DisplayWidth("ab中文"), 6u);
  EXPECT_EQ(DisplayWidth("a\tb"), 5u);
  EXPECT_EQ(DisplayWidth("e\u0301"), 1u);
  EXPECT_EQ(DisplayWidth("\xE4\xB8"), 2u);  // truncated sequence: 2 invalid bytes
  EXPECT_EQ(DisplayWidth("\U00020000x"), 3u);
}

}  // namespace
}  // namespace ocrlint
