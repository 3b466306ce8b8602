#ifndef OCRLINT_TESTS_RULES_STRUCTURE_CORPUS_SAMPLE_H_
#define OCRLINT_TESTS_RULES_STRUCTURE_CORPUS_SAMPLE_H_

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/byte_range.h"
#include "rules/hygiene/rule_check.h"

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

// The range of the n-th (0-based) occurrence of `span` in `text`.
inline ByteRange RangeOf(std::string_view text, std::string_view span, int n = 0) {
  std::size_t at = text.find(span);
  for (int i = 0; i < n && at != std::string_view::npos; ++i) at = text.find(span, at + 1);
  EXPECT_NE(at, std::string_view::npos) << span << " #" << n;
  return ByteRange{at, at + span.size()};
}

// The text of every finding of `check` on corpus_samples/<file>, in order.
inline std::vector<std::string> FlaggedSpans(const RuleCheck& check, const std::string& file) {
  const std::string page = ReadCorpusSample(file);
  std::vector<std::string> spans;
  for (const Diagnostic& d : check.Run(page, file)) spans.emplace_back(d.range.In(page));
  return spans;
}

}  // namespace ocrlint::testing_util

#endif  // OCRLINT_TESTS_RULES_STRUCTURE_CORPUS_SAMPLE_H_
