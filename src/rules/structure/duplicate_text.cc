#include "rules/structure/duplicate_text.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <string>

#include "text/char_class.h"

namespace ocrlint::structure {
namespace {

// The compared form of a character; 0 for characters the comparison skips.
inline char32_t Normalise(char32_t c) {
  if (c < 0x80) return (c == ' ' || c == '\t' || c == '\n' || c == '\r') ? 0 : c;
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;  // full-width ASCII forms
  switch (c) {
    case 0x00A0:  // no-break space
    case 0x3000:  // ideographic space
    case 0x200B:  // zero-width space, joiners, BOM
    case 0x200C:
    case 0x200D:
    case 0xFEFF:
      return 0;
    case 0x201C:  // curly double quotes
    case 0x201D:
      return U'"';
    case 0x2018:  // curly single quotes
    case 0x2019:
      return U'\'';
    default:
      return c;
  }
}

// What a token is hashed by: the UTF-8 bytes of a three-byte character, packed as they
// stand in the text (so that ideographs need no decoding), and the code point of any
// other. The two never meet: the third byte of a three-byte character is at least 0x80,
// that of a code point at most 0x10.
inline std::uint32_t TokenKey(char32_t token) {
  if (token < 0x800 || token > 0xFFFF) return token;
  return (0xE0 | (token >> 12)) | ((0x80 | ((token >> 6) & 0x3F)) << 8) |
         ((0x80 | (token & 0x3F)) << 16);
}

// FNV-style mixing is enough here: every hash hit is verified by comparing tokens.
inline std::uint64_t Mix(std::uint64_t hash, std::uint32_t key) {
  return (hash ^ key) * 0x100000001B3ULL;
}

// One pass over the block, inlined: this runs over every byte of the document.
BlockStats ComputeStats(std::string_view text, ByteRange content, int min_chars) {
  BlockStats stats;
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  const auto min_han = static_cast<std::uint32_t>(min_chars);
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = content.begin;
  // The inner loop reads four bytes at a time: it stops one byte short of the text's end.
  const std::size_t fast_end = std::min(content.end, text.size() - 1);
  while (i < content.end) {
    // Most characters are ideographs of U+4000-9FFF: three bytes led by E4-E9. Their runs
    // take this inner loop: no decoding, no normalising, no clause marks.
    while (i + 3 <= fast_end) {
      std::uint32_t word;
      std::memcpy(&word, bytes + i, sizeof word);
      if (static_cast<unsigned char>((word & 0xFF) - 0xE4) > 0xE9 - 0xE4) break;
      i += 3;
      hash = Mix(hash, word & 0xFFFFFF);
      // E4 B7 80-BF are U+4DC0-4DFF, the Yijing hexagram symbols: no ideographs.
      if ((word & 0xFFFF) != 0xB7E4 && ++stats.han == min_han) stats.prefix_hash = hash;
    }
    if (i >= content.end) break;
    std::size_t length = 1;
    const char32_t token = Normalise(DecodeValid(text, i, length));
    i += length;
    if (token == 0) continue;
    hash = Mix(hash, TokenKey(token));
    if (IsHan(token)) {
      if (++stats.han == min_han) stats.prefix_hash = hash;
    } else if (IsClauseMark(token)) {
      stats.clause = true;
      stats.terminal = stats.terminal || IsTerminalMark(token);
    }
  }
  stats.hash = hash;
  return stats;
}

// A map from 64-bit hashes to block indices (open addressing; std::unordered_map
// allocates a node per paragraph and misses the cache on every lookup).
class HashToBlock {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;

  // Holds at most `capacity` keys, at most half full (a search for a new key, the common
  // case, stops at the first empty slot).
  explicit HashToBlock(std::size_t capacity) : slots_(capacity * 2 + 16) {}

  std::uint32_t Find(std::uint64_t key) const {
    for (std::size_t i = Index(key);; i = Next(i)) {
      if (slots_[i].value == kNone || slots_[i].key == key) return slots_[i].value;
    }
  }
  // Brings the slot where a search for `key` starts into the cache: with a paragraph per
  // few hundred bytes, each lookup would otherwise wait for memory.
  void Prefetch(std::uint64_t key) const { __builtin_prefetch(&slots_[Index(key)]); }
  // Stores `value` unless `key` is present.
  void Insert(std::uint64_t key, std::uint32_t value) {
    std::size_t i = Index(key);
    while (slots_[i].value != kNone && slots_[i].key != key) i = Next(i);
    if (slots_[i].value == kNone) slots_[i] = Slot{key, value};
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t value = kNone;
  };
  std::size_t Next(std::size_t i) const { return i + 1 == slots_.size() ? 0 : i + 1; }
  // The keys are FNV hashes, whose low bits are weak: mix, then map onto the slots.
  std::size_t Index(std::uint64_t key) const {
    const std::uint64_t mixed = (key * 0x9E3779B97F4A7C15ULL) >> 32;
    return static_cast<std::size_t>((mixed * slots_.size()) >> 32);
  }
  std::vector<Slot> slots_;
};

// The number of leading bytes that x and y share (at most `limit`), 8 at a time.
std::size_t CommonPrefix(const char* x, const char* y, std::size_t limit) {
  std::size_t k = 0;
  if constexpr (std::endian::native == std::endian::little) {  // the first byte is the lowest
    for (; k + 8 <= limit; k += 8) {
      std::uint64_t u;
      std::uint64_t v;
      std::memcpy(&u, x + k, 8);
      std::memcpy(&v, y + k, 8);
      if (u != v) return k + static_cast<std::size_t>(std::countr_zero(u ^ v)) / 8;
    }
  }
  while (k < limit && x[k] == y[k]) ++k;
  return k;
}

inline bool IsContinuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// Whether the tokens of `a` equal those of `b` (`prefix`: the tokens of `b` are a
// proper prefix of those of `a`).
bool SameTokens(std::string_view text, ByteRange a, ByteRange b, bool prefix) {
  // Copies are usually byte for byte the same.
  if (!prefix && a.size() == b.size() && a.In(text) == b.In(text)) return true;
  if (prefix && b.size() < a.size() && a.In(text).substr(0, b.size()) == b.In(text)) {
    return NextToken(text, a.begin + b.size(), a.end).value != 0;
  }
  std::size_t pa = a.begin;
  std::size_t pb = b.begin;
  for (;;) {
    // Equal bytes are equal tokens: skip them, back to the start of a character.
    std::size_t k =
        CommonPrefix(text.data() + pa, text.data() + pb, std::min(a.end - pa, b.end - pb));
    while (k > 0 && ((pa + k < a.end && IsContinuation(text[pa + k])) ||
                     (pb + k < b.end && IsContinuation(text[pb + k])))) {
      --k;
    }
    const Token ta = NextToken(text, pa + k, a.end);
    const Token tb = NextToken(text, pb + k, b.end);
    if (ta.value == 0 || tb.value == 0) {
      return prefix ? (tb.value == 0 && ta.value != 0) : (ta.value == 0 && tb.value == 0);
    }
    if (ta.value != tb.value) return false;
    pa = ta.end;
    pb = tb.end;
  }
}

bool IsBlankLine(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t' || line[i] == '\r') {
      ++i;
    } else if (line.substr(i, 3) == "\u3000") {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

Token NextToken(std::string_view text, std::size_t offset, std::size_t limit) {
  std::size_t i = offset;
  while (i < limit) {
    std::size_t length = 1;
    const char32_t c = Normalise(DecodeValid(text, i, length));
    if (c != 0) return Token{c, i, i + length};
    i += length;
  }
  return Token{0, limit, limit};
}

Token PreviousToken(std::string_view text, std::size_t offset, std::size_t limit) {
  std::size_t end = offset;
  while (end > limit) {
    std::size_t start = end - 1;
    while (start > limit && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    std::size_t length = 1;
    const char32_t c = Normalise(DecodeValid(text, start, length));
    if (c != 0) return Token{c, start, end};
    end = start;
  }
  return Token{0, limit, limit};
}

bool IsHeadingLike(const Block& block, const BlockStats& stats) {
  // Longer than this, a paragraph without a full stop is body text cut at a column end.
  constexpr std::uint32_t kMaxTitleHan = 64;
  return block.kind == BlockKind::kHeading || (!stats.terminal && stats.han < kMaxTitleHan);
}

const ParagraphDuplicates& SharedDuplicateParagraphs(const Document& document, int min_chars) {
  return document.Shared<ParagraphDuplicates>(
      "duplicate-paragraphs/" + std::to_string(min_chars),
      [&] { return FindDuplicateParagraphs(document, min_chars); });
}

ParagraphDuplicates FindDuplicateParagraphs(const Document& document, int min_chars) {
  const std::string_view text = document.text();
  const std::span<const Block> blocks = document.blocks();
  ParagraphDuplicates out;
  out.stats.resize(blocks.size());
  out.in_copy.assign(blocks.size(), false);
  std::vector<std::int32_t> source(blocks.size(), -1);
  std::vector<bool> cut(blocks.size(), false);
  // eligible_before[i]: paragraphs the analysis compares among blocks [0, i).
  std::vector<std::uint32_t> eligible_before(blocks.size() + 1, 0);
  for (std::uint32_t i = 0; i < blocks.size(); ++i) {
    const Block& block = blocks[i];
    eligible_before[i + 1] = eligible_before[i];
    if (!block.IsProse() || block.content.empty()) continue;
    const BlockStats& stats = out.stats[i] = ComputeStats(text, block.content, min_chars);
    // Short paragraphs and those without a clause mark (bylines, captions, labels) repeat
    // legitimately.
    if (block.kind == BlockKind::kParagraph && stats.han >= static_cast<std::uint32_t>(min_chars) &&
        stats.clause && !document.IsExcluded(block.content)) {
      ++eligible_before[i + 1];
    }
  }

  // The tables are sized for the paragraphs compared, known now.
  HashToBlock by_hash(eligible_before.back());
  HashToBlock by_prefix(eligible_before.back());
  constexpr std::uint32_t kPrefetchAhead = 8;  // blocks
  for (std::uint32_t i = 0; i < blocks.size(); ++i) {
    if (i + kPrefetchAhead < blocks.size()) {
      by_hash.Prefetch(out.stats[i + kPrefetchAhead].hash);
      by_prefix.Prefetch(out.stats[i + kPrefetchAhead].prefix_hash);
    }
    if (eligible_before[i + 1] == eligible_before[i]) continue;
    const Block& block = blocks[i];
    const BlockStats& stats = out.stats[i];
    if (const std::uint32_t same = by_hash.Find(stats.hash); same != HashToBlock::kNone) {
      // A hash collision with different text counts as a new paragraph, not indexed.
      if (SameTokens(text, blocks[same].content, block.content, false)) source[i] = same;
      continue;
    }
    if (const std::uint32_t longer = by_prefix.Find(stats.prefix_hash);
        longer != HashToBlock::kNone && stats.han <= out.stats[longer].han &&
        SameTokens(text, blocks[longer].content, block.content, true)) {
      source[i] = longer;
      cut[i] = true;
      continue;
    }
    by_hash.Insert(stats.hash, i);
    by_prefix.Insert(stats.prefix_hash, i);
  }

  const auto same_block = [&](std::uint32_t a, std::uint32_t b) {
    return blocks[a].IsProse() && blocks[b].IsProse() && out.stats[a].hash == out.stats[b].hash &&
           SameTokens(text, blocks[a].content, blocks[b].content, false);
  };
  // Whether block i continues `run`: its first copy follows the run's first copy (with
  // only ignored blocks such as a heading in between), and whatever stands between the
  // run and block i repeats what stands between their first copies.
  const auto continues = [&](const DuplicateRun& run, std::uint32_t i) {
    const auto s = static_cast<std::uint32_t>(source[i]);
    if (cut[run.last] || s <= run.source_last) return false;
    if (eligible_before[s] != eligible_before[run.source_last + 1]) return false;
    const std::uint32_t gap = i - run.last - 1;
    if (gap == 0) return true;
    if (gap != s - run.source_last - 1) return false;
    for (std::uint32_t k = 1; k <= gap; ++k) {
      if (!same_block(run.last + k, run.source_last + k)) return false;
    }
    return true;
  };

  for (std::uint32_t i = 0; i < blocks.size(); ++i) {
    if (source[i] < 0) continue;
    const auto s = static_cast<std::uint32_t>(source[i]);
    if (!out.runs.empty() && eligible_before[i] == eligible_before[out.runs.back().last + 1] &&
        continues(out.runs.back(), i)) {
      DuplicateRun& run = out.runs.back();
      for (std::uint32_t k = run.last + 1; k <= i; ++k) out.in_copy[k] = true;
      run.last = i;
      run.source_last = s;
      run.cut_short = cut[i];
      continue;
    }
    out.runs.push_back(DuplicateRun{i, i, s, s, cut[i]});
    out.in_copy[i] = true;
  }
  return out;
}

ByteRange BlockDeletion(std::string_view text, ByteRange copy) {
  std::size_t line_start = copy.begin;
  while (line_start > 0 && text[line_start - 1] != '\n') --line_start;
  // Step back over the blank lines before the copy to the end of the text before it.
  std::size_t p = line_start;
  while (p > 0) {
    std::size_t previous = p - 1;  // the '\n' ending the previous line
    while (previous > 0 && text[previous - 1] != '\n') --previous;
    if (!IsBlankLine(text.substr(previous, p - 1 - previous))) break;
    p = previous;
  }
  if (p > 0) {
    std::size_t end_of_text = p - 1;
    if (end_of_text > 0 && text[end_of_text - 1] == '\r') --end_of_text;
    return ByteRange{end_of_text, copy.end};
  }
  // Nothing before the copy: delete it with the line breaks and blank lines after it.
  std::size_t q = copy.end;
  while (q < text.size()) {
    std::size_t line_end = text.find('\n', q);
    if (line_end == std::string_view::npos) line_end = text.size();
    const bool terminator = line_end < text.size();
    if (q != copy.end && !IsBlankLine(text.substr(q, line_end - q))) break;
    if (!terminator) {
      q = line_end;
      break;
    }
    q = line_end + 1;
  }
  return ByteRange{line_start, q};
}

}  // namespace ocrlint::structure
