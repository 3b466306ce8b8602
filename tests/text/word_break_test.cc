#include "text/word_break.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace ocrlint {
namespace {

// Joins the words between boundaries with '|'.
std::string Segmented(std::string_view text) {
  WordSegmenter segmenter;
  const std::vector<std::size_t> bounds = segmenter.Boundaries(text);
  std::string out;
  for (std::size_t i = 1; i < bounds.size(); ++i) {
    if (i > 1) out += '|';
    out += text.substr(bounds[i - 1], bounds[i] - bounds[i - 1]);
  }
  return out;
}

TEST(WordSegmenterTest, DictionaryWordsOfChineseText) {
  EXPECT_EQ(Segmented("一体推进12万亩"), "一体|推进|12|万|亩");
}

TEST(WordSegmenterTest, BoundaryInsideAWordIsNotOne) {
  WordSegmenter segmenter;
  const std::string text = "一体推进";
  EXPECT_FALSE(segmenter.IsBoundary(text, 9));  // 推|进
  EXPECT_TRUE(segmenter.IsBoundary(text, 6));   // 一体|推进
  EXPECT_TRUE(segmenter.IsBoundary(text, 0));
  EXPECT_TRUE(segmenter.IsBoundary(text, text.size()));
}

TEST(WordSegmenterTest, WordAtGivesTheEnclosingWord) {
  WordSegmenter segmenter;
  const std::string text = "一体推进";
  EXPECT_EQ(segmenter.WordAt(text, 9), std::make_pair(std::size_t{6}, std::size_t{12}));
  EXPECT_EQ(segmenter.WordAt(text, 0), std::make_pair(std::size_t{0}, std::size_t{6}));
}

// Segmenters are clones of one iterator: each keeps its own text.
TEST(WordSegmenterTest, SegmentersAreIndependent) {
  WordSegmenter first;
  WordSegmenter second;
  EXPECT_FALSE(first.IsBoundary("一体推进", 9));
  EXPECT_TRUE(second.IsBoundary("推进一体", 6));
  EXPECT_FALSE(first.IsBoundary("一体推进", 9));
  EXPECT_EQ(second.Boundaries("推进一体"), (std::vector<std::size_t>{0, 6, 12}));
}

TEST(WordSegmenterTest, EmptyTextHasOneBoundary) { EXPECT_EQ(Segmented(""), ""); }

// ICU reads the text in UTF-16: the offsets stay UTF-8 byte offsets, around characters of
// four bytes (two UTF-16 units) too.
TEST(WordSegmenterTest, OffsetsAreBytesAroundCharactersOutsideTheBmp) {
  EXPECT_EQ(Segmented("ab \U0001F600 一体推进"), "ab| |\U0001F600| |一体|推进");
  WordSegmenter segmenter;
  const std::string text = "\U0001F600一体推进";
  EXPECT_FALSE(segmenter.IsBoundary(text, 4 + 9));  // 推|进
  EXPECT_TRUE(segmenter.IsBoundary(text, 4 + 6));   // 一体|推进
  EXPECT_EQ(segmenter.WordAt(text, 4 + 9), std::make_pair(std::size_t{10}, std::size_t{16}));
}

// An offset inside a character is no boundary, and stands for the character in WordAt.
TEST(WordSegmenterTest, OffsetInsideACharacter) {
  WordSegmenter segmenter;
  const std::string text = "一体推进";
  EXPECT_FALSE(segmenter.IsBoundary(text, 7));
  EXPECT_EQ(segmenter.WordAt(text, 7), std::make_pair(std::size_t{6}, std::size_t{12}));
}

TEST(CjkDictionaryTest, LooksUpIcusWords) {
  const CjkDictionary* dictionary = CjkDictionary::Get();
  ASSERT_NE(dictionary, nullptr);
  EXPECT_TRUE(dictionary->Contains("推进"));
  EXPECT_FALSE(dictionary->Contains("推进推"));
  EXPECT_TRUE(dictionary->HasWordStarting("推进了"));
  EXPECT_FALSE(dictionary->HasWordStarting("推"));
  EXPECT_TRUE(dictionary->HasWordAcross("一体推进", 9));  // 推|进
}

// IsBoundary answers from the dictionary where no word of it spans the offset: the same
// answers as ICU's segmentation.
TEST(WordSegmenterTest, IsBoundaryAgreesWithTheSegmentation) {
  for (const std::string_view text : {"一体推进", "要紧紧抓住", "化科科长", "签订订单", "全国国企",
                                      "融合的科", "孟津区签", "书画画"}) {
    const std::vector<std::size_t> bounds = WordSegmenter().Boundaries(text);
    WordSegmenter segmenter;
    for (std::size_t offset = 0; offset <= text.size(); ++offset) {
      const bool expected = std::find(bounds.begin(), bounds.end(), offset) != bounds.end();
      EXPECT_EQ(segmenter.IsBoundary(text, offset), expected) << text << " at " << offset;
    }
  }
}

}  // namespace
}  // namespace ocrlint
