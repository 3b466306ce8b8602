#include "text/word_break.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <stdexcept>
#include <utility>

namespace ocrlint {

WordSegmenter::WordSegmenter() {
  UErrorCode status = U_ZERO_ERROR;
  iterator_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
  if (U_FAILURE(status) || iterator_ == nullptr) {
    throw std::runtime_error(std::string("ICU word break iterator: ") + u_errorName(status));
  }
}

WordSegmenter::~WordSegmenter() = default;

// Points the iterator at `text` (native indexes of a UTF-8 UText are byte offsets).
bool WordSegmenter::Reset(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return false;
  iterator_->setText(utext, status);
  // setText keeps its own shallow clone of the UText; ours can go.
  utext_close(utext);
  return U_SUCCESS(status);
}

std::vector<std::size_t> WordSegmenter::Boundaries(std::string_view text) {
  std::vector<std::size_t> out;
  if (!Reset(text)) return {0, text.size()};
  for (int32_t b = iterator_->first(); b != icu::BreakIterator::DONE; b = iterator_->next()) {
    out.push_back(static_cast<std::size_t>(b));
  }
  return out;
}

bool WordSegmenter::IsBoundary(std::string_view text, std::size_t offset) {
  if (offset == 0 || offset >= text.size()) return true;
  if (!Reset(text)) return true;
  return iterator_->isBoundary(static_cast<int32_t>(offset));
}

std::pair<std::size_t, std::size_t> WordSegmenter::WordAt(std::string_view text,
                                                          std::size_t offset) {
  if (text.empty() || !Reset(text)) return {offset, offset};
  if (offset >= text.size()) return {text.size(), text.size()};
  int32_t end = iterator_->following(static_cast<int32_t>(offset));
  int32_t begin = iterator_->previous();
  if (end == icu::BreakIterator::DONE) end = static_cast<int32_t>(text.size());
  if (begin == icu::BreakIterator::DONE) begin = 0;
  return {static_cast<std::size_t>(begin), static_cast<std::size_t>(end)};
}

}  // namespace ocrlint
