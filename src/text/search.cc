#include "text/search.h"

#include <cstring>

#include "text/char_class.h"

namespace ocrlint {

std::size_t FindIn(std::string_view text, std::string_view needle, std::size_t from,
                   std::size_t to) {
  constexpr std::size_t kNone = std::string_view::npos;
  const std::size_t n = needle.size();
  if (to > text.size() || from >= to || n == 0 || n > to - from) return kNone;
  const std::string_view window = text.substr(0, to);
  if (n < 3) {
    const std::size_t at = window.find(needle, from);
    return at == std::string_view::npos ? kNone : at;
  }
  const auto b0 = static_cast<unsigned char>(needle[0]);
  const auto b1 = static_cast<unsigned char>(needle[1]);
  const auto b2 = static_cast<unsigned char>(needle[2]);
  const auto starts = [b0, b1, b2](ByteVector a, ByteVector b, ByteVector c) {
    return (a == b0) & (b == b1) & (c == b2);
  };
  // FindCandidate reads past `to` as 'a'; a needle starting with 'a' could match there.
  for (std::size_t at = FindCandidate(window, from, starts); at + n <= to;
       at = FindCandidate(window, at + 1, starts)) {
    if (std::memcmp(window.data() + at + 3, needle.data() + 3, n - 3) == 0) return at;
  }
  return kNone;
}

}  // namespace ocrlint
