#include "core/sentence_splitter.h"

#include <array>

#include "core/outline.h"

namespace ocrlint {
namespace {

// The first bytes of every terminator: ASCII ! ? . and the lead bytes of 。(E3 80 82)
// and ！？(EF BC 81, EF BC 9F). Everything else is skipped with one table look-up.
constexpr std::array<bool, 256> MakeCandidateTable() {
  std::array<bool, 256> table{};
  table['!'] = table['?'] = table['.'] = true;
  table[0xE3] = table[0xEF] = true;
  return table;
}
constexpr std::array<bool, 256> kCandidate = MakeCandidateTable();

// Character length by lead byte. The scanned text is valid UTF-8 (Document sanitizes it),
// so the scan steps a character at a time: a third of the iterations on Chinese text.
constexpr std::array<unsigned char, 256> MakeLengthTable() {
  std::array<unsigned char, 256> table{};
  for (int b = 0; b < 256; ++b) {
    table[b] = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  }
  return table;
}
constexpr std::array<unsigned char, 256> kLength = MakeLengthTable();

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Length of a terminator other than ASCII "." at `offset`, 0 when none.
std::size_t StrongTerminatorLength(std::string_view text, std::size_t offset) {
  const char c = text[offset];
  if (c == '!' || c == '?') return 1;
  const std::string_view rest = text.substr(offset, 3);
  if (rest == "\u3002" || rest == "\uFF01" || rest == "\uFF1F") return 3;
  return 0;
}

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
    while (p < segment.end) {
      const auto byte = static_cast<unsigned char>(text_[p]);
      if (!kCandidate[byte]) {
        p += kLength[byte];
        continue;
      }
      const std::size_t length = TerminatorLength(p, segment.end);
      if (length == 0) {
        p += kLength[byte];
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
