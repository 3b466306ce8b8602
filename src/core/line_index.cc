#include "core/line_index.h"

#include <algorithm>
#include <cstring>

#include "text/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ocrlint {
namespace {

// Bytes between checkpoints: Locate scans at most half this many bytes, from the nearer
// checkpoint, after a binary search. 256 keeps the checkpoint table at 1/16 of the text
// size while a scan stays a few vector operations.
constexpr std::size_t kBlock = 256;

struct Counts {
  std::uint64_t code_points = 0;
  std::uint64_t utf16_units = 0;
};

// The counts of [begin, end) from the per-byte flags: code points are the bytes that are
// not continuation bytes (10xxxxxx), UTF-16 units add one per 4-byte lead (11110xxx; the
// invalid F8-FF count the same, as the byte loops always did).
Counts FromFlags(std::size_t bytes, std::uint64_t continuation, std::uint64_t four_byte_leads) {
  const std::uint64_t code_points = bytes - continuation;
  return {code_points, code_points + four_byte_leads};
}

// Adds the flags of the bytes data[i, end) to the counts, a byte at a time: the short
// tails of the word-at-a-time loops.
void CountByteFlags(const char* data, std::size_t i, std::size_t end, std::uint64_t& continuation,
                    std::uint64_t& four_byte_leads) {
  for (; i < end; ++i) {
    const auto byte = static_cast<unsigned char>(data[i]);
    continuation += IsUtf8ContinuationByte(byte) ? 1 : 0;
    four_byte_leads += byte >= 0xF0 ? 1 : 0;
  }
}

#if defined(__SSE2__)

// 16 zero bytes then 16 0xFF bytes: the 16 bytes at kTailMask + n keep the last n lanes.
constexpr unsigned char kTailMask[32] = {
    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

// Flags of the lanes of `v`: -1 where a byte is a continuation byte (signed below 0xC0)
// and where it is a 4-byte lead (0xF0 or more).
inline __m128i ContinuationFlags(__m128i v) {
  return _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xC0)));
}
inline __m128i FourByteFlags(__m128i v) {
  return _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(static_cast<char>(0xF0))), v);
}

// The sum of the 16 byte lanes of `lanes`.
inline std::uint64_t SumLanes(__m128i lanes) {
  const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
  return static_cast<std::uint64_t>(_mm_cvtsi128_si64(sums)) +
         static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
}

// Counts code points and UTF-16 units in text[begin, end) without decoding, 16 bytes at a
// time: each lane adds its flags (0 or -1) into byte counters, summed with psadbw before
// they can overflow. Locate calls this for up to kBlock bytes per position, the
// constructor for the whole text.
Counts CountUnits(std::string_view text, std::size_t begin, std::size_t end) {
  const char* data = text.data();
  const __m128i zero = _mm_setzero_si128();
  __m128i continuation = zero;  // 64-bit sums in both halves
  __m128i four_byte_leads = zero;
  std::size_t i = begin;
  while (i + 16 <= end) {
    __m128i continuation_lanes = zero;
    __m128i four_byte_lanes = zero;
    // At most 255 vectors per round so that no byte lane overflows.
    const std::size_t round_end = std::min(end, i + 16 * 255);
    for (; i + 16 <= round_end; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
      continuation_lanes = _mm_sub_epi8(continuation_lanes, ContinuationFlags(v));
      four_byte_lanes = _mm_sub_epi8(four_byte_lanes, FourByteFlags(v));
    }
    continuation = _mm_add_epi64(continuation, _mm_sad_epu8(continuation_lanes, zero));
    four_byte_leads = _mm_add_epi64(four_byte_leads, _mm_sad_epu8(four_byte_lanes, zero));
  }
  if (i < end && end >= 16) {
    // The last 16 bytes of the range, with the lanes before `i` (already counted, or
    // before `begin`) masked off: no byte loop and no read past `end`.
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + end - 16));
    const __m128i keep = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kTailMask + (end - i)));
    continuation = _mm_add_epi64(
        continuation,
        _mm_sad_epu8(_mm_and_si128(keep, _mm_sub_epi8(zero, ContinuationFlags(v))), zero));
    four_byte_leads = _mm_add_epi64(
        four_byte_leads,
        _mm_sad_epu8(_mm_and_si128(keep, _mm_sub_epi8(zero, FourByteFlags(v))), zero));
    i = end;
  }
  std::uint64_t continuation_count =
      static_cast<std::uint64_t>(_mm_cvtsi128_si64(continuation)) +
      static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(continuation, continuation)));
  std::uint64_t four_byte_count = static_cast<std::uint64_t>(_mm_cvtsi128_si64(four_byte_leads)) +
                                  static_cast<std::uint64_t>(_mm_cvtsi128_si64(
                                      _mm_unpackhi_epi64(four_byte_leads, four_byte_leads)));
  CountByteFlags(data, i, end, continuation_count, four_byte_count);  // a text under 16 bytes
  return FromFlags(end - begin, continuation_count, four_byte_count);
}

// Calls `sink` with the counts of each whole kBlock-byte block of `text`, in order: the
// constructor's pass over the whole text, without CountUnits' per-call setup and tail.
template <typename Sink>
void ForEachBlock(std::string_view text, Sink&& sink) {
  static_assert(kBlock % 16 == 0 && kBlock / 16 <= 255, "byte lanes must not overflow");
  const char* data = text.data();
  for (std::size_t block = 0; block + kBlock <= text.size(); block += kBlock) {
    __m128i continuation_lanes = _mm_setzero_si128();
    __m128i four_byte_lanes = _mm_setzero_si128();
    for (std::size_t i = block; i < block + kBlock; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
      continuation_lanes = _mm_sub_epi8(continuation_lanes, ContinuationFlags(v));
      four_byte_lanes = _mm_sub_epi8(four_byte_lanes, FourByteFlags(v));
    }
    sink(FromFlags(kBlock, SumLanes(continuation_lanes), SumLanes(four_byte_lanes)));
  }
}

#else

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// Sums the eight byte lanes of `lanes` (each at most 255).
std::uint64_t SumBytes(std::uint64_t lanes) {
  const std::uint64_t pairs =
      (lanes & 0x00FF00FF00FF00FFULL) + ((lanes >> 8) & 0x00FF00FF00FF00FFULL);
  return (pairs * 0x0001000100010001ULL) >> 48;
}

// The portable variant: per-byte flags summed in the byte lanes of 64-bit words.
Counts CountUnits(std::string_view text, std::size_t begin, std::size_t end) {
  const char* data = text.data();
  std::uint64_t continuation = 0;
  std::uint64_t four_byte_leads = 0;
  std::size_t i = begin;
  while (i + 8 <= end) {
    std::uint64_t continuation_lanes = 0;
    std::uint64_t four_byte_lanes = 0;
    // At most 255 words per round so that no byte lane overflows.
    const std::size_t round_end = std::min(end, i + 8 * 255);
    for (; i + 8 <= round_end; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, data + i, 8);
      // Bit 7 of each byte: 10xxxxxx (continuation) and 11110xxx (4-byte lead).
      continuation_lanes += (w & ~(w << 1) & kHighBits) >> 7;
      four_byte_lanes += (w & (w << 1) & (w << 2) & (w << 3) & kHighBits) >> 7;
    }
    continuation += SumBytes(continuation_lanes);
    four_byte_leads += SumBytes(four_byte_lanes);
  }
  CountByteFlags(data, i, end, continuation, four_byte_leads);
  return FromFlags(end - begin, continuation, four_byte_leads);
}

template <typename Sink>
void ForEachBlock(std::string_view text, Sink&& sink) {
  for (std::size_t block = 0; block + kBlock <= text.size(); block += kBlock) {
    sink(CountUnits(text, block, block + kBlock));
  }
}

#endif

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  static constexpr char kBom[] = "\xEF\xBB\xBF";
  if (text.starts_with(kBom)) bom_size_ = 3;

  line_starts_.reserve(text.size() / 64 + 1);
  line_starts_.push_back(0);
  const char* data = text.data();
  const char* end = data + text.size();
  for (const char* p = data; p < end;) {
    const void* found = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (found == nullptr) break;
    p = static_cast<const char*>(found) + 1;
    line_starts_.push_back(static_cast<std::size_t>(p - data));
  }
  // Reserved for short lines; kept as long as the document (see ReleaseExcess).
  if (line_starts_.capacity() > line_starts_.size() * 2 + 16) line_starts_.shrink_to_fit();

  checkpoints_.reserve(text.size() / kBlock + 1);
  Checkpoint cumulative;
  checkpoints_.push_back(cumulative);
  ForEachBlock(text, [&](const Counts& counts) {
    cumulative.code_points += counts.code_points;
    cumulative.utf16_units += counts.utf16_units;
    checkpoints_.push_back(cumulative);
  });
}

ByteRange LineIndex::LineRange(std::size_t line) const {
  if (line >= line_starts_.size()) return {text_.size(), text_.size()};
  const std::size_t begin = line_starts_[line];
  if (line + 1 == line_starts_.size()) return {begin, text_.size()};
  std::size_t end = line_starts_[line + 1] - 1;  // the "\n"
  if (end > begin && text_[end - 1] == '\r') --end;
  return {begin, end};
}

std::size_t LineIndex::LineOf(std::size_t offset) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<std::size_t>(it - line_starts_.begin()) - 1;
}

LineIndex::Checkpoint LineIndex::CumulativeAt(std::size_t offset) const {
  const std::size_t block = offset / kBlock;
  const std::size_t block_begin = block * kBlock;
  if (offset - block_begin > kBlock / 2 && block + 1 < checkpoints_.size()) {
    // Nearer the next checkpoint: count back from it.
    Checkpoint result = checkpoints_[block + 1];
    const Counts counts = CountUnits(text_, offset, block_begin + kBlock);
    result.code_points -= counts.code_points;
    result.utf16_units -= counts.utf16_units;
    return result;
  }
  Checkpoint result = checkpoints_[block];
  const Counts counts = CountUnits(text_, block_begin, offset);
  result.code_points += counts.code_points;
  result.utf16_units += counts.utf16_units;
  return result;
}

std::size_t LineIndex::ColumnBase(std::size_t line) const {
  // The BOM belongs to line 0's bytes but not to its columns.
  return line == 0 ? bom_size_ : line_starts_[line];
}

Position LineIndex::Locate(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  if (offset < text_.size()) offset = CharStart(text_, offset);
  Position position;
  position.line = LineOf(offset);
  const std::size_t base = std::min(ColumnBase(position.line), offset);
  position.byte_column = offset - base;
  if (offset - base <= kBlock / 2) {
    // Near the line start: one scan of the column's bytes.
    const Counts counts = CountUnits(text_, base, offset);
    position.column = counts.code_points;
    position.utf16_column = counts.utf16_units;
    return position;
  }
  const Checkpoint at = CumulativeAt(offset);
  const Checkpoint start = CumulativeAt(base);
  position.column = at.code_points - start.code_points;
  position.utf16_column = at.utf16_units - start.utf16_units;
  return position;
}

Position LineIndex::LocateFrom(const Position& from, std::size_t offset) const {
  offset = std::min(offset, text_.size());
  if (offset < text_.size()) offset = CharStart(text_, offset);
  if (from.line >= line_starts_.size()) return Locate(offset);
  const std::size_t base = ColumnBase(from.line);
  const std::size_t from_offset = base + from.byte_column;
  const std::size_t next_line =
      from.line + 1 < line_starts_.size() ? line_starts_[from.line + 1] : text_.size() + 1;
  if (offset < from_offset || offset >= next_line || offset - from_offset > kBlock) {
    return Locate(offset);
  }
  const Counts counts = CountUnits(text_, from_offset, offset);
  Position position = from;
  position.column += counts.code_points;
  position.utf16_column += counts.utf16_units;
  position.byte_column = offset - base;
  return position;
}

std::size_t LineIndex::OffsetFromBytes(std::size_t line, std::size_t byte_column) const {
  if (line >= line_starts_.size()) return text_.size();
  const std::size_t base = ColumnBase(line);
  const std::size_t end = std::max(LineRange(line).end, base);
  const std::size_t offset = std::min(base + byte_column, end);
  return offset < end ? std::max(CharStart(text_, offset), base) : offset;
}

std::size_t LineIndex::OffsetFromCodePoints(std::size_t line, std::size_t column) const {
  return OffsetFromUnits(line, column, /*utf16=*/false);
}

std::size_t LineIndex::OffsetFromUtf16(std::size_t line, std::size_t utf16_column) const {
  return OffsetFromUnits(line, utf16_column, /*utf16=*/true);
}

std::size_t LineIndex::OffsetFromUnits(std::size_t line, std::size_t column, bool utf16) const {
  if (line >= line_starts_.size()) return text_.size();
  const std::size_t base = ColumnBase(line);
  const std::size_t end = std::max(LineRange(line).end, base);
  const auto units = [utf16](const Checkpoint& c) { return utf16 ? c.utf16_units : c.code_points; };
  const std::uint64_t target = units(CumulativeAt(base)) + column;
  // The last checkpoint at or before the target character bounds the scan to kBlock bytes.
  const auto it = std::partition_point(checkpoints_.begin(), checkpoints_.end(),
                                       [&](const Checkpoint& c) { return units(c) <= target; });
  const std::size_t block = static_cast<std::size_t>(it - checkpoints_.begin()) - 1;
  std::size_t p = std::max(block * kBlock, base);
  std::uint64_t current = units(CumulativeAt(p));
  for (; p < end; ++p) {
    const auto byte = static_cast<unsigned char>(text_[p]);
    if (IsUtf8ContinuationByte(byte)) continue;
    // A column inside a surrogate pair rounds to the following character.
    if (current >= target) return p;
    current += (utf16 && byte >= 0xF0) ? 2 : 1;
  }
  return end;
}

}  // namespace ocrlint
