#ifndef OCRLINT_TEXT_CHAR_CLASS_H_
#define OCRLINT_TEXT_CHAR_CLASS_H_

#include <array>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace ocrlint {

// Character classes shared by the rule groups. The ones rules call per character are
// inline range checks; the rest (rarely hit, or where Unicode data is large) go through
// ICU and are meant for the few characters next to a candidate finding, never for a whole
// text.

inline bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline bool IsAsciiLetter(char32_t c) { return (c | 0x20) >= U'a' && (c | 0x20) <= U'z'; }
inline bool IsAsciiAlnum(char32_t c) { return IsAsciiDigit(c) || IsAsciiLetter(c); }
// Spaces and tabs only: line terminators are handled by the line structure.
inline bool IsAsciiBlank(char32_t c) { return c == U' ' || c == U'\t'; }
inline bool IsAsciiPunctuation(char32_t c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
         (c >= 0x7B && c <= 0x7E);
}

// CJK ideographs: the unified blocks with all extensions (A in U+3400, the base block,
// B-I in planes 2 and 3), the compatibility ideographs, and the two ideographic letters of
// U+3000-303F that stand inside words (々 U+3005, 〇 U+3007 as in 二〇二四年). Radicals are
// not ideographs (a separate rule flags them).
inline bool IsHan(char32_t c) {
  if (c < 0x3005) return false;
  if (c < 0x4E00) return c == 0x3005 || c == 0x3007 || (c >= 0x3400 && c <= 0x4DBF);
  if (c <= 0x9FFF) return true;
  if (c >= 0xF900 && c <= 0xFAFF) return true;
  return c >= 0x20000 && c <= 0x3FFFF;
}

inline bool IsFullwidthDigit(char32_t c) { return c >= 0xFF10 && c <= 0xFF19; }
inline bool IsFullwidthLetter(char32_t c) {
  return (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
}
inline bool IsFullwidthAlnum(char32_t c) { return IsFullwidthDigit(c) || IsFullwidthLetter(c); }
// The ASCII character a full-width letter or digit stands for (U+FF10 -> '0').
inline char FullwidthToAscii(char32_t c) { return static_cast<char>(c - 0xFEE0); }

// Punctuation used in CJK text: CJK Symbols and Punctuation (without U+3000, which is a
// space, and the letters and numbers of that block such as 々 〇 and the Hangzhou
// numerals), the full-width punctuation of U+FF01-FF65, the vertical and small forms,
// curly quotes, the em dash, the ellipsis and the middle dot.
inline bool IsCjkPunctuation(char32_t c) {
  if (c < 0x3000) {
    return c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x2014 || c == 0x2026 ||
           c == 0x00B7;
  }
  if (c <= 0x303F) {
    return (c >= 0x3001 && c <= 0x3004) || (c >= 0x3008 && c <= 0x3020) || c == 0x3030 ||
           (c >= 0x303D && c <= 0x303F);
  }
  if (c >= 0xFF01 && c <= 0xFF65) return !IsFullwidthAlnum(c);
  return (c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE4F);
}

// Hiragana, katakana (with the phonetic extensions and the half-width forms) and the
// historic kana of plane 1.
inline bool IsKana(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
         (c >= 0xFF66 && c <= 0xFF9F) || (c >= 0x1B000 && c <= 0x1B16F);
}

// Hangul syllables and jamo, including the compatibility and half-width jamo.
inline bool IsHangul(char32_t c) {
  return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) ||
         (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7FF) ||
         (c >= 0xFFA0 && c <= 0xFFDC);
}

// Letters of the Latin script (ASCII inline; accented and full-width letters via ICU).
bool IsLatinLetterSlow(char32_t c);
inline bool IsLatinLetter(char32_t c) { return c < 0x80 ? IsAsciiLetter(c) : IsLatinLetterSlow(c); }

// Any Unicode punctuation (general category P*), including the CJK punctuation above.
bool IsPunctuation(char32_t c);
// White space (Unicode White_Space), including U+3000 and the line terminators.
bool IsWhiteSpace(char32_t c);
// Extended_Pictographic: emoji and the symbols emoji sequences are made of.
bool IsExtendedPictographic(char32_t c);
// The non-ASCII parts of emoji sequences that may stand between a pictograph and a ZWJ:
// emoji modifiers (skin tones), variation selector 16, tag characters. (The ASCII keycap
// bases 0-9 # * are Emoji_Component too, but never precede a ZWJ.)
bool IsEmojiComponent(char32_t c);

// "U+200B ZERO WIDTH SPACE": the code point and its Unicode name (for controls, which
// have no name, their alias: "U+000D CARRIAGE RETURN"). For messages, not hot paths.
std::string DescribeCodePoint(char32_t c);

// A set of byte values, for scanning UTF-8 text for the lead bytes a rule cares about
// without decoding every character.
class ByteSet {
 public:
  constexpr ByteSet(std::initializer_list<unsigned char> bytes) {
    for (unsigned char b : bytes) member_[b] = true;
  }
  constexpr ByteSet& AddRange(unsigned char first, unsigned char last) {
    for (unsigned b = first; b <= last; ++b) member_[b] = true;
    return *this;
  }
  constexpr bool Contains(unsigned char byte) const { return member_[byte]; }

  // The offset of the first byte at or after `from` that is in the set, or text.size().
  std::size_t Find(std::string_view text, std::size_t from) const {
    const auto* data = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = from;
    // Four bytes per step: the table lookups are independent, so they overlap.
    for (; i + 4 <= size; i += 4) {
      if (member_[data[i]] | member_[data[i + 1]] | member_[data[i + 2]] | member_[data[i + 3]]) {
        break;
      }
    }
    for (; i < size; ++i) {
      if (member_[data[i]]) return i;
    }
    return size;
  }

 private:
  std::array<bool, 256> member_{};
};

}  // namespace ocrlint

#endif  // OCRLINT_TEXT_CHAR_CLASS_H_
