// GlobMatch(), declared in engine/config.h.

#include <string>
#include <string_view>
#include <vector>

#include "engine/config.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

// Code points, so that `?` and `[...]` match one Chinese character, not one byte.
std::u32string Decode(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    Decoded decoded = DecodeUtf8(text, i);
    out.push_back(decoded.code_point);
    i += decoded.length;
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view text) {
  std::vector<std::string_view> parts;
  while (true) {
    std::size_t slash = text.find('/');
    parts.push_back(text.substr(0, slash));
    if (slash == std::string_view::npos) return parts;
    text.remove_prefix(slash + 1);
  }
}

// Matches the class starting at pattern[i] == '[' against `c`. On success of the parse
// sets `end` to the index after ']'; returns false with end = npos when the class is not
// closed (then '[' is an ordinary character).
bool MatchClass(const std::u32string& pattern, std::size_t i, char32_t c, std::size_t& end) {
  std::size_t j = i + 1;
  bool negate = j < pattern.size() && (pattern[j] == U'!' || pattern[j] == U'^');
  if (negate) ++j;
  bool matched = false;
  bool first = true;
  for (; j < pattern.size(); ++j) {
    if (pattern[j] == U']' && !first) {
      end = j + 1;
      return matched != negate;
    }
    first = false;
    char32_t low = pattern[j];
    if (low == U'\\' && j + 1 < pattern.size()) low = pattern[++j];
    char32_t high = low;
    if (j + 2 < pattern.size() && pattern[j + 1] == U'-' && pattern[j + 2] != U']') {
      high = pattern[j + 2];
      j += 2;
    }
    if (low <= c && c <= high) matched = true;
  }
  end = std::u32string::npos;
  return false;
}

// One path segment against one pattern segment: `*`, `?`, `[...]`, `\` escapes.
// Backtracks only to the last `*`, which keeps it linear for ordinary patterns.
bool MatchSegment(std::string_view pattern_text, std::string_view name_text) {
  const std::u32string pattern = Decode(pattern_text);
  const std::u32string name = Decode(name_text);
  std::size_t p = 0;
  std::size_t n = 0;
  std::size_t star = std::u32string::npos;
  std::size_t star_n = 0;
  while (n < name.size()) {
    if (p < pattern.size()) {
      char32_t token = pattern[p];
      if (token == U'*') {
        star = ++p;
        star_n = n;
        continue;
      }
      if (token == U'?') {
        ++p;
        ++n;
        continue;
      }
      if (token == U'[') {
        std::size_t end = 0;
        bool matched = MatchClass(pattern, p, name[n], end);
        if (end != std::u32string::npos) {
          if (matched) {
            p = end;
            ++n;
            continue;
          }
        } else if (name[n] == U'[') {
          ++p;
          ++n;
          continue;
        }
      } else {
        std::size_t width = 1;
        if (token == U'\\' && p + 1 < pattern.size()) {
          token = pattern[p + 1];
          width = 2;
        }
        if (token == name[n]) {
          p += width;
          ++n;
          continue;
        }
      }
    }
    if (star == std::u32string::npos) return false;
    p = star;
    n = ++star_n;
  }
  while (p < pattern.size() && pattern[p] == U'*') ++p;
  return p == pattern.size();
}

bool MatchSegments(const std::vector<std::string_view>& pattern, std::size_t p,
                   const std::vector<std::string_view>& path, std::size_t n) {
  while (p < pattern.size()) {
    if (pattern[p] == "**") {
      // `**` takes zero or more whole folders; try each split point.
      for (std::size_t skip = n; skip <= path.size(); ++skip) {
        if (MatchSegments(pattern, p + 1, path, skip)) return true;
      }
      return false;
    }
    if (n == path.size() || !MatchSegment(pattern[p], path[n])) return false;
    ++p;
    ++n;
  }
  return n == path.size();
}

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view path) {
  // A trailing '/' marks a folder in .gitignore; paths carry no such mark, so drop it.
  while (pattern.ends_with('/')) pattern.remove_suffix(1);
  if (pattern.empty()) return false;
  if (pattern.find('/') == std::string_view::npos) {
    std::size_t slash = path.rfind('/');
    return MatchSegment(pattern, slash == std::string_view::npos ? path : path.substr(slash + 1));
  }
  // A leading '/' anchors the pattern at the root, as in .gitignore; paths are relative
  // to the root anyway.
  if (pattern.starts_with('/')) pattern.remove_prefix(1);
  if (path.starts_with("./")) path.remove_prefix(2);
  return MatchSegments(Split(pattern), 0, Split(path), 0);
}

}  // namespace ocrlint
