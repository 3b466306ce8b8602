#include "text/lexicon.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "testing/run_ocrlint.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

// The words of `text` as LexiconBoundaries splits it, joined with '|'.
std::string Split(std::string_view text) {
  const std::vector<std::size_t> b = LexiconBoundaries(text);
  std::string out;
  for (std::size_t i = 1; i < b.size(); ++i) {
    if (i > 1) out += '|';
    out.append(text.substr(b[i - 1], b[i] - b[i - 1]));
  }
  return out;
}

TEST(LexiconTest, KnowsWordsOfNewsProseThatIcuSplits) {
  for (const char* word : {"督导", "试点", "民营", "防护", "以来", "常委会", "书记"}) {
    EXPECT_TRUE(LexiconWordCost(word)) << word;
  }
  for (const char* word : {"须须", "现现", "与兰", "", "abc", "负责负责人"}) {
    EXPECT_FALSE(LexiconWordCost(word)) << word;
  }
}

// The supplement (src/text/lexicon_extra.txt) adds words of current news prose.
TEST(LexiconTest, KnowsTheSupplement) {
  for (const char* word : {"文旅", "康养", "网格员", "副主任", "之道"}) {
    EXPECT_TRUE(LexiconWordCost(word)) << word;
  }
  EXPECT_EQ(Split("总务处副主任孙楠"), "总务处|副主任|孙|楠");
}

TEST(LexiconTest, WordClasses) {
  EXPECT_EQ(LexiconWordClass("精气神"), WordClass::kNoun);
  EXPECT_EQ(LexiconWordClass("洛阳"), WordClass::kProperNoun);
  EXPECT_EQ(LexiconWordClass("巩固"), WordClass::kVerb);
  EXPECT_EQ(LexiconWordClass("重要"), WordClass::kAdjective);
  EXPECT_EQ(LexiconWordClass("按照"), WordClass::kPreposition);
  EXPECT_EQ(LexiconWordClass("背后"), WordClass::kPlace);
  EXPECT_EQ(LexiconWordClass("今年"), WordClass::kTime);
  EXPECT_FALSE(LexiconWordClass("与兰"));
  EXPECT_FALSE(LexiconWordClass(""));
}

// The words of one character have classes too, and a character that begins no word and
// is none, in or out of the blocks of the table of characters, is no word.
TEST(LexiconTest, WordsOfOneCharacter) {
  EXPECT_EQ(LexiconWordClass("在"), WordClass::kPreposition);
  EXPECT_EQ(LexiconWordClass("我"), WordClass::kPronoun);
  EXPECT_EQ(LexiconWordClass("国"), WordClass::kNoun);
  EXPECT_EQ(LexiconWordClass("的"), WordClass::kOther);
  for (const char* word : {"\u3007", "\uF900", "\u4DC0", "\U00020000"}) {
    EXPECT_FALSE(LexiconWordCost(word)) << word;
    EXPECT_FALSE(LexiconWordClass(word)) << word;
  }
}

// The list keeps the beginnings of longer words to find those, but they are no words.
TEST(LexiconTest, BeginningsOfLongerWordsAreNoWords) {
  EXPECT_TRUE(LexiconWordCost("一一列举"));
  EXPECT_FALSE(LexiconWordCost("一一列"));
  EXPECT_FALSE(LexiconWordClass("一一列"));
  EXPECT_TRUE(LexiconWordCost("一休哥"));
  EXPECT_FALSE(LexiconWordCost("一休"));
  EXPECT_FALSE(LexiconWordClass("一休"));
  EXPECT_FALSE(LexiconWordCost("一休哥哥"));
}

TEST(LexiconTest, CommonWordsCostLessThanRareOnes) {
  ASSERT_TRUE(LexiconWordCost("的") && LexiconWordCost("督导"));
  EXPECT_LT(*LexiconWordCost("的"), *LexiconWordCost("督导"));
  EXPECT_LT(*LexiconWordCost("督导"), LexiconUnknownCost());
}

TEST(LexiconTest, SegmentsByWordFrequency) {
  EXPECT_EQ(Split("一体推进12万亩"), "一体|推进|12|万亩");
  EXPECT_EQ(Split("全力织密反诈防防护网"), "全力|织|密|反|诈|防|防护网");
  // Names are not in the list: their characters stand alone.
  EXPECT_EQ(Split("市委书记 郭飞飞，2024年"), "市委书记| |郭|飞|飞|，|2024|年");
}

TEST(LexiconTest, BoundariesCoverTheTextOnce) {
  EXPECT_EQ(LexiconBoundaries(""), (std::vector<std::size_t>{0}));
  EXPECT_EQ(LexiconBoundaries("ab  c"), (std::vector<std::size_t>{0, 2, 4, 5}));
  EXPECT_EQ(LexiconBoundaries("（的）"), (std::vector<std::size_t>{0, 3, 6, 9}));
}

// The overload that fills a caller's buffer replaces what the buffer held.
TEST(LexiconTest, BoundariesIntoABuffer) {
  std::vector<std::size_t> bounds = {7, 7, 7};
  LexiconBoundaries("一体推进12万亩", bounds);
  EXPECT_EQ(bounds, LexiconBoundaries("一体推进12万亩"));
  LexiconBoundaries("", bounds);
  EXPECT_EQ(bounds, (std::vector<std::size_t>{0}));
}

// The segmenter a rule templated on WordSegmenter reads with: its buffer holds the
// boundaries of the last text it read.
TEST(LexiconTest, SegmenterReusesItsBuffer) {
  LexiconSegmenter segmenter;
  const std::vector<std::size_t>& first = segmenter.Boundaries("一体推进12万亩");
  EXPECT_EQ(first, LexiconBoundaries("一体推进12万亩"));
  const std::vector<std::size_t>& second = segmenter.Boundaries("（的）");
  EXPECT_EQ(&first, &second);
  EXPECT_EQ(second, (std::vector<std::size_t>{0, 3, 6, 9}));
}

// The search of the hash table stops early for a key that is no word (its probing is
// ordered): words are found all the same, and keys next to them are not.
TEST(LexiconTest, FindsWordsAndNoOthers) {
  for (const char* word : {"推进", "产业", "负责", "负责人", "一体化", "人民", "中国", "返乡",
                           "创业", "规模", "动力电池", "中华人民", "表示", "的", "了", "是"}) {
    EXPECT_TRUE(LexiconWordCost(word)) << word;
  }
  for (const char* text :
       {"负责负责", "产业产业", "的的的", "中国中", "人民人民", "返乡返乡", "了了了了", "是的的"}) {
    EXPECT_FALSE(LexiconWordCost(text)) << text;
  }
}

// Lookups of words that are not of one to four characters words may hold.
TEST(LexiconTest, NoCostForWhatCannotBeAWord) {
  EXPECT_FALSE(LexiconWordCost("一体推进了"));  // five characters
  EXPECT_FALSE(LexiconWordCost("推进a"));
  EXPECT_FALSE(LexiconWordClass("推\xE8"));  // a broken sequence
  EXPECT_FALSE(LexiconWordCost("推\xE8\xBF"));
  EXPECT_FALSE(LexiconWordCost("\xE0\x80\x80"));        // overlong
  EXPECT_FALSE(LexiconWordCost("一\xF0\xA0\x80\x80"));  // a Han character of plane 2
  EXPECT_FALSE(LexiconWordCost("一体推进a"));
  EXPECT_TRUE(LexiconWordCost("一体化"));
}

// The segmentation the word list's definition gives, worked out from LexiconWordCost
// alone: of all the ways to cut a run of Han characters into words of one to four
// characters, the one of least total cost, where a character that is no word costs
// LexiconUnknownCost() and a longer piece must be a word; of equal totals, the one whose
// first word (from the run's start, and so on) is shorter. Returns the cuts as offsets.
std::vector<std::size_t> LeastCostCuts(std::string_view run) {
  const std::size_t n = run.size() / 3;
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> best(n + 1, kNone);
  std::vector<std::size_t> length(n + 1, 0);
  best[n] = 0;
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t k = 1; k <= 4 && i + k <= n; ++k) {
      const std::optional<std::uint16_t> cost = LexiconWordCost(run.substr(3 * i, 3 * k));
      if (!cost && k > 1) continue;
      const std::uint32_t total = (cost ? *cost : LexiconUnknownCost()) + best[i + k];
      if (total < best[i]) {
        best[i] = total;
        length[i] = k;
      }
    }
  }
  std::vector<std::size_t> cuts = {0};
  for (std::size_t i = 0; i < n; i += length[i]) cuts.push_back(3 * (i + length[i]));
  return cuts;
}

// LexiconBoundaries reads the word list as its definition says (LeastCostCuts): every
// window of one to sixteen characters at every position of the sample pages' runs of Han
// characters of three bytes.
TEST(LexiconTest, BoundariesAreTheLeastCostSegmentation) {
  std::size_t windows = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::SourceDir() / "corpus_samples")) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::string> runs(1);
    for (std::size_t i = 0; i < text.size();) {
      const Decoded d = DecodeUtf8Fast(text, i);
      if (d.length == 3 && IsHan(d.code_point)) {
        runs.back().append(text.substr(i, 3));
      } else if (!runs.back().empty()) {
        runs.emplace_back();
      }
      i += d.length;
    }
    for (const std::string& run : runs) {
      for (std::size_t from = 0; 3 * from < run.size(); ++from) {
        for (std::size_t chars = 1; chars <= 16 && 3 * (from + chars) <= run.size(); ++chars) {
          const std::string_view window = std::string_view(run).substr(3 * from, 3 * chars);
          ASSERT_EQ(LexiconBoundaries(window), LeastCostCuts(window)) << window;
          ++windows;
        }
      }
    }
  }
  EXPECT_GT(windows, 100000u);
}

}  // namespace
}  // namespace ocrlint
