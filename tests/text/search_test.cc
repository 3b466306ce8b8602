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

// Every occurrence near the end of windows of every length around the vector blocks (the
// last block of a window overlaps the one before it), against std::string_view::find.
TEST(FindAllInTest, FindsEveryOccurrenceNearTheEnd) {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "督导调研，推进督导工作aab";
  std::vector<std::size_t> all;
  for (const std::string_view needle : {"督", "导调研", "aab"}) {
    for (std::size_t from = 0; from < 40; from += 3) {
      for (std::size_t to = from; to <= from + 300 && to <= text.size(); ++to) {
        std::vector<std::size_t> expected;
        const std::string_view window = std::string_view(text).substr(0, to);
        for (std::size_t at = window.find(needle, from); at != std::string_view::npos;
             at = window.find(needle, at + 1)) {
          expected.push_back(at);
        }
        FindAllIn(text, needle, from, to, all);
        EXPECT_EQ(all, expected) << needle << " " << from << " " << to;
        const std::size_t first = FindIn(text, needle, from, to);
        EXPECT_EQ(first, expected.empty() ? kNone : expected.front()) << needle << " " << to;
      }
    }
  }
}

// IdeographsBefore and IdeographsAt against a count one character at a time, for runs of
// every length up to past the vector step, bounded by `begin`/`end` and by `max_chars`,
// next to ASCII, punctuation and characters of two and four bytes.
TEST(IdeographsTest, AgreesWithOneAtATime) {
  const auto count_before = [](std::string_view text, std::size_t begin, std::size_t pos,
                               std::size_t max_chars) {
    std::size_t n = 0;
    while (n < max_chars && pos >= begin + 3 && IsIdeographLead(text[pos - 3])) {
      pos -= 3;
      ++n;
    }
    return n;
  };
  const auto count_at = [](std::string_view text, std::size_t pos, std::size_t end,
                           std::size_t max_chars) {
    std::size_t n = 0;
    while (n < max_chars && pos + 3 <= end && IsIdeographLead(text[pos])) {
      pos += 3;
      ++n;
    }
    return n;
  };
  for (const std::string_view edge : {"a", "，", "é", "😀", "\u3000", "ｂ"}) {
    for (int run = 0; run <= 17; ++run) {
      std::string text(edge);
      const std::size_t first = text.size();
      for (int k = 0; k < run; ++k) text += k % 3 == 0 ? "督" : (k % 3 == 1 ? "乐" : "龟");
      const std::size_t last = text.size();
      text += edge;
      for (std::size_t max_chars : {0, 1, 4, 5, 6, 10, 11, 100}) {
        EXPECT_EQ(IdeographsBefore(text, 0, last, max_chars),
                  count_before(text, 0, last, max_chars))
            << edge << " " << run << " " << max_chars;
        EXPECT_EQ(IdeographsAt(text, first, text.size(), max_chars),
                  count_at(text, first, text.size(), max_chars))
            << edge << " " << run << " " << max_chars;
        for (std::size_t bound = first; bound <= last; bound += 3) {
          EXPECT_EQ(IdeographsBefore(text, bound, last, max_chars),
                    count_before(text, bound, last, max_chars));
          EXPECT_EQ(IdeographsAt(text, first, bound, max_chars),
                    count_at(text, first, bound, max_chars));
        }
      }
    }
  }
  // The run ends at the edges, and where the text itself ends.
  EXPECT_EQ(IdeographsBefore("督导调研工作推进落实", 0, 30, 100), 10U);
  EXPECT_EQ(IdeographsAt("督导调研工作推进落实", 0, 30, 100), 10U);
  EXPECT_EQ(IdeographsBefore("a督导，调研工作推进落实", 0, 34, 100), 8U);
  EXPECT_EQ(IdeographsAt("督导调研工作推进落实，a", 0, 34, 100), 10U);
  EXPECT_EQ(IdeographsAt("，督导", 0, 9, 100), 0U);
  EXPECT_EQ(IdeographsBefore("督导，", 0, 9, 100), 0U);
}

TEST(CountByteTest, CountsEveryOccurrence) {
  EXPECT_EQ(CountByte("", '"'), 0U);
  EXPECT_EQ(CountByte("他说\"好\"。", '"'), 2U);
  EXPECT_EQ(CountByte("\"\"\"", '"'), 3U);
  EXPECT_EQ(CountByte("没有引号", '"'), 0U);
}

}  // namespace
}  // namespace ocrlint
