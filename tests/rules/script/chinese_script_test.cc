#include "text/chinese_script.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace ocrlint {
namespace {

using namespace script_flag;  // NOLINT: the flag names read better unqualified here

std::uint16_t FlagsOf(const char* utf8) {
  // Tests pass exactly one BMP CJK character (3 bytes).
  const auto* p = reinterpret_cast<const unsigned char*>(utf8);
  const char32_t cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
  return ScriptTable::Get().Flags(cp);
}

TEST(ScriptTableTest, OneToOneTraditionalCharacter) {
  EXPECT_EQ(FlagsOf("學"), kTraditionalOnly | kT2SOneToOne);
  EXPECT_EQ(FlagsOf("学"), kSimplifiedOnly | kS2TOneToOne);
}

TEST(ScriptTableTest, OneToManyMappingsAreNotOneToOne) {
  // 後 -> 后, but 后 -> 後/后.
  EXPECT_EQ(FlagsOf("後"), kTraditionalOnly);
  // 发 -> 發/髮.
  EXPECT_EQ(FlagsOf("发"), kSimplifiedOnly);
}

TEST(ScriptTableTest, CharactersValidInBothScripts) {
  // t2s may change them, but they are simplified too (乾隆, 於 as a surname).
  EXPECT_EQ(FlagsOf("乾"), kTraditionalAmbiguous);
  EXPECT_EQ(FlagsOf("於"), kTraditionalAmbiguous);
  // s2t may change them, but they are traditional too (皇后, 干擾, 台灣): no flag.
  EXPECT_EQ(FlagsOf("后"), 0);
  EXPECT_EQ(FlagsOf("干"), 0);
  EXPECT_EQ(FlagsOf("台"), 0);
  EXPECT_EQ(FlagsOf("于"), 0);
  // OpenCC treats 著 as simplified (著名, 显著); plain shared characters carry nothing.
  EXPECT_EQ(FlagsOf("著"), 0);
  EXPECT_EQ(FlagsOf("中"), 0);
}

TEST(ScriptTableTest, VariantForms) {
  // 着 is not traditional, and Taiwan writes 著.
  EXPECT_EQ(FlagsOf("着"), kTaiwanForeign);
  EXPECT_EQ(FlagsOf("為"), kTraditionalOnly | kTaiwanForm);
  EXPECT_EQ(FlagsOf("爲"), kTraditionalOnly | kStandardForm | kT2SOneToOne);
  EXPECT_EQ(ScriptTable::Get().Flags(U'A'), 0);
  EXPECT_EQ(ScriptTable::Get().Flags(0x10FFFF), 0);
}

// The table is compiled in from what the build derived from OpenCC's dictionaries: it
// must be what the dictionaries installed now give (rebuild after upgrading OpenCC).
TEST(ScriptTableTest, CompiledInTableMatchesTheInstalledDictionaries) {
  const std::vector<std::uint16_t> derived = ScriptFlagsFromOpenCC();
  ASSERT_EQ(derived.size(), ScriptTable::kLimit);
  std::size_t flagged = 0;
  for (char32_t cp = 0; cp < ScriptTable::kLimit; ++cp) {
    ASSERT_EQ(ScriptTable::Get().Flags(cp), derived[cp])
        << "U+" << std::hex << static_cast<std::uint32_t>(cp);
    flagged += derived[cp] != 0 ? 1 : 0;
  }
  // Thousands of characters of each script.
  EXPECT_GT(flagged, 5000u);
}

TEST(ChineseConverterTest, PiecesCoverTheInputAndConvertByPhrase) {
  const std::string text = "乾隆年間乾燥";
  const std::vector<ConvertedPiece> pieces = ChineseConverter::ToSimplified().Convert(text);
  std::string inputs, outputs;
  for (const ConvertedPiece& piece : pieces) {
    EXPECT_EQ(piece.input.data(), text.data() + inputs.size());
    inputs += piece.input;
    outputs += piece.output;
  }
  EXPECT_EQ(inputs, text);
  EXPECT_EQ(outputs, "乾隆年间干燥");
}

TEST(ChineseConverterTest, TraditionalVariants) {
  EXPECT_EQ(ChineseConverter::ToTraditional(ChineseVariant::kTraditional).ConvertToString("为了"),
            "爲了");
  EXPECT_EQ(ChineseConverter::ToTraditional(ChineseVariant::kTaiwan).ConvertToString("为了"),
            "為了");
  EXPECT_EQ(ChineseConverter::ToTraditional(ChineseVariant::kHongKong).ConvertToString("为了"),
            "為了");
  EXPECT_TRUE(ChineseConverter::ToSimplified().Convert("").empty());
}

TEST(KanaTest, RecognisesKanaButNotTheMiddleDot) {
  EXPECT_TRUE(IsJapaneseKana(U'の'));
  EXPECT_TRUE(IsJapaneseKana(U'カ'));
  EXPECT_TRUE(IsJapaneseKana(U'ｶ'));
  EXPECT_FALSE(IsJapaneseKana(U'\u30FB'));  // katakana middle dot, common in Chinese names
  EXPECT_FALSE(IsJapaneseKana(U'学'));
}

}  // namespace
}  // namespace ocrlint
