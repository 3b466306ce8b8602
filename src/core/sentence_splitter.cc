#include "core/sentence_splitter.h"

#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/outline.h"

namespace ocrlint {
namespace {

// Length of a terminator other than ASCII "." at `offset`, 0 when none.
std::size_t StrongTerminatorLength(std::string_view text, std::size_t offset) {
  const char c = text[offset];
  if (c == '!' || c == '?') return 1;
  const std::string_view rest = text.substr(offset, 3);
  if (rest == "\u3002" || rest == "\uFF01" || rest == "\uFF1F") return 3;
  return 0;
}

bool MayStartTerminator(std::string_view text, std::size_t offset) {
  return text[offset] == '.' || StrongTerminatorLength(text, offset) != 0;
}

// The first offset in [p, end) where a terminator may start: exactly 。！？!? and every
// ASCII ".", or `end`. Chinese text has one terminator in about 60 bytes, so the scan
// compares 16 bytes at a time (SSE2 is part of x86-64) instead of branching per character.
std::size_t NextCandidate(std::string_view text, std::size_t p, std::size_t end) {
#if defined(__SSE2__)
  const char* s = text.data();
  const auto load = [s](std::size_t at) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + at));
  };
  const auto eq = [](__m128i v, unsigned char byte) {
    return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(byte)));
  };
  // The loads read bytes p .. p + 17.
  for (; p + 18 <= end; p += 16) {
    const __m128i b0 = load(p);
    const __m128i b1 = load(p + 1);
    const __m128i b2 = load(p + 2);
    // 。 E3 80 82, ！ EF BC 81, ？ EF BC 9F
    const __m128i ideographic_full_stop =
        _mm_and_si128(_mm_and_si128(eq(b0, 0xE3), eq(b1, 0x80)), eq(b2, 0x82));
    const __m128i fullwidth = _mm_and_si128(_mm_and_si128(eq(b0, 0xEF), eq(b1, 0xBC)),
                                            _mm_or_si128(eq(b2, 0x81), eq(b2, 0x9F)));
    const __m128i ascii = _mm_or_si128(_mm_or_si128(eq(b0, '!'), eq(b0, '?')), eq(b0, '.'));
    const int mask =
        _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(ideographic_full_stop, fullwidth), ascii));
    if (mask != 0)
      return p + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(mask)));
  }
#endif
  for (; p < end; ++p) {
    if (MayStartTerminator(text, p)) return p;
  }
  return end;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Length of a closing quote or bracket at `offset`, 0 when none.
std::size_t CloserLength(std::string_view text, std::size_t offset) {
  const char c = text[offset];
  if (c == ')' || c == '"' || c == '\'') return 1;
  const std::string_view rest = text.substr(offset, 3);
  if (rest == "\u201D" || rest == "\u2019" || rest == "\u300D" || rest == "\u300F" ||
      rest == "\uFF09") {
    return 3;
  }
  return 0;
}

class BlockSplitter {
 public:
  BlockSplitter(std::string_view text, std::uint32_t block_index,
                std::span<const ByteRange> segments, std::vector<Sentence>& out)
      : text_(text), block_(block_index), segments_(segments), out_(out) {}

  void Split() {
    if (segments_.empty()) return;
    block_end_ = segments_.back().end;
    for (const ByteRange& segment : segments_) ScanSegment(segment);
    if (!started_) return;
    // The rest of the block is a final sentence without a terminator.
    std::size_t end = block_end_;
    while (end > start_) {
      const std::size_t length = WhitespaceLengthBefore(text_, end);
      if (length == 0) break;
      end -= length;
    }
    if (end > start_) out_.push_back({{start_, end}, block_});
  }

 private:
  void ScanSegment(ByteRange segment) {
    std::size_t p = segment.begin;
    if (!started_ && !StartSentence(p, segment.end)) return;
    while (true) {
      p = NextCandidate(text_, p, segment.end);
      if (p >= segment.end) return;
      const std::size_t length = TerminatorLength(p, segment.end);
      if (length == 0) {
        ++p;
        continue;
      }
      p = EndSentence(p + length, segment.end);
      if (!StartSentence(p, segment.end)) return;
    }
  }

  // Skips whitespace from `p`; starts a sentence at the first other character, if any
  // before `end`.
  bool StartSentence(std::size_t& p, std::size_t end) {
    while (p < end) {
      const std::size_t space = WhitespaceLength(text_, p);
      if (space == 0) break;
      p += space;
    }
    if (p >= end) return false;
    started_ = true;
    start_ = p;
    return true;
  }

  std::size_t TerminatorLength(std::size_t p, std::size_t segment_end) const {
    if (text_[p] != '.') {
      const std::size_t length = StrongTerminatorLength(text_, p);
      return p + length <= segment_end ? length : 0;
    }
    // "." ends a sentence before whitespace or the block end, never inside 16.98.
    const bool at_end = p + 1 == block_end_;
    const bool before_space = p + 1 < segment_end && WhitespaceLength(text_, p + 1) != 0;
    if (!at_end && !before_space) return 0;
    if (p > 0 && IsAsciiDigit(text_[p - 1]) && p + 1 < text_.size() && IsAsciiDigit(text_[p + 1])) {
      return 0;
    }
    return 1;
  }

  // Absorbs further terminators ("？！") and closing quotes or brackets, then records the
  // sentence; returns where scanning resumes.
  std::size_t EndSentence(std::size_t end, std::size_t segment_end) {
    while (end < segment_end) {
      std::size_t length = StrongTerminatorLength(text_, end);
      if (length == 0) length = CloserLength(text_, end);
      if (length == 0 || end + length > segment_end) break;
      end += length;
    }
    out_.push_back({{start_, end}, block_});
    started_ = false;
    return end;
  }

  std::string_view text_;
  std::uint32_t block_;
  std::span<const ByteRange> segments_;
  std::vector<Sentence>& out_;
  std::size_t block_end_ = 0;
  bool started_ = false;
  std::size_t start_ = 0;
};

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view text, std::span<const Block> blocks,
                                     std::span<const ByteRange> segments) {
  std::vector<Sentence> sentences;
  // About one sentence per 60 bytes of Chinese news text.
  sentences.reserve(text.size() / 64 + 1);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& block = blocks[i];
    if (!block.IsProse()) continue;
    BlockSplitter(text, static_cast<std::uint32_t>(i),
                  segments.subspan(block.first_segment, block.segment_count), sentences)
        .Split();
  }
  return sentences;
}

}  // namespace ocrlint
