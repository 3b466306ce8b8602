#ifndef OCRLINT_TESTS_RULES_STRUCTURE_CORPUS_SAMPLE_H_
#define OCRLINT_TESTS_RULES_STRUCTURE_CORPUS_SAMPLE_H_

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "core/byte_range.h"

namespace ocrlint::testing_util {

// The bytes of corpus_samples/<name>.
inline std::string ReadCorpusSample(const std::string& name) {
  std::ifstream in(std::string(OCRLINT_SOURCE_DIR) + "/corpus_samples/" + name, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  EXPECT_FALSE(buffer.str().empty()) << name;
  return buffer.str();
}

// The offset of `needle`, which must occur exactly once in `text`.
inline std::size_t UniqueOffset(std::string_view text, std::string_view needle) {
  const std::size_t at = text.find(needle);
  EXPECT_NE(at, std::string_view::npos) << needle;
  EXPECT_EQ(text.find(needle, at + 1), std::string_view::npos) << needle << " is not unique";
  return at;
}

// The range of the first occurrence of `span` in `text`.
inline ByteRange RangeOf(std::string_view text, std::string_view span) {
  const std::size_t at = text.find(span);
  EXPECT_NE(at, std::string_view::npos) << span;
  return ByteRange{at, at + span.size()};
}

}  // namespace ocrlint::testing_util

#endif  // OCRLINT_TESTS_RULES_STRUCTURE_CORPUS_SAMPLE_H_
