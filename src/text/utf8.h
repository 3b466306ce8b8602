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

// Appends the UTF-8 encoding of `cp`.
void AppendUtf8(std::string& out, char32_t cp);
std::string EncodeUtf8(char32_t cp);

// The offset of the start of the character containing `offset` (skips back over
// continuation bytes, at most 3).
std::size_t CharStart(std::string_view text, std::size_t offset);

inline bool IsUtf8ContinuationByte(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace ocrlint

#endif  // OCRLINT_TEXT_UTF8_H_
