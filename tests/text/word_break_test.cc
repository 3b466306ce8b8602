#include "text/word_break.h"

#include <gtest/gtest.h>
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "text/utf8.h"

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

// ICU's cjdict trie, opened apart from CjkDictionary, for answers walked the plain way.
const char16_t* ReferenceTrie() {
  UErrorCode status = U_ZERO_ERROR;
  UDataMemory* data =
      udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", "cjdict", &status);
  if (U_FAILURE(status)) return nullptr;
  const auto* bytes = static_cast<const std::uint8_t*>(udata_getMemory(data));
  return reinterpret_cast<const char16_t*>(bytes + reinterpret_cast<const std::int32_t*>(bytes)[0]);
}

bool ReferenceContains(std::string_view word) {
  static const char16_t* const trie = ReferenceTrie();
  const icu::UnicodeString units = icu::UnicodeString::fromUTF8(word);
  icu::UCharsTrie walk(trie);
  return USTRINGTRIE_HAS_VALUE(walk.next(units.getBuffer(), units.length()));
}

// The byte offsets of `text`'s characters, and text.size().
std::vector<std::size_t> CharOffsets(std::string_view text) {
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < text.size(); i += DecodeUtf8Fast(text, i).length) {
    offsets.push_back(i);
  }
  offsets.push_back(text.size());
  return offsets;
}

bool ReferenceHasWordStarting(std::string_view text) {
  const std::vector<std::size_t> offsets = CharOffsets(text);
  for (std::size_t n = 2; n < offsets.size(); ++n) {
    if (ReferenceContains(text.substr(0, offsets[n]))) return true;
  }
  return false;
}

bool ReferenceHasWordAcross(std::string_view text, std::size_t offset) {
  const std::vector<std::size_t> offsets = CharOffsets(text);
  for (const std::size_t begin : offsets) {
    for (const std::size_t end : offsets) {
      if (begin < offset && end > offset && ReferenceContains(text.substr(begin, end - begin))) {
        return true;
      }
    }
  }
  return false;
}

// Asks every question of `text` twice (the first lookup of a character may fill the
// dictionary's table of first steps, the second reads it) and compares with the plain walk.
void ExpectSameAnswers(const CjkDictionary& dictionary, std::string_view text) {
  for (int round = 0; round < 2; ++round) {
    ASSERT_EQ(dictionary.Contains(text), ReferenceContains(text)) << text;
    ASSERT_EQ(dictionary.HasWordStarting(text), ReferenceHasWordStarting(text)) << text;
    for (const std::size_t offset : CharOffsets(text)) {
      ASSERT_EQ(dictionary.HasWordAcross(text, offset), ReferenceHasWordAcross(text, offset))
          << text << " at " << offset;
    }
  }
}

// Words of the dictionary, one in `every`.
std::vector<std::string> SomeDictionaryWords(int every) {
  std::vector<std::string> words;
  UErrorCode status = U_ZERO_ERROR;
  icu::UCharsTrie::Iterator it(ReferenceTrie(), 0, status);
  for (int i = 0; it.next(status) && U_SUCCESS(status); ++i) {
    if (i % every != 0) continue;
    std::string word;
    it.getString().toUTF8String(word);
    words.push_back(word);
  }
  return words;
}

// The table of first steps gives the answers of the plain walk: for single characters in
// and around its range, for words of the dictionary and their neighbours, and for texts
// starting outside the table (Extension A, a supplementary ideograph, ASCII, 々).
TEST(CjkDictionaryTest, FirstStepTableGivesThePlainWalksAnswers) {
  const CjkDictionary* dictionary = CjkDictionary::Get();
  ASSERT_NE(dictionary, nullptr);
  ASSERT_TRUE(ReferenceContains("推进"));
  for (char32_t c = 0x3400; c < 0xA100; ++c) {
    if (c >= 0x4DC0 && c < 0x4E00) continue;
    ASSERT_EQ(dictionary->Contains(EncodeUtf8(c)), ReferenceContains(EncodeUtf8(c)));
    ExpectSameAnswers(*dictionary, EncodeUtf8(c) + "进");
  }
  const std::vector<std::string> words = SomeDictionaryWords(40);
  ASSERT_GT(words.size(), 1000u);
  int multi = 0;
  for (const std::string& word : words) {
    const std::vector<std::size_t> offsets = CharOffsets(word);
    if (offsets.size() > 2) ++multi;
    ExpectSameAnswers(*dictionary, word);
    ExpectSameAnswers(*dictionary, word + "的了");
    ExpectSameAnswers(*dictionary, word.substr(0, offsets[offsets.size() - 2]));
    ExpectSameAnswers(*dictionary, "一" + word);
  }
  EXPECT_GT(multi, 1000);
  for (const std::string_view text :
       {"\u3400\u4e00", "\U00020000\u4e00\u4e01", "a\u63a8\u8fdb", "\u3005\u3005\u63a8",
        "\u9fa5\u9fa5", "\u4e00", "", "\u63a8\u8fdba"}) {
    ExpectSameAnswers(*dictionary, text);
  }
}

// Threads that fill the table at once all get the plain walk's answers.
TEST(CjkDictionaryTest, FirstStepTableIsThreadSafe) {
  const CjkDictionary* dictionary = CjkDictionary::Get();
  ASSERT_NE(dictionary, nullptr);
  std::vector<std::string> texts;
  std::vector<char> expected;
  for (char32_t c = 0x4E00; c < 0xA000; ++c) {
    texts.push_back(EncodeUtf8(c) + "人");
    expected.push_back(ReferenceHasWordStarting(texts.back()) ? 1 : 0);
  }
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::size_t k = t % 2 == 0 ? i : texts.size() - 1 - i;
        if ((dictionary->HasWordStarting(texts[k]) ? 1 : 0) != expected[k]) ++mismatches[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
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
