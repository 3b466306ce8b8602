#ifndef OCRLINT_TEXT_CHINESE_SCRIPT_H_
#define OCRLINT_TEXT_CHINESE_SCRIPT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ocrlint {

// The two ways of writing Chinese, and the traditional variants OpenCC converts to.
enum class ChineseVariant {
  kSimplified,   // OpenCC "s"
  kTraditional,  // OpenCC standard traditional ("t"), the variant of s2t
  kTaiwan,       // "tw", s2tw
  kHongKong,     // "hk", s2hk
};

// Per-code-point classes derived from OpenCC's character dictionaries. A code point may
// carry several flags; most carry none (shared by both scripts, or not Chinese).
namespace script_flag {
// t2s always changes it: never valid simplified text (學, 後, 爲).
inline constexpr std::uint16_t kTraditionalOnly = 1 << 0;
// t2s may change it, but it is also a simplified character in some words (乾 in 乾隆,
// 於 as a surname, 瞭 in 瞭望): only phrase-level conversion can tell.
inline constexpr std::uint16_t kTraditionalAmbiguous = 1 << 1;
// s2t always changes it: never valid traditional text (学, 发, 为).
inline constexpr std::uint16_t kSimplifiedOnly = 1 << 2;
// t2s maps it to exactly one character, whose s2t mapping is exactly this one (學/学).
inline constexpr std::uint16_t kT2SOneToOne = 1 << 3;
// s2t maps it to exactly one character (学 -> 學; not 发 -> 發/髮).
inline constexpr std::uint16_t kS2TOneToOne = 1 << 4;
// A form the Taiwan variant table replaces and that is not itself traditional (着 -> 著).
inline constexpr std::uint16_t kTaiwanForeign = 1 << 5;
// The same for the Hong Kong variant table.
inline constexpr std::uint16_t kHongKongForeign = 1 << 6;
// A character the Taiwan variant table produces from an OpenCC standard form (為, 裡):
// evidence that a traditional document follows Taiwan usage.
inline constexpr std::uint16_t kTaiwanForm = 1 << 7;
// An OpenCC standard form that Taiwan usage replaces (爲, 裏).
inline constexpr std::uint16_t kStandardForm = 1 << 8;
}  // namespace script_flag

// The prefilter: one look-up per character decides whether OpenCC has to look at a
// sentence at all. Derived from OpenCC's own dictionaries when the project is built
// (ScriptFlagsFromOpenCC, cmake/make_script_table.cc), so that using it loads no OpenCC
// dictionary; immutable and shared by all threads.
class ScriptTable {
 public:
  // Code points at or above this have no flags (nothing past the CJK extension planes).
  static constexpr char32_t kLimit = 0x30000;

  // The process-wide table, filled on first use from the compiled-in data (thread-safe).
  static const ScriptTable& Get();

  std::uint16_t Flags(char32_t cp) const { return cp < kLimit ? flags_[cp] : 0; }

 private:
  ScriptTable();
  std::vector<std::uint16_t> flags_;
};

// The flags of every code point below ScriptTable::kLimit, derived from the OpenCC
// dictionaries installed now: loads t2s, s2t, s2tw and s2hk (about 70 ms), which is why the
// build runs it and compiles the result into ScriptTable. A test checks that the two agree.
std::vector<std::uint16_t> ScriptFlagsFromOpenCC();

// One piece of OpenCC's segmentation: the input bytes and what they were converted to.
struct ConvertedPiece {
  std::string_view input;  // a view into the converted text
  std::string output;
};

// A phrase-level OpenCC conversion (segmentation plus dictionary chain) that keeps the
// segment boundaries, so that a change can be traced back to its input bytes. The
// converters are loaded once per process and are const (thread-safe) afterwards.
class ChineseConverter {
 public:
  // Traditional (any variant) to simplified: t2s.
  static const ChineseConverter& ToSimplified();
  // Simplified to `variant` (kTraditional, kTaiwan or kHongKong): s2t, s2tw, s2hk.
  static const ChineseConverter& ToTraditional(ChineseVariant variant);

  ~ChineseConverter();
  ChineseConverter(const ChineseConverter&) = delete;
  ChineseConverter& operator=(const ChineseConverter&) = delete;

  // The pieces cover `text` in order: concatenating their inputs gives `text` back.
  std::vector<ConvertedPiece> Convert(std::string_view text) const;
  // The whole converted text.
  std::string ConvertToString(std::string_view text) const;

 private:
  struct Impl;
  explicit ChineseConverter(const char* config);
  std::unique_ptr<Impl> impl_;
};

// Hiragana, katakana (with the phonetic extensions) and half-width katakana: a sentence
// containing them is Japanese, whose kanji follow neither Chinese script. Unlike IsKana
// (text/char_class.h), not the katakana middle dot, which Chinese text writes in names.
inline bool IsJapaneseKana(char32_t cp) {
  return (cp >= 0x3041 && cp <= 0x30FF && cp != 0x30FB) || (cp >= 0x31F0 && cp <= 0x31FF) ||
         (cp >= 0xFF66 && cp <= 0xFF9D);
}

}  // namespace ocrlint

#endif  // OCRLINT_TEXT_CHINESE_SCRIPT_H_
