#include "text/word_break.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <stdexcept>
#include <utility>

namespace ocrlint {

namespace {

// The iterator every WordSegmenter clones, made once per process and never used itself:
// createWordInstance reads and prepares ICU's rule data again each time (tens of
// thousands of instructions, more than a paragraph end's checks), while a clone shares
// that data. Cloning is thread-safe (ubrk_clone documents it; clone() is const), so the
// linter's threads may clone it at once.
const icu::BreakIterator& Prototype() {
  static const std::unique_ptr<const icu::BreakIterator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<const icu::BreakIterator> iterator(
        icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    if (U_FAILURE(status) || iterator == nullptr) {
      throw std::runtime_error(std::string("ICU word break iterator: ") + u_errorName(status));
    }
    return iterator;
  }();
  return *prototype;
}

}  // namespace

WordSegmenter::WordSegmenter() : iterator_(Prototype().clone()) {
  if (iterator_ == nullptr) throw std::runtime_error("ICU word break iterator: clone failed");
}

WordSegmenter::~WordSegmenter() {
  iterator_.reset();  // it holds a shallow clone of utext_
  if (utext_ != nullptr) utext_close(utext_);
}

// Points the iterator at a copy of `text` (native indexes of a UTF-8 UText are byte
// offsets), unless it already reads the same bytes.
bool WordSegmenter::Reset(std::string_view text) {
  if (valid_ && text == text_) return true;
  valid_ = false;
  have_boundaries_ = false;
  text_.assign(text);
  UErrorCode status = U_ZERO_ERROR;
  utext_ = utext_openUTF8(utext_, text_.data(), static_cast<int64_t>(text_.size()), &status);
  if (U_FAILURE(status)) return false;
  // setText keeps its own shallow clone of the UText, which reads text_.
  iterator_->setText(utext_, status);
  valid_ = U_SUCCESS(status);
  return valid_;
}

std::vector<std::size_t> WordSegmenter::Boundaries(std::string_view text) {
  if (!Reset(text)) return {0, text.size()};
  if (!have_boundaries_) {
    boundaries_.clear();
    for (int32_t b = iterator_->first(); b != icu::BreakIterator::DONE; b = iterator_->next()) {
      boundaries_.push_back(static_cast<std::size_t>(b));
    }
    have_boundaries_ = true;
  }
  return boundaries_;
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
