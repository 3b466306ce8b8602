#include "text/search.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace ocrlint {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

// Every occurrence, as std::string_view::find finds them, for needles of each length.
TEST(FindInTest, AgreesWithFind) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "督导调研，推进督导工作aab督";
  for (const std::string_view needle : {"督", "督导", "导调研", "a", "ab", "aab", "，推",
                                        "工作aab督", "x", "督导调研，推进督导工作aab督督"}) {
    for (std::size_t from = 0; from <= text.size(); from += 7) {
      for (const std::size_t to : {text.size(), text.size() - 1, text.size() / 2, from + 5}) {
        if (to > text.size()) continue;
        const std::size_t expected = std::string_view(text).substr(0, to).find(needle, from);
        EXPECT_EQ(FindIn(text, needle, from, to),
                  expected == std::string_view::npos ? kNone : expected)
            << needle << " " << from << " " << to;
      }
    }
  }
}

// A needle at every offset of the blocks the vector loops read, and windows ending just
// before and just after it.
TEST(FindInTest, FindsEveryOffset) {
  for (std::size_t pos = 0; pos < 200; ++pos) {
    const std::string text = std::string(pos, 'a') + "督导" + std::string(100, 'b');
    EXPECT_EQ(FindIn(text, "督导", 0, text.size()), pos);
    EXPECT_EQ(FindIn(text, "督导", 0, pos + 5), kNone);
    EXPECT_EQ(FindIn(text, "督导", 0, pos + 6), pos);
    EXPECT_EQ(FindIn(text, "督导", pos + 1, text.size()), kNone);
    std::vector<std::size_t> all;
    FindAllIn(text, "导", 0, text.size(), all);
    EXPECT_EQ(all, std::vector<std::size_t>{pos + 3});
  }
}

TEST(FindInTest, NeedleMustEndByTo) {
  const std::string text = "一体推进12万亩";
  EXPECT_EQ(FindIn(text, "推进", 0, text.size()), 6U);
  EXPECT_EQ(FindIn(text, "推进", 0, 11), kNone);
  EXPECT_EQ(FindIn(text, "推进", 0, 12), 6U);
  EXPECT_EQ(FindIn(text, "推进", 7, 12), kNone);
  EXPECT_EQ(FindIn(text, "", 0, 12), kNone);
}

// FindAllIn finds what FindIn finds, one occurrence after the other.
TEST(FindAllInTest, AgreesWithFindIn) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "督导调研，推进督导工作aab督";
  std::vector<std::size_t> all;
  for (const std::string_view needle : {"督", "督导", "导调研", "a", "ab", "aab", "x", ""}) {
    for (std::size_t from = 0; from <= text.size(); from += 13) {
      for (const std::size_t to : {text.size(), text.size() / 2, from + 5, from + 70}) {
        if (to > text.size()) continue;
        std::vector<std::size_t> expected;
        for (std::size_t at = FindIn(text, needle, from, to); at != kNone;
             at = FindIn(text, needle, at + 1, to)) {
          expected.push_back(at);
        }
        FindAllIn(text, needle, from, to, all);
        EXPECT_EQ(all, expected) << needle << " " << from << " " << to;
      }
    }
  }
}

TEST(CountByteTest, CountsEveryOccurrence) {
  EXPECT_EQ(CountByte("", '"'), 0U);
  EXPECT_EQ(CountByte("他说\"好\"。", '"'), 2U);
  EXPECT_EQ(CountByte("\"\"\"", '"'), 3U);
  EXPECT_EQ(CountByte("没有引号", '"'), 0U);
}

}  // namespace
}  // namespace ocrlint
