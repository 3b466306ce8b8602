#include "text/utf8.h"

namespace ocrlint {

Decoded DecodeUtf8(std::string_view text, std::size_t offset) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const unsigned char b0 = s[offset];
  if (b0 < 0x80) return {b0, 1};
  std::size_t length = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // no overlongs
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // no overlongs
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return {kInvalidCodePoint, 1};
  }
  for (std::size_t i = 1; i < length; ++i) {
    if (offset + i >= n) return {kInvalidCodePoint, i};
    const unsigned char b = s[offset + i];
    const unsigned char min = i == 1 ? lo : 0x80;
    const unsigned char max = i == 1 ? hi : 0xBF;
    if (b < min || b > max) return {kInvalidCodePoint, i};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, length};
}

Decoded DecodeUtf8Before(std::string_view text, std::size_t offset) {
  if (offset == 0) return {kInvalidCodePoint, 1};
  const std::size_t start = CharStart(text, offset - 1);
  Decoded d = DecodeUtf8(text, start);
  if (d.code_point == kInvalidCodePoint || start + d.length != offset) {
    return {kInvalidCodePoint, 1};
  }
  return d;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string EncodeUtf8(char32_t cp) {
  std::string out;
  AppendUtf8(out, cp);
  return out;
}

std::size_t CharStart(std::string_view text, std::size_t offset) {
  std::size_t start = offset;
  for (int i = 0;
       i < 3 && start > 0 && IsUtf8ContinuationByte(static_cast<unsigned char>(text[start])); ++i) {
    --start;
  }
  return start;
}

}  // namespace ocrlint
