#include "text/word_break.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "testing/run_ocrlint.h"
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

// ICU's own word boundaries of `text` (UTF-8, BMP only), as byte offsets: the break
// iterator the segmenter clones, read without it.
std::vector<std::size_t> IcuBoundaries(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  static const std::unique_ptr<icu::BreakIterator> prototype(
      icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
  std::unique_ptr<icu::BreakIterator> iterator(prototype->clone());
  const icu::UnicodeString units = icu::UnicodeString::fromUTF8(text);
  iterator->setText(units);
  std::vector<std::size_t> byte_of_unit;  // each unit's byte offset, and text.size()
  for (std::size_t i = 0; i < text.size(); i += DecodeUtf8Fast(text, i).length) {
    byte_of_unit.push_back(i);
  }
  byte_of_unit.push_back(text.size());
  std::vector<std::size_t> bounds;
  for (int32_t b = iterator->first(); b != icu::BreakIterator::DONE; b = iterator->next()) {
    bounds.push_back(byte_of_unit.at(static_cast<std::size_t>(b)));
  }
  return bounds;
}

// The runs of plain ideographs of the sample pages.
std::vector<std::string> PlainRunsOfTheSamples() {
  std::vector<std::string> runs;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::SourceDir() / "corpus_samples")) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string run;
    for (std::size_t i = 0; i < text.size();) {
      const Decoded d = DecodeUtf8Fast(text, i);
      if (IsPlainIdeograph(d.code_point)) {
        run.append(text.substr(i, d.length));
      } else if (!run.empty()) {
        runs.push_back(std::exchange(run, {}));
      }
      i += d.length;
    }
    if (!run.empty()) runs.push_back(run);
  }
  return runs;
}

// SegmentPlain is ICU's segmentation, without ICU: for windows of every length up to 24
// characters across the sample pages' runs of ideographs, longer ones up to the limit,
// dictionary words in context, and ideographs that are no word.
TEST(CjkDictionaryTest, SegmentPlainIsIcusSegmentation) {
  const CjkDictionary* dictionary = CjkDictionary::Get();
  ASSERT_NE(dictionary, nullptr);
  std::vector<std::string> texts;
  for (const std::string& run : PlainRunsOfTheSamples()) {
    const std::size_t chars = run.size() / 3;
    for (std::size_t from = 0; from < chars; ++from) {
      for (std::size_t length = 1; length <= 24 && from + length <= chars; ++length) {
        texts.push_back(run.substr(3 * from, 3 * length));
      }
      if (from % 16 == 0) {
        const std::size_t length = std::min(CjkDictionary::kMaxPlainChars, chars - from);
        texts.push_back(run.substr(3 * from, 3 * length));
      }
    }
  }
  ASSERT_GT(texts.size(), 100000u) << "the sample pages hold fewer ideographs";
  for (const std::string& word : SomeDictionaryWords(40)) {
    texts.push_back("一" + word + "的");
  }
  for (char32_t c = 0x3400; c < 0xA000; c += 7) {
    if (c >= 0x4DC0 && c < 0x4E00) continue;
    texts.push_back(EncodeUtf8(c) + "进" + EncodeUtf8(c) + EncodeUtf8(c));
  }
  texts.emplace_back("");
  std::size_t compared = 0;
  std::size_t several = 0;  // texts of more than one word
  std::vector<std::size_t> bounds;
  for (const std::string& text : texts) {
    if (!dictionary->SegmentPlain(text, bounds)) {
      // Only a dictionary word of other characters (Extension B, 〇).
      const std::vector<std::size_t> offsets = CharOffsets(text);
      ASSERT_FALSE(std::all_of(offsets.begin(), offsets.end() - 1, [&](std::size_t i) {
        return IsPlainIdeograph(DecodeUtf8Fast(text, i).code_point);
      })) << text;
      continue;
    }
    ++compared;
    const std::vector<std::size_t> expected = IcuBoundaries(text);
    ASSERT_EQ(bounds, expected) << text;
    if (expected.size() > 3) ++several;
  }
  EXPECT_GT(compared, 100000u);
  EXPECT_GT(several, 50000u);
}

TEST(CjkDictionaryTest, SegmentPlainLeavesOtherTextsToIcu) {
  const CjkDictionary* dictionary = CjkDictionary::Get();
  ASSERT_NE(dictionary, nullptr);
  std::vector<std::size_t> bounds;
  EXPECT_TRUE(dictionary->SegmentPlain("一体推进", bounds));
  EXPECT_EQ(bounds, (std::vector<std::size_t>{0, 6, 12}));
  for (const std::string_view text :
       {"一体，推进", "一体推进a", "\U00020000一体", "々推进", "〇一"}) {
    EXPECT_FALSE(dictionary->SegmentPlain(text, bounds)) << text;
  }
  std::string longest;
  for (std::size_t i = 0; i < CjkDictionary::kMaxPlainChars; ++i) longest += "推";
  EXPECT_TRUE(dictionary->SegmentPlain(longest, bounds));
  EXPECT_FALSE(dictionary->SegmentPlain(longest + "进", bounds));
}

// A hard punctuation mark is a word of its own, between runs of ideographs, at the ends,
// or next to another mark: the segmenter reads such windows without ICU (doubled-word's
// windows end at one, duplicate-span's may hold one), with ICU's boundaries, for every
// mark and the sample pages' runs.
TEST(WordSegmenterTest, HardPunctuationGivesIcusBoundaries) {
  std::vector<std::string> marks;
  for (char32_t c = 0x21; c < 0x10000; ++c) {
    if (IsHardPunctuation(c)) marks.push_back(EncodeUtf8(c));
  }
  ASSERT_GE(marks.size(), 20u);
  std::vector<std::string> runs = PlainRunsOfTheSamples();
  ASSERT_GT(runs.size(), 1000u);
  std::size_t compared = 0;
  WordSegmenter segmenter;
  for (std::size_t m = 0; m < marks.size(); ++m) {
    const std::string& mark = marks[m];
    const std::string& other = marks[(m + 7) % marks.size()];
    for (std::size_t r = m; r < runs.size(); r += 7) {
      const std::string run = runs[r].substr(0, 3 * 20);
      const std::string& next = runs[(r + 1) % runs.size()];
      for (const std::string& text :
           {mark + run, run + mark, mark + run + other, run + mark + next,
            run + mark + other + next.substr(0, 3 * 4), mark + other, mark}) {
        const std::vector<std::size_t> expected = IcuBoundaries(text);
        ASSERT_EQ(segmenter.Boundaries(text), expected) << text;
        const std::size_t middle = expected[expected.size() / 2];
        ASSERT_TRUE(segmenter.IsBoundary(text, middle)) << text;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 10000u);
}

// The segmenter answers a text of plain ideographs without ICU, and others with it: the
// same answers as ICU's iterator either way, for Boundaries and IsBoundary.
TEST(WordSegmenterTest, PlainAndMixedTextsGiveIcusBoundaries) {
  WordSegmenter segmenter;
  for (const std::string_view text : {"要紧紧抓住", "一体推进12万亩", "负责负责人", "，负责负责人",
                                      "民营企业企业家。", "化科科长", "融合的科", "全国国企", "，",
                                      "，。", "“推进”", "a推进，", "推进，，", "推进—", "(推进)"}) {
    const std::vector<std::size_t> expected = IcuBoundaries(text);
    EXPECT_EQ(segmenter.Boundaries(text), expected) << text;
    for (std::size_t offset = 0; offset <= text.size(); ++offset) {
      const bool boundary = std::binary_search(expected.begin(), expected.end(), offset);
      EXPECT_EQ(segmenter.IsBoundary(text, offset), boundary) << text << " at " << offset;
    }
  }
}

}  // namespace
}  // namespace ocrlint
