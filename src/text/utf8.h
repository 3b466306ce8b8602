#ifndef OCRLINT_TEXT_UTF8_H_
#define OCRLINT_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ocrlint {

// Small, inline UTF-8 primitives used on hot paths. Heavier work (segmentation, scripts,
// normalisation, widths) goes through ICU and utf8proc in the other text/ headers.

inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

struct Decoded {
  char32_t code_point = kInvalidCodePoint;  // kInvalidCodePoint for an invalid sequence
  std::size_t length = 1;                   // bytes consumed (1 for an invalid byte)
};

// Decodes the well-formed UTF-8 sequence at `offset` (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF). An ill-formed sequence yields kInvalidCodePoint
// with the length of its maximal invalid prefix (at least 1), as ICU and WHATWG do.
Decoded DecodeUtf8(std::string_view text, std::size_t offset);

// Decodes the code point ending just before `offset` (for looking backwards).
// Returns kInvalidCodePoint with length 1 at an invalid byte or at offset 0.
Decoded DecodeUtf8Before(std::string_view text, std::size_t offset);

// DecodeUtf8 and DecodeUtf8Before with the common cases inline, for per-character loops
// on hot paths: ASCII and well-formed three-byte sequences (CJK text is almost all of them;
// leads E0 and ED, which need range checks, are left to the full decoder, as is anything
// else). The results are the same as the full decoders'.
inline Decoded DecodeUtf8Fast(std::string_view text, std::size_t offset) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + offset;
  const unsigned char b = p[0];
  if (b < 0x80) return Decoded{b, 1};
  if (b >= 0xE1 && b != 0xED && b < 0xF0 && offset + 3 <= text.size() && (p[1] & 0xC0) == 0x80 &&
      (p[2] & 0xC0) == 0x80) {
    return Decoded{static_cast<char32_t>(((b & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F)),
                   3};
  }
  return DecodeUtf8(text, offset);
}

inline Decoded DecodeUtf8BeforeFast(std::string_view text, std::size_t offset) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  if (offset >= 1 && offset <= text.size() && p[offset - 1] < 0x80) {
    return Decoded{p[offset - 1], 1};
  }
  if (offset >= 3 && offset <= text.size()) {
    const unsigned char b = p[offset - 3];
    if (b >= 0xE1 && b != 0xED && b < 0xF0 && (p[offset - 2] & 0xC0) == 0x80 &&
        (p[offset - 1] & 0xC0) == 0x80) {
      return Decoded{static_cast<char32_t>(((b & 0x0F) << 12) | ((p[offset - 2] & 0x3F) << 6) |
                                           (p[offset - 1] & 0x3F)),
                     3};
    }
  }
  return DecodeUtf8Before(text, offset);
}

// Appends the UTF-8 encoding of `cp`.
void AppendUtf8(std::string& out, char32_t cp);
std::string EncodeUtf8(char32_t cp);

// The offset of the start of the character containing `offset` (skips back over
// continuation bytes, at most 3).
std::size_t CharStart(std::string_view text, std::size_t offset);

inline bool IsUtf8ContinuationByte(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace ocrlint

#endif  // OCRLINT_TEXT_UTF8_H_
