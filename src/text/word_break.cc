#include "text/word_break.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <stdexcept>
#include <utility>

#include "text/utf8.h"

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

// Walks `trie` along the characters of `text` (UTF-8), starting it with first(trie, c) at
// the first character c, calling on_step(result, n) after the n-th character until it
// returns false or the trie has no word going on.
template <typename First, typename OnStep>
void Walk(icu::UCharsTrie& trie, std::string_view text, First&& first, OnStep&& on_step) {
  int n = 0;
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = DecodeUtf8Fast(text, i);
    const UStringTrieResult result =
        n == 0 ? first(trie, d.code_point)
               : trie.nextForCodePoint(static_cast<UChar32>(d.code_point));
    ++n;
    if (!on_step(result, n) || !USTRINGTRIE_HAS_NEXT(result)) return;
    i += d.length;
  }
}

// The ideographs whose first step CjkDictionary keeps: the CJK Unified Ideographs block,
// where nearly every character the checks ask about falls.
constexpr char32_t kFirstStepBegin = 0x4E00, kFirstStepEnd = 0xA000;

}  // namespace

// The first step of a walk looks the character up in the trie's root, a branch of some
// twenty thousand characters whose nodes lie far apart in megabytes of data: about 250
// instructions and several cache misses, for the step that every question takes. Each
// entry keeps the trie's state after one character, saved on the character's first lookup:
// filling all of them at once would cost some five million instructions per process, more
// than a hundred pages' lookups save. An entry is filled once, by the thread
// that claims it (kFilling); until it is kFilled, the others walk the trie as before.
struct CjkDictionary::FirstStep {
  static constexpr std::uint8_t kEmpty = 0, kFilling = 1, kFilled = 2;
  std::atomic<std::uint8_t> status{kEmpty};
  UStringTrieResult result = USTRINGTRIE_NO_MATCH;
  icu::UCharsTrie::State state;
};

CjkDictionary::CjkDictionary(const char16_t* trie)
    : trie_(trie), first_steps_(new FirstStep[kFirstStepEnd - kFirstStepBegin]) {}

const CjkDictionary* CjkDictionary::Get() {
  // As ICU's ICULanguageBreakFactory::loadDictionaryMatcherFor: the brkitr tree's
  // dictionary for the Han script, whose data starts with indexes (DictionaryData in
  // ICU's dictionarydata.h): the trie's offset first, the trie's type fifth.
  static const CjkDictionary* const dictionary = []() -> const CjkDictionary* {
    UErrorCode status = U_ZERO_ERROR;
    UDataMemory* data =
        udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", "cjdict", &status);
    if (U_FAILURE(status) || data == nullptr) return nullptr;
    const auto* bytes = static_cast<const std::uint8_t*>(udata_getMemory(data));
    const auto* indexes = reinterpret_cast<const std::int32_t*>(bytes);
    constexpr int kTrieOffset = 0, kTrieType = 4, kTrieTypeMask = 7, kTrieTypeUChars = 1;
    if ((indexes[kTrieType] & kTrieTypeMask) != kTrieTypeUChars) {
      udata_close(data);
      return nullptr;
    }
    // The data stays open: the dictionary lives as long as the process.
    return new CjkDictionary(reinterpret_cast<const char16_t*>(bytes + indexes[kTrieOffset]));
  }();
  return dictionary;
}

UStringTrieResult CjkDictionary::First(icu::UCharsTrie& trie, char32_t c) const {
  if (c < kFirstStepBegin || c >= kFirstStepEnd) {
    return trie.firstForCodePoint(static_cast<UChar32>(c));
  }
  FirstStep& step = first_steps_[c - kFirstStepBegin];
  std::uint8_t status = step.status.load(std::memory_order_acquire);
  if (status == FirstStep::kFilled) {
    trie.resetToState(step.state);
    return step.result;
  }
  const UStringTrieResult result = trie.firstForCodePoint(static_cast<UChar32>(c));
  if (status == FirstStep::kEmpty &&
      step.status.compare_exchange_strong(status, FirstStep::kFilling, std::memory_order_relaxed)) {
    step.result = result;
    trie.saveState(step.state);
    step.status.store(FirstStep::kFilled, std::memory_order_release);
  }
  return result;
}

bool CjkDictionary::Contains(std::string_view word) const {
  icu::UCharsTrie trie(trie_);
  UStringTrieResult result = USTRINGTRIE_NO_MATCH;
  for (std::size_t i = 0; i < word.size();) {
    const Decoded d = DecodeUtf8Fast(word, i);
    result = i == 0 ? First(trie, d.code_point)
                    : trie.nextForCodePoint(static_cast<UChar32>(d.code_point));
    i += d.length;
    if (i < word.size() && !USTRINGTRIE_HAS_NEXT(result)) return false;
  }
  return USTRINGTRIE_HAS_VALUE(result);
}

bool CjkDictionary::HasWordStarting(std::string_view text) const {
  icu::UCharsTrie trie(trie_);
  bool found = false;
  Walk(
      trie, text, [this](icu::UCharsTrie& t, char32_t c) { return First(t, c); },
      [&](UStringTrieResult result, int n) {
        found = n >= 2 && USTRINGTRIE_HAS_VALUE(result);
        return !found;
      });
  return found;
}

bool CjkDictionary::HasWordAcross(std::string_view text, std::size_t offset) const {
  for (std::size_t start = 0; start < offset; start += DecodeUtf8Fast(text, start).length) {
    icu::UCharsTrie trie(trie_);
    bool found = false;
    std::size_t end = start;
    Walk(
        trie, text.substr(start), [this](icu::UCharsTrie& t, char32_t c) { return First(t, c); },
        [&](UStringTrieResult result, int) {
          end += DecodeUtf8Fast(text, end).length;
          found = end > offset && USTRINGTRIE_HAS_VALUE(result);
          return !found;
        });
    if (found) return true;
  }
  return false;
}

namespace {

// Whether `text` holds plain ideographs only.
bool AllPlainIdeographs(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = DecodeUtf8Fast(text, i);
    if (!IsPlainIdeograph(d.code_point)) return false;
    i += d.length;
  }
  return true;
}

}  // namespace

bool CjkDictionary::SegmentPlain(std::string_view text,
                                 std::vector<std::size_t>& boundaries) const {
  // A plain ideograph takes three bytes (U+3400-9FFF) and one UTF-16 unit, so that ICU's
  // code unit and code point indexes agree; NFKC leaves it alone.
  constexpr std::size_t kBytes = 3;
  if (text.size() % kBytes != 0 || text.size() / kBytes > kMaxPlainChars) return false;
  const std::size_t n = text.size() / kBytes;
  std::array<char32_t, kMaxPlainChars> chars;
  for (std::size_t i = 0; i < n; ++i) {
    const Decoded d = DecodeUtf8Fast(text, i * kBytes);
    if (d.length != kBytes || !IsPlainIdeograph(d.code_point)) return false;
    chars[i] = d.code_point;
  }
  // As CjkBreakEngine::divideUpDictionaryRange (ICU's dictbe.cpp): best[i] is the least
  // cost of a segmentation of the first i characters, prev[i] where its last word starts.
  // Each start's words are tried shortest first, then a lone character that is no word of
  // the dictionary at the highest cost; a cost replaces one only when it is lower, so
  // that ties go as ICU's do.
  constexpr std::uint32_t kUnreached = 0xFFFFFFFF;
  constexpr std::uint32_t kLoneCost = 255;   // ICU's maxSnlp
  constexpr std::size_t kMaxWordChars = 20;  // ICU's maxWordSize
  std::array<std::uint32_t, kMaxPlainChars + 1> best;
  std::array<std::uint32_t, kMaxPlainChars + 1> prev;
  best.fill(kUnreached);
  best[0] = 0;
  const auto relax = [&](std::size_t from, std::size_t length, std::uint32_t cost) {
    const std::uint32_t total = best[from] + cost;
    if (total < best[from + length]) {
      best[from + length] = total;
      prev[from + length] = static_cast<std::uint32_t>(from);
    }
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (best[i] == kUnreached) continue;
    icu::UCharsTrie trie(trie_);
    bool single = false;  // a word of one character
    for (std::size_t k = 0; k < kMaxWordChars && i + k < n; ++k) {
      const UStringTrieResult result =
          k == 0 ? First(trie, chars[i]) : trie.next(static_cast<int32_t>(chars[i + k]));
      if (USTRINGTRIE_HAS_VALUE(result)) {
        single = single || k == 0;
        relax(i, k + 1, static_cast<std::uint32_t>(trie.getValue()));
        if (result == USTRINGTRIE_FINAL_VALUE) break;
      } else if (result == USTRINGTRIE_NO_MATCH) {
        break;
      }
    }
    if (!single) relax(i, 1, kLoneCost);
  }
  // The last word's start, its start's, ... back to the text's start.
  boundaries.clear();
  boundaries.reserve(n + 1);
  if (n == 0) {
    boundaries.push_back(0);
    return true;
  }
  for (std::size_t i = n; i > 0; i = prev[i]) boundaries.push_back(i * kBytes);
  boundaries.push_back(0);
  std::reverse(boundaries.begin(), boundaries.end());
  return true;
}

WordSegmenter::WordSegmenter() = default;

WordSegmenter::~WordSegmenter() {
  iterator_.reset();  // it holds a shallow clone of utext_
  if (utext_ != nullptr) utext_close(utext_);
}

// Points the iterator at a UTF-16 copy of `text`, unless it already reads the same bytes.
bool WordSegmenter::Reset(std::string_view text) {
  if (valid_ && text == text_) return true;
  // Cloned on the first text that needs ICU: most segmenters answer every question from
  // the dictionary (PlainBoundaries) and never do.
  if (iterator_ == nullptr) {
    iterator_.reset(Prototype().clone());
    if (iterator_ == nullptr) throw std::runtime_error("ICU word break iterator: clone failed");
  }
  valid_ = false;
  have_boundaries_ = false;
  text_.assign(text);
  units_.clear();
  index_of_byte_.assign(text.size() + 1, -1);
  byte_of_index_.clear();
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = DecodeUtf8Fast(text, i);
    // (An ill-formed sequence reads as U+FFFD, as ICU's UTF-8 UText reads it.)
    const char32_t c = d.code_point == kInvalidCodePoint ? char32_t{0xFFFD} : d.code_point;
    index_of_byte_[i] = static_cast<int>(units_.size());
    if (c >= 0x10000) {
      units_.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      units_.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
      byte_of_index_.push_back(i);
      byte_of_index_.push_back(i);  // (no boundary falls inside a pair)
    } else {
      units_.push_back(static_cast<char16_t>(c));
      byte_of_index_.push_back(i);
    }
    i += d.length;
  }
  index_of_byte_[text.size()] = static_cast<int>(units_.size());
  byte_of_index_.push_back(text.size());
  UErrorCode status = U_ZERO_ERROR;
  utext_ = utext_openUChars(utext_, units_.data(), static_cast<int64_t>(units_.size()), &status);
  if (U_FAILURE(status)) return false;
  // setText keeps its own shallow clone of the UText, which reads units_.
  iterator_->setText(utext_, status);
  valid_ = U_SUCCESS(status);
  return valid_;
}

const std::vector<std::size_t>* WordSegmenter::PlainBoundaries(std::string_view text) {
  if (have_plain_ && text == plain_text_) return &plain_boundaries_;
  have_plain_ = false;
  const CjkDictionary* dictionary = CjkDictionary::Get();
  if (dictionary == nullptr || text.empty()) return nullptr;
  plain_boundaries_.clear();
  plain_boundaries_.reserve(text.size() + 1);  // a boundary at most at each byte
  plain_boundaries_.push_back(0);
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = DecodeUtf8Fast(text, i);
    if (IsHardPunctuation(d.code_point)) {  // a word of its own
      i += d.length;
      plain_boundaries_.push_back(i);
      continue;
    }
    // A run of plain ideographs, which the dictionary segments on its own.
    std::size_t end = i;
    while (end < text.size() && IsPlainIdeograph(DecodeUtf8Fast(text, end).code_point)) end += 3;
    if (end == i || !dictionary->SegmentPlain(text.substr(i, end - i), scratch_)) return nullptr;
    for (std::size_t k = 1; k < scratch_.size(); ++k) plain_boundaries_.push_back(i + scratch_[k]);
    i = end;
  }
  plain_text_.assign(text);
  have_plain_ = true;
  return &plain_boundaries_;
}

std::vector<std::size_t> WordSegmenter::Boundaries(std::string_view text) {
  if (const std::vector<std::size_t>* plain = PlainBoundaries(text)) return *plain;
  if (!Reset(text)) return {0, text.size()};
  if (!have_boundaries_) {
    boundaries_.clear();
    for (int32_t b = iterator_->first(); b != icu::BreakIterator::DONE; b = iterator_->next()) {
      boundaries_.push_back(byte_of_index_[static_cast<std::size_t>(b)]);
    }
    have_boundaries_ = true;
  }
  return boundaries_;
}

bool WordSegmenter::IsBoundary(std::string_view text, std::size_t offset) {
  if (offset == 0 || offset >= text.size()) return true;
  // (A text of plain ideographs is one run of ICU's dictionary engine.)
  if (const CjkDictionary* dictionary = CjkDictionary::Get();
      dictionary != nullptr && AllPlainIdeographs(text) &&
      !dictionary->HasWordAcross(text, offset)) {
    return true;
  }
  if (const std::vector<std::size_t>* plain = PlainBoundaries(text)) {
    return std::binary_search(plain->begin(), plain->end(), offset);
  }
  if (!Reset(text)) return true;
  // Boundaries fall between characters only.
  const int index = IndexOf(offset);
  return index >= 0 && iterator_->isBoundary(index);
}

std::pair<std::size_t, std::size_t> WordSegmenter::WordAt(std::string_view text,
                                                          std::size_t offset) {
  if (text.empty() || !Reset(text)) return {offset, offset};
  if (offset >= text.size()) return {text.size(), text.size()};
  // An offset inside a character stands for the character's start, as in ICU's UTF-8 UText.
  std::size_t start = offset;
  while (start > 0 && IndexOf(start) < 0) --start;
  const int32_t end = iterator_->following(IndexOf(start));
  const int32_t begin = iterator_->previous();
  return {begin == icu::BreakIterator::DONE ? 0 : byte_of_index_[static_cast<std::size_t>(begin)],
          end == icu::BreakIterator::DONE ? text.size()
                                          : byte_of_index_[static_cast<std::size_t>(end)]};
}

}  // namespace ocrlint
