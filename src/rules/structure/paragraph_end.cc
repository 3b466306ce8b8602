#include "rules/structure/paragraph_end.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/char_class.h"
#include "text/lexicon.h"
#include "text/search.h"
#include "text/utf8.h"
#include "text/word_break.h"

namespace ocrlint::structure {
namespace {

// Captions and image placeholders that may stand between the halves of a broken sentence.
constexpr int kMaxInterleaved = 3;
// A caption is at most this many characters long.
constexpr std::size_t kMaxCaptionChars = 40;
// A paragraph ending with terminal punctuation of at least this many bytes (about 15 CJK
// characters) is running text: the headline block of an article is over.
constexpr std::size_t kMinBodyBytes = 45;
// Body text without terminal punctuation has at least this many characters.
constexpr std::size_t kMinBodyChars = 10;
// How far around a junction an article is searched for the characters it split.
constexpr std::size_t kNearbyBytes = 6000;
// How often a heading's last character must begin words nearby to show it begins one.
constexpr int kMinOpenerUses = 2;
// How often the first character of a second half must stand inside phrases nearby (and
// never at their start) to show it continues a word.
constexpr int kMinInnerUses = 4;
// Characters of a block's end that must stand elsewhere in the article, ending a clause,
// to show the end is a clause end.
constexpr int kEchoChars = 5;
// A deck (the summary above or below a headline) is shorter than this.
constexpr std::size_t kMaxDeckChars = 64;
// Characters of each half that are segmented around a junction.
constexpr int kWindowChars = 4;
// How many blocks ahead the end of a block is fetched into the cache.
constexpr std::size_t kPrefetchBlocks = 8;

// The characters read at each block end, decoded inline (text/utf8.h). Most are of three
// bytes, told by their lead byte alone (text_ is valid UTF-8): decoded here, always inline
// (the compiler called DecodeUtf8Fast and DecodeUtf8BeforeFast out of line, some 60,000
// times per 100 pages); the rest as text/utf8.h decodes them.
[[gnu::always_inline]] inline Decoded NextChar(std::string_view text, std::size_t pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  if ((p[0] & 0xF0) == 0xE0 && pos + 3 <= text.size()) {
    return Decoded{
        static_cast<char32_t>(((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F)), 3};
  }
  return DecodeUtf8Fast(text, pos);
}
[[gnu::always_inline]] inline Decoded PrevChar(std::string_view text, std::size_t pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  if (pos >= 3 && (p[-3] & 0xF0) == 0xE0) {
    return Decoded{
        static_cast<char32_t>(((p[-3] & 0x0F) << 12) | ((p[-2] & 0x3F) << 6) | (p[-1] & 0x3F)), 3};
  }
  return DecodeUtf8BeforeFast(text, pos);
}

// Whether the character at `pos` is three bytes led by E4-EE (IsIdeographLead: U+4000-EFFF,
// mostly ideographs, IsBetweenMarks; text_ is valid UTF-8).
inline bool IsIdeographAt(std::string_view text, std::size_t pos) {
  return IsIdeographLead(static_cast<unsigned char>(text[pos]));
}

// A backward scan's step over the ideographs just before `pos` (IdeographsBefore), as many
// as stand there, counting all but one of them in `n` (the scan's loop counts the other),
// never past `limit` characters. False when the character before `pos` is no ideograph.
inline bool StepBackOverIdeographs(std::string_view text, std::size_t begin, std::size_t& pos,
                                   int& n, int limit) {
  const std::size_t k = IdeographsBefore(text, begin, pos, static_cast<std::size_t>(limit - n));
  if (k == 0) return false;
  pos -= 3 * k;
  n += static_cast<int>(k) - 1;
  return true;
}

// A forward scan's step over the ideographs from `pos` on, inside [pos, end) (IdeographsAt),
// as StepBackOverIdeographs steps back: false when the character at `pos` is no ideograph.
inline bool StepOverIdeographs(std::string_view text, std::size_t& pos, std::size_t end, int& n,
                               int limit) {
  const std::size_t k = IdeographsAt(text, pos, end, static_cast<std::size_t>(limit - n));
  if (k == 0) return false;
  pos += 3 * k;
  n += static_cast<int>(k) - 1;
  return true;
}

// StepOverIdeographs for a scan that does not count characters.
inline bool StepOverIdeographs(std::string_view text, std::size_t& pos, std::size_t end) {
  const std::size_t k = IdeographsAt(text, pos, end, std::numeric_limits<std::size_t>::max());
  pos += 3 * k;
  return k > 0;
}

inline bool IsSpace(char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000; }

// Between the CJK marks (below U+3018) and the fullwidth forms (from U+FF01): ideographs,
// kana, hangul, none of the punctuation this file looks for. Most characters are, and are
// ruled out by this one test.
inline bool IsBetweenMarks(char32_t c) { return c >= 0x3018 && c < 0xFF01; }

// Ends a sentence or a clause that needs nothing after it: full stops, question and
// exclamation marks, the ellipsis, semicolons and colons (a list or a quotation follows),
// and the dash that introduces what follows ("……施工景象——").
inline bool IsTerminal(char32_t c) {
  if (IsBetweenMarks(c)) return false;
  switch (c) {
    case U'。':
    case U'．':
    case U'｡':
    case U'！':
    case U'？':
    case U'!':
    case U'?':
    case U'.':
    case U'…':
    case U'；':
    case U';':
    case U'：':
    case U':':
    case U'—':
    case U'⋯':
      return true;
    default:
      return false;
  }
}

// Punctuation inside a sentence, which headlines and captions rarely carry.
inline bool IsSentencePunct(char32_t c) {
  if (IsBetweenMarks(c)) return false;
  return c == U'，' || c == U',' || c == U'、' || c == U'。' || c == U'；' || c == U';' ||
         c == U'！' || c == U'？' || c == U'!' || c == U'?' || c == U'：' || c == U':';
}

// Opening and closing marks, in pairs: one table for both directions.
constexpr std::pair<char32_t, char32_t> kPairs[] = {
    {U'“', U'”'},   {U'‘', U'’'},   {U'(', U')'},   {U'（', U'）'}, {U'《', U'》'}, {U'〈', U'〉'},
    {U'「', U'」'}, {U'『', U'』'}, {U'【', U'】'}, {U'〔', U'〕'}, {U'［', U'］'}, {U'[', U']'}};

// Whether `c` may be in kPairs (ASCII brackets, the curly quotes of U+2018-201D, the CJK
// brackets of U+3008-3015 and four fullwidth forms): the other characters, the commas and
// full stops the backward scans meet among them, are ruled out without reading the table.
constexpr bool MayBePairMark(char32_t c) {
  if (c < 0x80) return c == U'(' || c == U')' || c == U'[' || c == U']';
  if (c < 0x2018) return false;
  if (c <= 0x201D) return true;
  if (c < 0x3008) return false;
  if (c <= 0x3015) return true;
  return c == U'（' || c == U'）' || c == U'［' || c == U'］';
}
static_assert(std::all_of(std::begin(kPairs), std::end(kPairs), [](const auto& pair) {
  return MayBePairMark(pair.first) && MayBePairMark(pair.second);
}));

// The closing mark of the opening mark `c`, or 0.
inline char32_t ClosingOf(char32_t c) {
  if (!MayBePairMark(c)) return 0;
  for (const auto& [open, close] : kPairs) {
    if (c == open) return close;
  }
  return 0;
}

// The opening mark of the closing mark `c`, or 0.
inline char32_t OpeningOf(char32_t c) {
  if (!MayBePairMark(c)) return 0;
  for (const auto& [open, close] : kPairs) {
    if (c == close) return open;
  }
  return 0;
}

bool IsQuoteCloser(char32_t c) { return c == U'”' || c == U'’' || c == U'"' || c == U'\''; }
bool IsBracketCloser(char32_t c) { return c != U'”' && c != U'’' && OpeningOf(c) != 0; }

// A set of ideographs of U+4E00-9FFF, as a bitset made at compile time: the word lists
// below are asked at every paragraph end, where a linear search of a list of forty
// characters shows in profiles.
class HanSet {
 public:
  consteval explicit HanSet(std::u32string_view chars) {
    for (const char32_t c : chars) {
      // (A character outside the block does not compile: a throw is no constant.)
      if (c < kFirst || c > kLast) throw "HanSet holds ideographs of U+4E00-9FFF only";
      bits_[(c - kFirst) / 64] |= std::uint64_t{1} << ((c - kFirst) % 64);
    }
  }

  constexpr bool Contains(char32_t c) const {
    return c >= kFirst && c <= kLast && ((bits_[(c - kFirst) / 64] >> ((c - kFirst) % 64)) & 1);
  }

 private:
  static constexpr char32_t kFirst = 0x4E00;
  static constexpr char32_t kLast = 0x9FFF;
  std::array<std::uint64_t, (kLast - kFirst) / 64 + 1> bits_{};
};

// The code point of the character of three bytes that `s` begins with (for compile-time
// checks of word lists; 0 when `s` begins otherwise).
constexpr char32_t LeadingChar3(std::string_view s) {
  if (s.size() < 3 || (static_cast<unsigned char>(s[0]) & 0xF0) != 0xE0) return 0;
  return (static_cast<char32_t>(static_cast<unsigned char>(s[0]) & 0x0F) << 12) |
         (static_cast<char32_t>(static_cast<unsigned char>(s[1]) & 0x3F) << 6) |
         static_cast<char32_t>(static_cast<unsigned char>(s[2]) & 0x3F);
}

// Function words after which a sentence cannot stop (when they stand as a word of their
// own: 的 in 目的 or 为 in 大有可为 ends a word, not a sentence).
bool IsDanglingWord(char32_t c) {
  static constexpr HanSet kWords(
      U"的地得和与及或把将被让使向从在对为以由给跟同并而且但再更又也还都就才很最其之于等是已曾仍均"
      U"亦不较既即着到");
  return kWords.Contains(c);
}

// The adverbs among them: they modify the verb or adjective that follows ("……这根弦，不" /
// "放松警惕", "具有较" / "强竞争力").
bool IsDanglingAdverb(char32_t c) {
  static constexpr HanSet kAdverbs(U"再更又也还都就才很最已曾仍均亦不较并即着到");
  return kAdverbs.Contains(c);
}

// Bound suffixes that end words (生产力, 积极性, 现代化, 获得感).
bool IsWordSuffix(char32_t c) {
  static constexpr HanSet kSuffixes(U"力性化感度率者员家式型界观");
  return kSuffixes.Contains(c);
}

// Whether a run of characters holds one twice.
bool HasRepeatedCharSearched(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = NextChar(s, i);
    if (s.find(s.substr(i, d.length), i + d.length) != std::string_view::npos) return true;
    i += d.length;
  }
  return false;
}

// HasRepeatedCharSearched for the runs of HanTailBegin, which have kWindowChars characters
// at most: each decoded once and compared with those before it; a run of characters of
// three bytes (most are) compared as such.
bool HasRepeatedChar(std::string_view s) {
  if (s.size() % 3 == 0 && s.size() <= 3 * kWindowChars) {
    std::array<std::uint32_t, kWindowChars> bytes{};
    const std::size_t n = s.size() / 3;
    bool three_byte = true;
    for (std::size_t k = 0; k < n && three_byte; ++k) {
      const auto lead = static_cast<unsigned char>(s[3 * k]);
      three_byte = (lead & 0xF0) == 0xE0;  // (valid UTF-8: two continuation bytes follow)
      bytes[k] = std::uint32_t{lead} << 16 |
                 std::uint32_t{static_cast<unsigned char>(s[3 * k + 1])} << 8 |
                 static_cast<unsigned char>(s[3 * k + 2]);
    }
    if (three_byte) {
      for (std::size_t k = 1; k < n; ++k) {
        for (std::size_t m = 0; m < k; ++m) {
          if (bytes[k] == bytes[m]) return true;
        }
      }
      return false;
    }
  }
  std::array<char32_t, kWindowChars> chars{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) {
    if (n == chars.size()) return HasRepeatedCharSearched(s);
    const Decoded d = NextChar(s, i);
    for (std::size_t k = 0; k < n; ++k) {
      if (chars[k] == d.code_point) return true;
    }
    chars[n] = d.code_point;
    i += d.length;
  }
  return false;
}

bool IsDanglingComma(char32_t c) { return c == U'、' || c == U'，' || c == U','; }

// Characters that cannot start a sentence: closing punctuation, commas, and (as words of
// their own) particles that follow what they attach to.
bool IsNonStarterPunct(char32_t c) {
  return c == U'，' || c == U'、' || c == U'。' || c == U'；' || c == U'：' || c == U'？' ||
         c == U'！' || c == U',' || c == U';' || c == U':' || c == U'?' || c == U'!' ||
         IsBracketCloser(c) || c == U'”' || c == U'’';
}
inline bool IsNonStarterParticle(char32_t c) {
  return c == U'的' || c == U'了' || c == U'着' || c == U'们' || c == U'吗' || c == U'呢' ||
         c == U'吧' ||
         // Conjunctions that join what stands on either side: "……脱贫户" / "和监测对象……".
         c == U'和' || c == U'及' || c == U'并' || c == U'且';
}

bool IsSentenceOpener(char32_t c) {
  return c == U'“' || c == U'"' || c == U'‘' || c == U'(' || c == U'（' || c == U'《' ||
         c == U'【' || c == U'「' || c == U'『';
}

inline bool StartsWith(std::string_view text, std::string_view prefix) {
  // Most texts differ from a CJK prefix in its first two bytes: compared before memcmp.
  if (text.size() < prefix.size()) return false;
  if (prefix.size() >= 2 && (text[0] != prefix[0] || text[1] != prefix[1])) return false;
  return text.substr(0, prefix.size()) == prefix;
}

bool Contains(std::string_view text, std::string_view needle) {
  return text.find(needle) != std::string_view::npos;
}

// The characters that IsCredit's phrases begin with or need, found in one pass over the
// bytes: each of IsCredit's searches runs only where its first character stands (a search
// for 记者 calls memchr again at every character that shares the lead byte of 记, one in
// ten of Han text).
struct CreditChars {
  bool space = false;       // ' '
  bool wide_space = false;  // U+3000
  bool slash = false;       // '/'
  bool she = false;         // 摄
  bool gong = false;        // 供
  bool shi = false;         // 实
  bool ji = false;          // 记
  bool tong = false;        // 通
  bool ben = false;         // 本

  // Whether `text` holds the characters that one of IsCredit's phrases needs: a space
  // and 记 or 通 (记者, 通讯员 set apart by spaces), a slash (文/图), 摄, 供 or 实. A text
  // that holds them holds them in any longer text too.
  bool MayBeCredit() const {
    return ((space || wide_space) && (ji || tong)) || slash || she || gong || shi;
  }
};

// CreditChars of the character at `i` (its lead byte), if it is one of them.
inline void NoteCreditChar(std::string_view text, std::size_t i, CreditChars& found) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) {
    found.space |= lead == ' ';
    found.slash |= lead == '/';
    return;
  }
  if (lead < 0xE3 || lead > 0xE9 || i + 3 > text.size()) return;
  // The character's last two bytes, told apart by its lead byte.
  const unsigned tail = static_cast<unsigned>(static_cast<unsigned char>(text[i + 1])) << 8 |
                        static_cast<unsigned char>(text[i + 2]);
  switch (lead) {
    case 0xE3:
      found.wide_space |= tail == 0x8080;  // U+3000
      break;
    case 0xE4:
      found.gong |= tail == 0xBE9B;  // 供 E4 BE 9B
      break;
    case 0xE5:
      found.shi |= tail == 0xAE9E;  // 实 E5 AE 9E
      break;
    case 0xE6:
      found.she |= tail == 0x9184;  // 摄 E6 91 84
      found.ben |= tail == 0x9CAC;  // 本 E6 9C AC
      break;
    case 0xE8:
      found.ji |= tail == 0xAEB0;  // 记 E8 AE B0
      break;
    case 0xE9:
      found.tong |= tail == 0x809A;  // 通 E9 80 9A
      break;
    default:
      break;
  }
}

// The characters of CreditChars in `text`, one at a time.
CreditChars FindCreditCharsByChar(std::string_view text) {
  CreditChars found;
  for (std::size_t i = 0; i < text.size();) {
    NoteCreditChar(text, i, found);
    const auto lead = static_cast<unsigned char>(text[i]);
    i += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;  // (text is valid UTF-8)
  }
  return found;
}

// The characters of CreditChars in `text`. Most of a tail's characters are none of them:
// where the processor has SSE2, sixteen bytes at a time are compared with the two ASCII
// ones and with the last two bytes of the seven of three bytes, and only the offsets where
// one matches are read (NoteCreditChar tells the character there, if any, by its lead
// byte, which never continues another). Out of line: inlined into AnalyzeEnd, it cost
// more in the profile.
[[gnu::noinline]] CreditChars FindCreditChars(std::string_view text) {
#if defined(__SSE2__)
  constexpr std::size_t kWidth = 16;
  if (text.size() < kWidth + 2) return FindCreditCharsByChar(text);
  CreditChars found;
  const std::size_t last = text.size() - kWidth - 2;
  const auto equal = [](__m128i bytes, int byte) {
    return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(byte)));
  };
  // The last block overlaps the one before it: a character found twice is one flag.
  for (std::size_t i = 0;; i = std::min(i + kWidth, last)) {
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i + 1));
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i + 2));
    const __m128i ascii = _mm_or_si128(equal(a, ' '), equal(a, '/'));
    // The last two bytes of U+3000 and 通 (80 80, 80 9A), 实 and 记 (AE 9E, AE B0), 摄,
    // 本 and 供.
    const __m128i b80 = equal(b, 0x80);
    const __m128i bae = equal(b, 0xAE);
    const __m128i wide =
        _mm_or_si128(_mm_or_si128(_mm_and_si128(b80, _mm_or_si128(equal(c, 0x80), equal(c, 0x9A))),
                                  _mm_and_si128(bae, _mm_or_si128(equal(c, 0x9E), equal(c, 0xB0)))),
                     _mm_or_si128(_mm_or_si128(_mm_and_si128(equal(b, 0x91), equal(c, 0x84)),
                                               _mm_and_si128(equal(b, 0x9C), equal(c, 0xAC))),
                                  _mm_and_si128(equal(b, 0xBE), equal(c, 0x9B))));
    for (auto bits = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(ascii, wide))); bits != 0;
         bits &= bits - 1) {
      NoteCreditChar(text, i + static_cast<std::size_t>(std::countr_zero(bits)), found);
    }
    if (i == last) break;
  }
  // The last two bytes begin no character of three bytes.
  NoteCreditChar(text, text.size() - 2, found);
  NoteCreditChar(text, text.size() - 1, found);
  return found;
#else
  return FindCreditCharsByChar(text);
#endif
}

// A byline or credit: "洛报融媒记者 郭学锋 通讯员 文鹏", "张铁生 文/图", "...许柯 摄".
bool IsCredit(std::string_view text) {
  const CreditChars chars = FindCreditChars(text);
  if (!chars.MayBeCredit()) return false;
  // The lead of an article, not a byline.
  if (chars.ben && Contains(text, "本报讯")) return false;
  // A byline sets names apart with spaces ("洛报融媒记者 郭学锋"); "接受洛报融媒记者专访"
  // is running text.
  const bool spaced = chars.space || chars.wide_space;
  return (spaced &&
          ((chars.ji && Contains(text, "记者")) || (chars.tong && Contains(text, "通讯员")))) ||
         (chars.slash && (Contains(text, "文/图") || Contains(text, "图/文"))) ||
         (chars.she && Contains(text, "摄影")) || (chars.gong && Contains(text, "供图")) ||
         (chars.shi && Contains(text, "实习生")) ||
         (chars.she && (text.ends_with(" 摄") || text.ends_with("\u3000摄")));
}

// A proof or layout credit line of the page furniture: "校对：王岚 组版：晓南",
// "责编：… 美编：…". It closes an article like a byline.
bool IsFurnitureCredit(std::string_view text) {
  static constexpr std::string_view kLabels[] = {"校对", "组版", "责编", "编辑", "美编", "版式"};
  // Every label is followed by a colon: most lines have none and need no search for labels.
  if (!Contains(text, "：") && !Contains(text, ":")) return false;
  for (const std::string_view label : kLabels) {
    if (StartsWith(text, label) || Contains(text, std::string(" ").append(label))) {
      const std::size_t at = text.find(label) + label.size();
      if (StartsWith(text.substr(at), "：") || StartsWith(text.substr(at), ":")) return true;
    }
  }
  return false;
}

std::size_t CountChars(std::string_view text, std::size_t limit) {
  // A character has at most four bytes (text_ is valid UTF-8): a long text has more than
  // `limit` of them.
  if (text.size() / 4 > limit) return limit + 1;
  // A short text is counted whole, eight bytes at a time: the characters are the bytes
  // that do not continue one (10xxxxxx).
  std::size_t continuation = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t bytes = 0;
    std::memcpy(&bytes, text.data() + i, 8);
    // Bit 7 of each continuation byte (bit 7 set, bit 6 clear), summed by a multiply.
    const std::uint64_t marks = bytes & ~(bytes << 1) & 0x8080808080808080;
    continuation += static_cast<std::size_t>(((marks >> 7) * 0x0101010101010101) >> 56);
  }
  for (; i < text.size(); ++i) {
    continuation += IsUtf8ContinuationByte(static_cast<unsigned char>(text[i])) ? 1 : 0;
  }
  return std::min(text.size() - continuation, limit + 1);
}

// How a block's text ends.
struct End {
  bool terminated = false;
  bool credit = false;  // the block is, or ends with, a byline: the article is over
  // The end of the text proper (before a trailing group such as "(资料图片)").
  std::size_t end = 0;
  ByteRange last_char;
  char32_t last = 0;
};

// The offset of the bracket opening the group that ends just before `end`, if the group is
// short and inside [begin, end).
std::optional<std::size_t> TrailingGroupStart(std::string_view text, std::size_t begin,
                                              std::size_t end, char32_t closer) {
  const char32_t opener = OpeningOf(closer);
  std::size_t pos = end;
  for (int n = 0; n < 24 && pos > begin; ++n) {
    const Decoded d = PrevChar(text, pos);
    pos -= d.length;
    if (d.code_point == opener) return pos;
    if (d.code_point == closer && n > 0) return std::nullopt;
  }
  return std::nullopt;
}

// The bytes that hold the last 45 characters of a block, whatever they are.
constexpr std::size_t kCreditTailBytes = 4 * 45;

End AnalyzeEnd(std::string_view text, ByteRange content) {
  End end;
  if (content.size() <= 120 && IsFurnitureCredit(content.In(text))) {
    end.terminated = true;
    end.credit = true;
    return end;
  }
  std::size_t pos = content.end;
  std::size_t last_terminal = content.begin;
  bool seen_terminal = false;
  while (pos > content.begin) {
    const Decoded d = PrevChar(text, pos);
    const char32_t c = d.code_point;
    if (IsSpace(c)) {
      pos -= d.length;
      continue;
    }
    // A dash written as a hyphen after prose ("……施工景象-") also introduces what follows.
    const bool hyphen_dash = c == U'-' && pos - d.length > content.begin &&
                             !IsAsciiLetter(PrevChar(text, pos - d.length).code_point) &&
                             !IsAsciiDigit(PrevChar(text, pos - d.length).code_point);
    if (IsTerminal(c) || hyphen_dash) {
      end.terminated = true;
      seen_terminal = true;
      last_terminal = pos;
      break;
    }
    if (IsBracketCloser(c)) {
      const auto open = TrailingGroupStart(text, content.begin, pos - d.length, c);
      if (open) {
        pos = *open;
        std::size_t before = pos;
        while (before > content.begin && IsSpace(PrevChar(text, before).code_point)) {
          before -= PrevChar(text, before).length;
        }
        if (before == content.begin) {
          // The whole block is one bracketed group: "(康珂 梦豪)", "(上接01版)".
          end.terminated = true;
          end.credit = Contains(ByteRange{content.begin, content.end}.In(text), " ");
          break;
        }
        continue;
      }
    }
    if (IsQuoteCloser(c) && pos - d.length > content.begin) {
      const Decoded before = PrevChar(text, pos - d.length);
      if (IsTerminal(before.code_point)) {
        end.terminated = true;
        seen_terminal = true;
        last_terminal = pos - d.length;
        break;
      }
    }
    end.end = pos;
    end.last_char = ByteRange{pos - d.length, pos};
    end.last = c;
    break;
  }
  if (pos <= content.begin && !end.terminated) end.end = content.begin;
  if (end.credit) return end;
  // A credit after the last sentence, or a byline of its own.
  std::size_t tail_begin = content.begin;
  if (!seen_terminal) {
    // The tail is inside the last 45 characters, 180 bytes at most: mostly they hold none
    // of the characters a credit needs (MayBeCredit), and no credit ends the block.
    std::size_t from =
        content.size() > kCreditTailBytes ? content.end - kCreditTailBytes : content.begin;
    while (from < content.end && IsUtf8ContinuationByte(static_cast<unsigned char>(text[from]))) {
      ++from;
    }
    if (!FindCreditChars(ByteRange{from, content.end}.In(text)).MayBeCredit()) return end;
    // Find the last terminal mark within a credit's length of the end.
    std::size_t p = content.end;
    for (int n = 0; n < 45 && p > content.begin; ++n) {
      if (StepBackOverIdeographs(text, content.begin, p, n, 45)) continue;
      const Decoded d = PrevChar(text, p);
      if (IsTerminal(d.code_point)) {
        tail_begin = p;
        break;
      }
      p -= d.length;
    }
    if (p > content.begin && tail_begin == content.begin) return end;  // long, no credit
  } else {
    tail_begin = last_terminal;
    // Only a credit if nothing but the tail follows the last terminal mark.
    if (tail_begin >= content.end) return end;
  }
  const std::string_view tail = ByteRange{tail_begin, content.end}.In(text);
  // (Without a terminal mark at the end, the scan above counted the tail's characters, 45
  // at most; after one, trailing groups may make it longer.)
  if ((!seen_terminal || CountChars(tail, 45) <= 45) && IsCredit(tail)) {
    end.terminated = true;
    end.credit = true;
  }
  return end;
}

// A numbered or bulleted line: "1 党建引领，立德树人守初心", "——访……", "■", "(一)".
bool IsListLed(std::string_view text, ByteRange content) {
  const std::string_view s = content.In(text);
  if (s.empty()) return false;
  // Most blocks begin with an ideograph (IsIdeographAt), none of the marks below.
  if (IsIdeographAt(s, 0)) return false;
  const Decoded first = NextChar(s, 0);
  const char32_t c = first.code_point;
  if (c == U'—' || c == U'■' || c == U'□' || c == U'●' || c == U'○' || c == U'◆' || c == U'◇' ||
      c == U'▲' || c == U'★' || c == U'☆' || c == U'·' || c == U'•' || c == U'-' || c == U'*' ||
      (c >= U'①' && c <= U'⑳')) {
    return true;
  }
  if (IsAsciiDigit(c)) {
    std::size_t i = 0;
    while (i < s.size() && i < 3 && IsAsciiDigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i >= s.size()) return false;
    const Decoded next = NextChar(s, i);
    return next.code_point == U' ' || next.code_point == U'、' || next.code_point == U'．' ||
           next.code_point == 0x3000 ||
           (next.code_point == U'.' && i + 1 < s.size() &&
            !IsAsciiDigit(static_cast<unsigned char>(s[i + 1])));
  }
  if (c == U'(' || c == U'（') {
    const Decoded next = NextChar(s, first.length);
    return next.code_point == U'一' || next.code_point == U'二' || next.code_point == U'三' ||
           next.code_point == U'四' || next.code_point == U'五' || IsAsciiDigit(next.code_point);
  }
  return false;
}

inline bool IsFullStop(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'!' || c == U'?';
}

// Whether [content.begin, end) holds sentence punctuation (only full stops when
// `full_stop`).
bool HasSentencePunctBefore(std::string_view text, ByteRange content, std::size_t end,
                            bool full_stop = false) {
  std::size_t pos = content.begin;
  while (pos < end) {
    if (StepOverIdeographs(text, pos, end)) continue;
    const Decoded d = NextChar(text, pos);
    if (full_stop ? IsFullStop(d.code_point) : IsSentencePunct(d.code_point)) return true;
    pos += d.length;
  }
  return false;
}

bool HasClausePunctBefore(std::string_view text, ByteRange content, std::size_t end) {
  std::size_t pos = content.begin;
  while (pos < end) {
    if (StepOverIdeographs(text, pos, end)) continue;
    const Decoded d = NextChar(text, pos);
    if (d.code_point != U'、' && IsSentencePunct(d.code_point)) return true;
    pos += d.length;
  }
  return false;
}

// The innermost mark opened in the last sentence of [begin, end) and never closed (0 if
// none). Reads backwards from the end, past full stops inside a quotation, for at most
// kMaxOpenScan characters: a mark opened further back is no sign of a cut. ASCII straight
// quotes are paired by count over the whole range.
struct OpenMark {
  char32_t mark = 0;
  int distance = 0;  // characters from the mark to the end
};

constexpr int kMaxOpenScan = 160;

OpenMark UnclosedMark(std::string_view text, ByteRange range) {
  char32_t pending[16];  // closers seen, innermost last
  int depth = 0;
  std::size_t pos = range.end;
  for (int n = 0; n < kMaxOpenScan && pos > range.begin; ++n) {
    if (StepBackOverIdeographs(text, range.begin, pos, n, kMaxOpenScan)) continue;
    const Decoded d = PrevChar(text, pos);
    pos -= d.length;
    const char32_t c = d.code_point;
    if (IsBetweenMarks(c)) continue;  // neither a full stop nor a pair mark
    if (depth == 0 && IsFullStop(c) && pos + d.length < range.end) break;
    if (OpeningOf(c) != 0) {
      if (depth < 16) pending[depth++] = c;
      continue;
    }
    const char32_t closer = ClosingOf(c);
    if (closer == 0) continue;
    int k = depth - 1;
    while (k >= 0 && pending[k] != closer) --k;
    if (k < 0) return OpenMark{c, n};
    depth = k;
  }
  const std::size_t quotes = CountByte(range.In(text), '"');
  if (quotes % 2 == 1) return OpenMark{U'"', kMaxOpenScan};
  return OpenMark{};
}

// Whether the second half closes `mark` before opening it again.
bool ClosesCarriedMark(std::string_view text, ByteRange second, char32_t mark) {
  if (mark == U'"') return CountByte(second.In(text), '"') % 2 == 1;
  const char32_t closer = ClosingOf(mark);
  std::size_t pos = second.begin;
  for (int n = 0; n < 80 && pos < second.end; ++n) {
    if (StepOverIdeographs(text, pos, second.end, n, 80)) continue;  // no pair mark
    const Decoded d = NextChar(text, pos);
    pos += d.length;
    if (d.code_point == closer) return true;
    if (d.code_point == mark) return false;
  }
  return false;
}

// Up to kWindowChars Han characters ending at `end` (stops at anything else).
std::size_t HanTailBegin(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t pos = end;
  for (int n = 0; n < kWindowChars && pos > begin; ++n) {
    const Decoded d = PrevChar(text, pos);
    if (!IsHan(d.code_point)) break;
    pos -= d.length;
  }
  return pos;
}

std::size_t HanHeadEnd(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t pos = begin;
  for (int n = 0; n < kWindowChars && pos < end; ++n) {
    const Decoded d = NextChar(text, pos);
    if (!IsHan(d.code_point)) break;
    pos += d.length;
  }
  return pos;
}

class Analyzer {
 public:
  explicit Analyzer(const Document& document)
      : document_(document), text_(document.text()), blocks_(document.blocks()) {}

  ParagraphEnds Run() {
    // Room for the occurrences of a window's character (about ten on the benchmark's
    // pages), so that the first windows do not grow the vectors one by one.
    for (Occurrences& kept : nearby_) kept.at.reserve(32);
    ends_.resize(blocks_.size());
    text_chars_.assign(blocks_.size(), kCharsUncounted);
    list_led_.assign(blocks_.size(), kListLedUnknown);
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
      // The ends of the blocks of a large document stand far apart in memory, each read
      // a cache miss of its own: the end a few blocks ahead (the two cache lines that
      // hold a credit's length) is fetched while this one is read.
      if (i + kPrefetchBlocks < blocks_.size()) {
        const ByteRange ahead = blocks_[i + kPrefetchBlocks].content;
        if (!ahead.empty()) __builtin_prefetch(text_.data() + ahead.end - 1);
        if (ahead.size() > 64) __builtin_prefetch(text_.data() + ahead.end - 65);
      }
      if (blocks_[i].IsProse()) ends_[i] = AnalyzeEnd(text_, blocks_[i].content);
    }
    bool heading_zone = true;  // the top of an article: headlines, decks, subtitles
    for (std::uint32_t i = 0; i < blocks_.size(); ++i) {
      const Block& block = blocks_[i];
      if (!block.IsProse() || block.content.empty()) continue;
      // The captions between the halves of a broken sentence are settled with it.
      if (!result_.broken.empty() && i < result_.broken.back().second) continue;
      const End& end = ends_[i];
      const bool paragraph =
          block.kind == BlockKind::kParagraph || block.kind == BlockKind::kBlockQuote;
      if (end.credit) {
        heading_zone = true;
        continue;
      }
      if (end.terminated) {
        if (paragraph && block.content.size() >= kMinBodyBytes) heading_zone = false;
        continue;
      }
      if (end.last_char.empty() || document_.IsExcluded(end.last_char)) continue;
      if (block.kind == BlockKind::kTableCell) continue;
      if (paragraph && IsBody(i)) {
        CheckBody(i, /*strict=*/heading_zone, /*headline=*/false);
      } else if (paragraph && !ListLed(i) && TextChars(i, kMinBodyChars) >= kMinBodyChars &&
                 !HasClauseSpace(i)) {
        // A first half without punctuation yet ("“7所高中外迁改变的不仅是校园的" /
        // "颜值、气质……") looks like a headline: only evidence that the text runs on joins.
        CheckBody(i, /*strict=*/true, /*headline=*/true);
      } else {
        CheckHeading(i);
      }
    }
    SetMoveTargets();
    return std::move(result_);
  }

 private:
  // CountChars(text, limit) of block i's text (up to End::end), for a limit of at most
  // kMaxDeckChars: counted once per block, at that limit (the count at a lower limit is the
  // lesser of it and limit + 1).
  std::size_t TextChars(std::uint32_t i, std::size_t limit) const {
    if (text_chars_[i] == kCharsUncounted) {
      const std::string_view s = ByteRange{blocks_[i].content.begin, ends_[i].end}.In(text_);
      text_chars_[i] = static_cast<std::uint8_t>(CountChars(s, kMaxDeckChars));
    }
    return std::min<std::size_t>(text_chars_[i], limit + 1);
  }

  // IsListLed of block i, read once per block: the checks of one end ask it several times.
  bool ListLed(std::uint32_t i) const {
    if (list_led_[i] == kListLedUnknown) {
      list_led_[i] = IsListLed(text_, blocks_[i].content) ? kListLedYes : kListLedNo;
    }
    return list_led_[i] == kListLedYes;
  }

  bool IsBody(std::uint32_t i) const {
    const Block& block = blocks_[i];
    const std::string_view s = ByteRange{block.content.begin, ends_[i].end}.In(text_);
    if (TextChars(i, kMinBodyChars) < kMinBodyChars) return false;
    // A numbered or dashed line is a subheading unless it holds a whole sentence
    // ("——用好市场化手段解决关键问题。建立……").
    // Headings and captions do not end with a comma, nor begin with a dateline.
    if (IsDanglingComma(ends_[i].last) || StartsWith(s, "本报讯")) return true;
    const bool list_led = ListLed(i);
    // A headline may enumerate with 、 ("徐衣显调研环保督查问题整改、……等工作"); a short
    // line needs a comma or a stop to be a sentence.
    if (TextChars(i, kMaxCaptionChars) <= kMaxCaptionChars &&
        !HasClausePunctBefore(text_, block.content, ends_[i].last_char.begin)) {
      return false;
    }
    return HasSentencePunctBefore(text_, block.content, ends_[i].last_char.begin, list_led);
  }

  // Whether block i sets clauses apart with a space between two characters that are not
  // ASCII, as a headline does ("迎“风”而上 推动“当家产业”转型升级"); a sentence does not.
  bool HasClauseSpace(std::uint32_t i) const {
    const ByteRange content{blocks_[i].content.begin, ends_[i].end};
    std::size_t pos = content.begin;
    char32_t before = 0;
    while (pos < content.end) {
      if (StepOverIdeographs(text_, pos, content.end)) {  // no space, and not ASCII
        before = 0x4E00;
        continue;
      }
      const Decoded d = NextChar(text_, pos);
      pos += d.length;
      if (!IsSpace(d.code_point) || before < 0x80 || pos >= content.end) {
        before = d.code_point;
        continue;
      }
      if (NextChar(text_, pos).code_point >= 0x80) return true;
    }
    return false;
  }

  // A short caption, image placeholder or numbered subheading that may have landed
  // between the halves of a broken sentence.
  bool IsInterleavable(std::uint32_t j) const {
    const Block& block = blocks_[j];
    if (block.kind != BlockKind::kParagraph) return false;
    if (block.content.empty()) return true;
    const End& end = ends_[j];
    if (end.terminated || end.credit) return false;
    if (ListLed(j)) {
      return CountChars(block.content.In(text_), kMaxCaptionChars) <= kMaxCaptionChars;
    }
    if (TextChars(j, kMaxCaptionChars) > kMaxCaptionChars) return false;
    return !HasSentencePunctBefore(text_, block.content, end.end);
  }

  // Whether block j can be the second half of a sentence begun in block i.
  bool CanContinue(std::uint32_t i, std::uint32_t j) const {
    const Block& block = blocks_[j];
    if (block.kind != blocks_[i].kind || block.content.empty()) return false;
    if (ends_[j].credit || ListLed(j)) return false;
    return !StartsWith(block.content.In(text_), "本报讯");
  }

  // `strict` at the top of an article, where a deck ("市委组织部先后选派……锤炼务实作风")
  // may stand without terminal punctuation: only clear evidence joins it, and ending
  // without a continuation is no defect there.
  void CheckBody(std::uint32_t i, bool strict, bool headline) {
    std::uint32_t j = i + 1;
    int interleaved = 0;
    std::optional<std::uint32_t> second;
    while (j < blocks_.size()) {
      const Block& block = blocks_[j];
      if (!block.IsProse()) break;
      if (IsInterleavable(j)) {
        if (++interleaved > kMaxInterleaved) break;
        ++j;
        continue;
      }
      if (CanContinue(i, j)) second = j;
      break;
    }
    const OpenMark open = UnclosedMark(text_, ByteRange{blocks_[i].content.begin, ends_[i].end});
    if (second) {
      const ByteRange b = blocks_[*second].content;
      std::string joiner;
      std::size_t cut = blocks_[i].content.end;
      // A deck is one sentence, and short. Two or more blocks between the halves (a
      // caption and a subheading, a headline of two lines) need evidence too.
      const bool guarded =
          headline || interleaved >= 2 ||
          (strict && interleaved > 0 && TextChars(i, kMaxDeckChars) < kMaxDeckChars &&
           !HasSentencePunctBefore(text_, blocks_[i].content, ends_[i].end, /*full_stop=*/true));
      if (Continues(i, *second, open, guarded, joiner, cut)) {
        BrokenSentence broken;
        broken.first = i;
        broken.second = *second;
        broken.junction = ByteRange{cut, b.begin};
        broken.joiner = joiner;
        if (*second > i + 1) {
          broken.moved = ByteRange{blocks_[i].range.end, blocks_[*second - 1].range.end};
        }
        result_.broken.push_back(std::move(broken));
        return;
      }
    }
    if (headline) {
      CheckHeading(i, open);
      return;
    }
    // A deck at the top of an article may stand without terminal punctuation above the
    // headline; body text after it is another matter.
    ReportTruncation(i, open, /*body=*/!strict || (second.has_value() && interleaved == 0));
  }

  // Whether the sentence left open at the end of block i goes on in block j, or block i
  // lost its end (and j starts something new). Evidence that the text runs on: a Latin
  // word or sentence going on, a quote or bracket closed in j, j starting with what cannot
  // start a sentence, a dictionary word spanning the junction (一体推|进), or the two
  // characters at the junction standing side by side elsewhere in the article (督|导 where
  // the article says 督导 again). Evidence of a loss: j opens a sentence of its own, or
  // block i ends with a function word or with a lone character that forms no word with
  // what precedes it, and nothing joins it to j. Without either, adjacent body text is one
  // sentence. `guarded` (a deck above captions or headlines at the top of an article):
  // only evidence that the text runs on joins.
  bool Continues(std::uint32_t i, std::uint32_t j, OpenMark open, bool guarded, std::string& joiner,
                 std::size_t& cut) {
    const ByteRange b = blocks_[j].content;
    if (LatinContinues(i, b, joiner, cut)) return true;
    if (open.mark != 0 && ClosesCarriedMark(text_, b, open.mark)) return true;
    if (StartsWithNonStarter(b) || UnitAfterNumber(i, b)) return true;
    // (A comma joins anyway, unguarded: no need to segment or search the article.)
    if (!guarded && IsDanglingComma(ends_[i].last) &&
        !IsAsciiLetter(static_cast<unsigned char>(text_[b.begin]))) {
      return true;
    }
    const Junction junction = AnalyzeJunction(i, b);
    if (junction.spans || NameRunsOn(i, b)) return true;
    // The pair seen nearby joins as surely as the rest of the evidence (the verdict is
    // either): its search, which scans the article around the junction, runs only where
    // the rest leaves the halves apart.
    const bool weighed = !guarded && !IsAsciiLetter(ends_[i].last) &&
                         !IsAsciiLetter(static_cast<unsigned char>(text_[b.begin]));
    if (weighed && ContextJoins(i, j, junction.lone_last)) return true;
    return PairSeenNearby(i, b);
  }

  // Continues' evidence beyond the two characters at the junction, where it is weighed
  // (unguarded, no Latin letter at the junction): a function word, a stub or a list running
  // on across the break joins the halves; a new paragraph's opening keeps them apart.
  bool ContextJoins(std::uint32_t i, std::uint32_t j, bool lone_last) {
    const ByteRange b = blocks_[j].content;
    if (IsDanglingComma(ends_[i].last)) return true;
    if (HeadAfterDe(i, b)) return true;
    if (StartsWithOpening(b)) return false;
    // A preposition of two characters needs its object ("……按照" / "市委部署要求，……"),
    // a modal verb its verb ("……既要" / "让乡亲们的……").
    if (EndsWithHeadWord(i)) return true;
    // 在…上 (中, 后, 时) at the end is an adverbial that needs its predicate ("着力在培育壮
    // 大优质企业上" / "取得突破。").
    if (std::u32string_view(U"上中后时").find(ends_[i].last) != std::u32string_view::npos &&
        FrameOpenAtEnd(i) == U'在') {
      return true;
    }
    // A clause of one or two characters is no paragraph's start, even where a neighbour
    // begins with the same word ("……重点产业链群" / "建设，……" near "建设“牡丹花都”").
    if (StartsWithStub(b)) return true;
    if (StartsInParallel(i, j)) return false;
    if (EndsWithStub(i)) return true;
    if (ListCarriesOver(i, b)) return true;
    if (const char32_t head = FrameOpenAtEnd(i); head != 0 && ClosesFrame(head, b)) return true;
    if (const auto dangling = DanglingEnd(i)) {
      // An adverb needs its verb, which a new paragraph does not begin with; a preposition
      // or conjunction needs a noun phrase, which a new paragraph may well begin with.
      if (IsDanglingAdverb(*dangling)) return true;
      // 的 needs the noun it modifies: a second half that begins with a common noun or
      // an adjective goes on with it ("师生们的" / "精气神发生了……"), where a paragraph
      // of its own begins with a name, a time, a verb or a preposition.
      if (*dangling == U'的' && StartsWithHeadNoun(b)) return true;
      // A preposition whose frame the second half closes ("……为" / "企业改革发展提供平台
      // 支撑", "……以" / "青灰色为主").
      return ClosesFrame(*dangling, b);
    }
    // 的 that only the word list reads as a word of its own (ICU joins it to what precedes
    // it: 针对性的) needs its noun as well.
    if (lone_last && ends_[i].last == U'的' && StartsWithHeadNoun(b)) return true;
    // A lone last character is a word begun and lost, unless the second half begins with a
    // character that never begins a phrase in the article around (迁 of 外迁, 搬迁: "征" /
    // "迁动员工作").
    return !lone_last || NeverPhraseInitialNearby(b.begin);
  }

  // The preposition that opens a frame in the first half's last clause and stands there as
  // a word of its own, the frame still open at the break ("以《风起洛阳》VR体验等" / "项目
  // 为载体", "在市委全会及" / "市领导的系列调研后，"), or 0. The preposition at the very
  // end is DanglingEnd's.
  char32_t FrameOpenAtEnd(std::uint32_t i) const {
    static constexpr std::u32string_view kHeads = U"以把将在";
    const std::size_t end = ends_[i].end;
    std::size_t pos = ends_[i].last_char.begin;
    for (int n = 0; n < 20 && pos > blocks_[i].content.begin; ++n) {
      const Decoded d = PrevChar(text_, pos);
      if (d.code_point != U'、' && (IsSentencePunct(d.code_point) || IsFullStop(d.code_point))) {
        return 0;
      }
      pos -= d.length;
      if (kHeads.find(d.code_point) == std::u32string_view::npos) continue;
      // A word of its own in the clause from it to the end (以 of 以来, 所以 is none).
      const std::size_t from = HanTailBegin(text_, blocks_[i].content.begin, pos);
      const std::string_view window = ByteRange{from, end}.In(text_);
      LexiconBoundaries(window, bounds_);
      const std::size_t at = pos - from;
      const bool starts = std::find(bounds_.begin(), bounds_.end(), at) != bounds_.end();
      const bool ends = std::find(bounds_.begin(), bounds_.end(), at + d.length) != bounds_.end();
      return starts && ends ? d.code_point : 0;
    }
    return 0;
  }

  // Whether the second half closes the frame that the preposition or conjunction `head`
  // opens at the end of the first: 以…为, 为…提供, 从…出发, 与…并重, 既…也. The closing
  // word must come in the second half's first clause (the first sentence for 既).
  bool ClosesFrame(char32_t head, ByteRange b) const {
    struct Frame {
      char32_t head;
      bool sentence;  // the closer may come after a comma
      std::initializer_list<std::string_view> closers;
    };
    static const Frame kFrames[] = {
        {U'以', false, {"为"}},
        {U'为',
         false,
         {"提供", "注入", "创造", "奠定", "营造", "搭建", "作出", "做出", "贡献", "凝聚", "增添",
          "打下", "保驾护航"}},
        {U'对', false, {"进行", "开展", "实施", "作出", "做出", "投入"}},
        {U'向', false, {"投放", "提供", "转型", "迈进", "迈出", "延伸"}},
        {U'与', false, {"合作", "签署", "签订", "对接", "共建", "并重", "相结合", "交会"}},
        {U'在',
         false,
         {"举行", "举办", "召开", "开幕", "落地", "同时", "过程中", "基础上", "背景下", "前提下",
          "情况下"}},
        {U'从', false, {"出发", "入手", "着手", "抓起"}},
        {U'将', false, {"作为", "纳入", "列为", "用于", "打造成", "融入", "转化为", "落实到"}},
        {U'把',
         false,
         {"作为", "纳入", "列为", "放在", "摆在", "打造成", "融入", "转化为", "落实到"}},
        {U'既', true, {"也", "又", "还"}},
    };
    const Frame* frame = nullptr;
    for (const Frame& f : kFrames) {
      if (f.head == head) frame = &f;
    }
    if (frame == nullptr) return false;
    std::size_t pos = b.begin;
    char32_t last = 0;
    for (int n = 0; n < 40 && pos < b.end; ++n) {
      const Decoded d = NextChar(text_, pos);
      if (IsFullStop(d.code_point) || d.code_point == U'；') return false;
      // An enumeration goes on inside the clause.
      if (!frame->sentence && d.code_point != U'、' && IsSentencePunct(d.code_point)) {
        // 在 closes with the word of place or time that ends the clause (在…后，, 在…中，).
        return head == U'在' &&
               std::u32string_view(U"中后时上下前里间").find(last) != std::u32string_view::npos;
      }
      last = d.code_point;
      const std::string_view rest = ByteRange{pos, b.end}.In(text_);
      for (const std::string_view closer : frame->closers) {
        if (StartsWith(rest, closer)) return true;
      }
      pos += d.length;
    }
    return false;
  }

  // A name at the break: the first half ends with a title and a name or its first one or
  // two characters, and the second goes on with the rest of a name of two or three
  // characters and what its bearer did ("……行长周" / "丽涛一行到孟津区", "……书记何武周" /
  // "座谈交流", "……大师郭" / "爱中表示，"). Name characters stand alone in the word
  // list's segmentation, so without this the last one reads as a word begun and lost.
  bool NameRunsOn(std::uint32_t i, ByteRange b) const {
    static constexpr HanSet kSurnames(
        U"王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶"
        U"程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
        U"毛郝龚邵万钱严覃武戴莫孔向汤易樊牛");
    static constexpr std::string_view kTitles[] = {
        "书记", "主任", "部长", "局长", "行长", "市长", "县长", "区长", "镇长",   "乡长",
        "主席", "会长", "院长", "校长", "经理", "委员", "大师", "记者", "通讯员", "教授",
        "厂长", "所长", "处长", "科长", "组长", "队长", "站长", "馆长", "代表"};
    // Verbs of saying first, then other deeds; the last four follow only part of a name.
    static constexpr std::string_view kDeeds[] = {
        "表示", "介绍", "强调", "指出", "认为", "说",   "一行", "等",   "先后", "带队",
        "主持", "出席", "参加", "调研", "深入", "座谈", "会见", "陪同", "考察", "察看",
        "视察", "看望", "慰问", "督导", "检查", "到",   "在",   "，",   "、"};
    constexpr std::size_t kSaying = 6;
    constexpr std::size_t kVerbs = std::size(kDeeds) - 4;
    const std::size_t content_begin = blocks_[i].content.begin;
    // Their last characters: a name after none of them has no title.
    static constexpr HanSet kTitleEnds(U"记任长席理员师者授表");
    static_assert(std::all_of(std::begin(kTitles), std::end(kTitles), [](std::string_view title) {
      return kTitleEnds.Contains(LeadingChar3(title.substr(title.size() - 3)));
    }));
    std::size_t tail = ends_[i].end;
    for (int tail_chars = 1; tail_chars <= 3; ++tail_chars) {
      // (HanTailOf(i, tail_chars), one character further back each time.)
      if (tail <= content_begin) return false;
      const Decoded last = PrevChar(text_, tail);
      if (!IsHan(last.code_point)) return false;
      tail -= last.length;
      if (!kSurnames.Contains(last.code_point)) continue;
      const std::string_view before = ByteRange{content_begin, tail}.In(text_);
      const bool titled =
          !before.empty() && kTitleEnds.Contains(PrevChar(before, before.size()).code_point) &&
          std::any_of(std::begin(kTitles), std::end(kTitles),
                      [&](std::string_view title) { return before.ends_with(title); });
      // A name may also open a sentence of reported speech ("……项目对接不停。”樊" /
      // "齐森表示，……"): then only a verb of saying follows it.
      const bool opens_speech = !titled && (before.ends_with("”") || before.ends_with("。"));
      if (!titled && !opens_speech) continue;
      // The rest of the name (none when the first half holds all of it), so that the name
      // has two or three characters.
      std::size_t pos = b.begin;
      for (int head_chars = 0; head_chars <= 3 - tail_chars; ++head_chars) {
        if (head_chars > 0) {
          const Decoded d = NextChar(text_, pos);
          if (pos >= b.end || !IsHan(d.code_point)) break;
          pos += d.length;
        }
        if (tail_chars + head_chars < 2) continue;
        const std::size_t deeds =
            opens_speech ? kSaying : (head_chars == 0 ? kVerbs : std::size(kDeeds));
        const std::string_view rest = ByteRange{pos, b.end}.In(text_);
        if (std::any_of(std::begin(kDeeds), std::begin(kDeeds) + deeds,
                        [&](std::string_view deed) { return StartsWith(rest, deed); })) {
          return true;
        }
      }
    }
    return false;
  }

  // The first word of `b` in the word list's segmentation is a common noun, an adjective,
  // an abbreviation (十大) or a word of place or direction (变化的 / 背后).
  bool StartsWithHeadNoun(ByteRange b) const {
    const std::size_t head = HanHeadEnd(text_, b.begin, b.end);
    if (head == b.begin) return false;
    const std::string_view window = ByteRange{b.begin, head}.In(text_);
    LexiconBoundaries(window, bounds_);
    const std::optional<WordClass> word_class = LexiconWordClass(window.substr(0, bounds_[1]));
    return word_class == WordClass::kNoun || word_class == WordClass::kAdjective ||
           word_class == WordClass::kAbbreviation || word_class == WordClass::kPlace;
  }

  bool NeverPhraseInitialNearby(std::size_t at) const {
    const Decoded first = NextChar(text_, at);
    if (!IsHan(first.code_point)) return false;
    const std::string_view c = text_.substr(at, first.length);
    const std::size_t from = at > kNearbyBytes ? at - kNearbyBytes : 0;
    const std::size_t to = std::min(text_.size(), at + kNearbyBytes);
    int uses = 0;
    const bool inner = ForEachNear(c, from, to, [&](std::size_t pos) {
      if (pos == at) return true;
      if (pos == 0 || !IsHan(PrevChar(text_, pos).code_point)) return false;
      ++uses;
      return true;
    });
    return inner && uses >= kMinInnerUses;
  }

  void CheckHeading(std::uint32_t i) {
    CheckHeading(i, UnclosedMark(text_, ByteRange{blocks_[i].content.begin, ends_[i].end}));
  }

  // `open`: UnclosedMark of block i's text.
  void CheckHeading(std::uint32_t i, OpenMark open) {
    // An unclosed quote in a headline is a lost closing mark (`unbalanced-pair`) as often
    // as lost text ("展现“洛阳力量"); it tells a cut only when the last word is broken off
    // too ("展现“洛阳力").
    // A quotation does not run on across the space between two clauses of a headline
    // either ("“三进宣传全覆盖 织密反诈防护网").
    if (open.mark != 0 && (!EndsWithLoneChar(i) || SpaceInLast(i, open.distance))) {
      open = OpenMark{};
    }
    ReportTruncation(i, open, /*body=*/false);
  }

  // Whether the last `count` characters of block i's text hold a space.
  bool SpaceInLast(std::uint32_t i, int count) const {
    std::size_t pos = ends_[i].end;
    for (int n = 0; n < count && pos > blocks_[i].content.begin; ++n) {
      const Decoded d = PrevChar(text_, pos);
      if (IsSpace(d.code_point)) return true;
      pos -= d.length;
    }
    return false;
  }

  void ReportTruncation(std::uint32_t i, OpenMark open, bool body) {
    Truncation t;
    t.block = i;
    t.last_char = ends_[i].last_char;
    if (open.mark != 0) {
      t.reason = TruncationReason::kOpenPair;
      t.detail = EncodeUtf8(open.mark);
    } else if (const auto dangling = DanglingEnd(i)) {
      t.reason = IsDanglingComma(ends_[i].last) ? TruncationReason::kDanglingComma
                                                : TruncationReason::kDanglingWord;
      t.detail = EncodeUtf8(*dangling);
    } else if (const auto word = MidWordEnd(i)) {
      t.reason = TruncationReason::kMidWord;
      t.detail = *word;
    } else if (const auto clause = body ? std::nullopt : StubClause(i)) {
      t.reason = TruncationReason::kMidWord;
      t.detail = *clause;
    } else if (const auto phrase = body ? std::nullopt : PhraseGoesOnNearby(i)) {
      t.reason = TruncationReason::kMidWord;
      t.detail = *phrase;
    } else if (const auto opener = body ? std::nullopt : EndsWithWordOpener(i)) {
      t.reason = TruncationReason::kMidWord;
      t.detail = *opener;
    } else if (const auto stub = body ? std::nullopt : EndsWithWordStub(i)) {
      t.reason = TruncationReason::kMidWord;
      t.detail = *stub;
    } else if (body && !ClauseEchoedNearby(i)) {
      t.reason = TruncationReason::kNoContinuation;
    } else {
      return;
    }
    result_.truncated.push_back(std::move(t));
  }

  // A headline of clauses set apart by spaces whose last clause is a stub of one or two
  // characters while every other clause has at least four ("真抓实干见成效 奋"): the
  // parallel clauses of a headline are of a length. Returns the stub.
  std::optional<std::string> StubClause(std::uint32_t i) const {
    const std::string_view s = ByteRange{blocks_[i].content.begin, ends_[i].end}.In(text_);
    // Clauses end at spaces, commas and enumeration commas.
    const auto ends_clause = [](char32_t c) {
      return IsSpace(c) || c == U'，' || c == U'、' || c == U',';
    };
    // The last clause, read from the end: most headings end with a longer one.
    std::size_t begin = s.size();
    std::size_t stub = 0;
    for (; stub < 4 && begin > 0; ++stub) {
      const Decoded d = PrevChar(s, begin);
      if (ends_clause(d.code_point)) break;
      begin -= d.length;
    }
    // None, four characters or more, or no clause before it.
    if (stub == 0 || stub == 4 || begin == 0) return std::nullopt;
    // Two characters against clauses of four or more, three against six or more.
    const std::size_t need = stub <= 2 ? 4 : 6;
    std::size_t clause_begin = 0;
    bool clauses = false;
    for (std::size_t pos = 0; pos < begin;) {
      const Decoded d = NextChar(s, pos);
      if (ends_clause(d.code_point)) {
        if (pos > clause_begin) {
          if (CountChars(s.substr(clause_begin, pos - clause_begin), need) < need) {
            return std::nullopt;
          }
          clauses = true;
        }
        clause_begin = pos + d.length;
      }
      pos += d.length;
    }
    if (!clauses) return std::nullopt;
    return std::string(s.substr(begin));
  }

  // The block's last character is a Han character that ICU leaves alone, not joined to
  // the characters before it (or none precede it).
  bool EndsWithLoneChar(std::uint32_t i) {
    const End& end = ends_[i];
    if (!IsHan(end.last)) return false;
    const std::size_t begin = TailBegin(i);
    if (begin == end.last_char.begin) return true;
    const std::string_view window = ByteRange{begin, end.end}.In(text_);
    return Segmenter().IsBoundary(window, end.last_char.begin - begin);
  }

  // In the word list's segmentation, the heading ends with a word of two or more
  // characters and then a lone character ("产业|集", "党组|书", "建设|稳"): a word begun and
  // lost. Names and set phrases end in runs of single characters instead (局长|杨|鹏,
  // 开|新|局, 守|初|心). Numbered and dashed subheadings too ("2 富民|增", "——访市生态
  // 环境局党组|书"). Returns the last word and the lone character.
  std::optional<std::string> EndsWithWordStub(std::uint32_t i) const {
    const End& end = ends_[i];
    if (!IsHan(end.last)) return std::nullopt;
    const std::size_t begin = TailBegin(i);
    const std::string_view window = ByteRange{begin, end.end}.In(text_);
    // A word of two characters and the lone last one: three characters at least.
    if (window.size() < end.last_char.size() + 6) return std::nullopt;
    if (IsWordSuffix(end.last) || TailRepeatsChar(i)) return std::nullopt;
    // A segment of several characters is a word of the list: one of two or three must end
    // before the last character (a few lookups rule out most headings before segmenting).
    bool word_before = false;
    std::size_t from = end.last_char.begin;
    for (int chars = 1; chars <= 3 && from > begin && !word_before; ++chars) {
      from -= PrevChar(text_, from).length;
      word_before = chars >= 2 && LexiconWordCost(ByteRange{from, end.last_char.begin}.In(text_));
    }
    if (!word_before) return std::nullopt;
    LexiconBoundaries(window, bounds_);
    if (bounds_.size() < 3) return std::nullopt;
    const std::size_t lone = bounds_[bounds_.size() - 2];
    const std::size_t word = bounds_[bounds_.size() - 3];
    if (window.size() - lone != end.last_char.size() || lone - word < 6) return std::nullopt;
    return std::string(window.substr(word));
  }

  // A heading's last character stands alone in ICU's segmentation, and the article around
  // uses it at least kMinOpenerUses times, always with a Han character after it, never at
  // the end of a phrase: it begins words here (稳 of 稳步, 签 of 签署), and the heading
  // lost the rest of one. Returns the last two characters.
  std::optional<std::string> EndsWithWordOpener(std::uint32_t i) {
    const End& end = ends_[i];
    if (!IsHan(end.last) || ListLed(i)) return std::nullopt;
    const std::size_t begin = TailBegin(i);
    if (begin == end.last_char.begin) return std::nullopt;
    const std::string_view window = ByteRange{begin, end.end}.In(text_);
    const std::string_view c = end.last_char.In(text_);
    // A formula repeating a character closes itself (应清尽清, 做大做强), and a suffix
    // ends a word (生产力, 幸福感).
    if (IsWordSuffix(end.last) || TailRepeatsChar(i)) return std::nullopt;
    const std::size_t from = begin > kNearbyBytes ? begin - kNearbyBytes : 0;
    const std::size_t to = std::min(text_.size(), end.end + kNearbyBytes);
    int uses = 0;
    const bool opens = ForEachNear(c, from, to, [&](std::size_t at) {
      if (at == end.last_char.begin) return true;
      const std::size_t after = at + c.size();
      if (after >= text_.size() || !IsHan(NextChar(text_, after).code_point)) return false;
      ++uses;
      return true;
    });
    if (!opens || uses < kMinOpenerUses) return std::nullopt;
    // The heading's last two characters end no phrase of the article (…生产力，).
    const std::size_t pair_begin =
        end.last_char.begin - PrevChar(text_, end.last_char.begin).length;
    const std::string_view pair = ByteRange{pair_begin, end.end}.In(text_);
    const bool goes_on = ForEachNear(pair, from, to, [&](std::size_t at) {
      const std::size_t after = at + pair.size();
      return at == pair_begin || (after < text_.size() && IsHan(NextChar(text_, after).code_point));
    });
    if (!goes_on) return std::nullopt;
    // ICU last: the searches above rule out most headings for less.
    if (!Segmenter().IsBoundary(window, end.last_char.begin - begin)) return std::nullopt;
    return std::string(pair);
  }

  // The start of the last `count` characters of block i's text when all of them are Han
  // characters inside the block, or nullopt.
  std::optional<std::size_t> HanTailOf(std::uint32_t i, int count) const {
    std::size_t begin = ends_[i].end;
    for (int n = 0; n < count; ++n) {
      if (begin <= blocks_[i].content.begin) return std::nullopt;
      const Decoded d = PrevChar(text_, begin);
      if (!IsHan(d.code_point)) return std::nullopt;
      begin -= d.length;
    }
    return begin;
  }

  // The last three characters of the block stand elsewhere in the article (within
  // kNearbyBytes), and there they always go on with the same Han character: the block
  // lost the end of a phrase the article uses ("中原银行洛阳分行与孟津区签" where the
  // article says 孟津区签署). Returns the three characters.
  std::optional<std::string> PhraseGoesOnNearby(std::uint32_t i) {
    const End& end = ends_[i];
    if (ListLed(i)) return std::nullopt;
    const std::optional<std::size_t> tail = HanTailOf(i, 3);
    if (!tail) return std::nullopt;
    const std::size_t begin = *tail;
    const std::string_view phrase = ByteRange{begin, end.end}.In(text_);
    const std::size_t from = begin > kNearbyBytes ? begin - kNearbyBytes : 0;
    const std::size_t to = std::min(text_.size(), end.end + kNearbyBytes);
    char32_t next = 0;
    const bool same_next = ForEachNear(phrase, from, to, [&](std::size_t at) {
      if (at == begin) return true;
      const std::size_t after = at + phrase.size();
      if (after >= text_.size()) return false;
      const char32_t c = NextChar(text_, after).code_point;
      if (!IsHan(c) || (next != 0 && c != next)) return false;
      next = c;
      return true;
    });
    if (!same_next || next == 0) return std::nullopt;
    // The character it goes on with must complete a word with the last one (a name in a
    // subtitle goes on in the article too: "韩建军" / "韩建军在…").
    window_.assign(end.last_char.In(text_));
    window_.append(EncodeUtf8(next));
    if (Segmenter().IsBoundary(window_, end.last_char.size())) return std::nullopt;
    return std::string(phrase);
  }

  // The last kEchoChars characters of the block stand elsewhere in the article (within
  // kNearbyBytes) and end a clause there too: a deck or summary that the article's text
  // echoes ("探索现代化学校建设" above "…，探索现代化学校建设，加快推动…") is complete.
  bool ClauseEchoedNearby(std::uint32_t i) const {
    const End& end = ends_[i];
    const std::optional<std::size_t> tail = HanTailOf(i, kEchoChars);
    if (!tail) return false;
    const std::size_t begin = *tail;
    const std::string_view clause = ByteRange{begin, end.end}.In(text_);
    const std::size_t from = begin > kNearbyBytes ? begin - kNearbyBytes : 0;
    const std::size_t to = std::min(text_.size(), end.end + kNearbyBytes);
    const bool none_ends = ForEachNear(clause, from, to, [&](std::size_t at) {
      if (at == begin) return true;
      const std::size_t after = at + clause.size();
      return after >= text_.size() || !IsSentencePunct(NextChar(text_, after).code_point);
    });
    return !none_ends;
  }

  // The dangling comma or function word the block ends with, if any.
  std::optional<char32_t> DanglingEnd(std::uint32_t i) {
    const End& end = ends_[i];
    if (IsDanglingComma(end.last)) return end.last;
    if (!IsDanglingWord(end.last)) return std::nullopt;
    const std::size_t begin = TailBegin(i);
    if (begin == end.last_char.begin) return end.last;  // nothing before it to form a word
    const std::string_view window = ByteRange{begin, end.end}.In(text_);
    if (!Segmenter().IsBoundary(window, end.last_char.begin - begin)) return std::nullopt;
    return end.last;
  }

  // "…融合的科": a single character after the word 的 at the very end does not complete
  // a word. Returns the last two characters.
  std::optional<std::string> MidWordEnd(std::uint32_t i) {
    const End& end = ends_[i];
    if (!IsHan(end.last)) return std::nullopt;
    const std::size_t de = end.last_char.begin;
    if (de <= blocks_[i].content.begin) return std::nullopt;
    const Decoded before = PrevChar(text_, de);
    if (before.code_point != U'的') return std::nullopt;
    const std::size_t begin = TailBegin(i);
    const std::string_view window = ByteRange{begin, end.end}.In(text_);
    WordSegmenter& segmenter = Segmenter();
    if (!segmenter.IsBoundary(window, de - begin)) return std::nullopt;
    if (!segmenter.IsBoundary(window, de - before.length - begin)) return std::nullopt;
    return std::string(ByteRange{de - before.length, end.end}.In(text_));
  }

  bool StartsWithNonStarter(ByteRange b) {
    // Postpositions close a phrase of time or place begun before them ("自2022年" /
    // "以来，……").
    static constexpr std::string_view kPostpositions[] = {"以来", "之后", "之前", "之际",
                                                          "之间", "为止", "左右"};
    // Their first characters: a paragraph beginning with none of them begins with none.
    static constexpr HanSet kPostpositionHeads(U"以之为左");
    static_assert(std::all_of(
        std::begin(kPostpositions), std::end(kPostpositions),
        [](std::string_view word) { return kPostpositionHeads.Contains(LeadingChar3(word)); }));
    const std::string_view s = b.In(text_);
    const Decoded first = NextChar(text_, b.begin);
    if (kPostpositionHeads.Contains(first.code_point)) {
      for (const std::string_view word : kPostpositions) {
        if (StartsWith(s, word)) return true;
      }
    }
    if (IsNonStarterPunct(first.code_point)) return true;
    if (!IsNonStarterParticle(first.code_point)) return false;
    const std::size_t head_end = HanHeadEnd(text_, b.begin, b.end);
    const std::string_view window = ByteRange{b.begin, head_end}.In(text_);
    return Segmenter().IsBoundary(window, first.length);
  }

  // The word list's segmentation (text/lexicon.h) of the last characters of the first half
  // and the first of the second: whether a word spans the junction ("一体推" + "进12万亩":
  // 推进), and whether the first half ends with a character that forms no word with what
  // precedes it ("…将工": a word begun and lost). ICU's smaller dictionary splits words of
  // news prose such as 督导 and 试点, and missed one junction in ten that the list finds.
  struct Junction {
    bool spans = false;
    bool lone_last = false;
  };

  Junction AnalyzeJunction(std::uint32_t i, ByteRange b) {
    const End& end = ends_[i];
    Junction junction;
    if (!IsHan(end.last) || !IsHan(NextChar(text_, b.begin).code_point)) return junction;
    const std::size_t tail = TailBegin(i);
    const std::size_t head = HanHeadEnd(text_, b.begin, b.end);
    window_.assign(text_.substr(tail, end.end - tail));
    const std::size_t at = window_.size();
    window_.append(text_.substr(b.begin, head - b.begin));
    LexiconBoundaries(window_, bounds_);
    std::size_t before = 0;
    bool found = false;
    for (const std::size_t bound : bounds_) {
      if (bound == at) found = true;
      if (bound < at) before = bound;
    }
    junction.spans = !found;
    junction.lone_last = found && at - before == end.last_char.size();
    return junction;
  }

  // The last character of the first half and the first of the second stand side by side
  // elsewhere in the article (within kNearbyBytes): the article uses the word the break
  // split ("督" / "导调研" where it says 督导 again). Function words pair with anything and
  // count for nothing.
  bool PairSeenNearby(std::uint32_t i, ByteRange b) const {
    const End& end = ends_[i];
    const Decoded first = NextChar(text_, b.begin);
    if (!IsHan(end.last) || !IsHan(first.code_point)) return false;
    if (IsDanglingWord(end.last) || IsDanglingWord(first.code_point) ||
        IsNonStarterParticle(first.code_point)) {
      return false;
    }
    std::string pair(end.last_char.In(text_));
    pair.append(text_.substr(b.begin, first.length));
    const std::size_t from =
        end.last_char.begin > kNearbyBytes ? end.last_char.begin - kNearbyBytes : 0;
    const std::size_t to = std::min(text_.size(), b.begin + kNearbyBytes);
    // Found by its second character where NeverPhraseInitialNearby has searched for it and
    // kept its offsets, else by its first, the first half's last: the checks of its end
    // that may follow (PhraseGoesOnNearby and EndsWithWordOpener of a heading,
    // ClauseEchoedNearby of body text) search for that one through about the same window,
    // and find its offsets kept. Either way, the same occurrences.
    const std::size_t found = IsKept<KeyChar::kLast>(pair, from, to)
                                  ? FindNear<KeyChar::kLast>(pair, from, to)
                                  : FindNear<KeyChar::kFirst>(pair, from, to);
    return found != std::string_view::npos;
  }

  // A hyphenated Latin word broken at the line end, or a Latin sentence going on in
  // lower case. Sets the joiner and where the junction starts.
  bool LatinContinues(std::uint32_t i, ByteRange b, std::string& joiner, std::size_t& cut) {
    const End& end = ends_[i];
    const unsigned char next = static_cast<unsigned char>(text_[b.begin]);
    if (next < 'a' || next > 'z') return false;
    if (end.last == U'-' && end.last_char.begin > blocks_[i].content.begin &&
        IsAsciiLetter(static_cast<unsigned char>(text_[end.last_char.begin - 1]))) {
      joiner.clear();
      cut = end.last_char.begin;
      return true;
    }
    if (!IsAsciiLetter(end.last) && end.last != U',') return false;
    joiner = " ";
    return true;
  }

  // The first half ends with 的 and the second starts with the noun that heads a clause
  // of time or condition ("……快速发展的" / "同时，还……", "……工作的" / "基础上，……"):
  // 同时 opens a paragraph only when no 的 stands before it.
  bool HeadAfterDe(std::uint32_t i, ByteRange b) const {
    static constexpr std::string_view kHeads[] = {"同时",   "时候",   "过程中", "基础上",
                                                  "背景下", "情况下", "前提下"};
    if (ends_[i].last != U'的') return false;
    const std::string_view s = b.In(text_);
    for (const std::string_view head : kHeads) {
      if (StartsWith(s, head)) return true;
    }
    return false;
  }

  // A number at the end of the first half and its unit at the start of the second
  // ("……王若馨）18" / "日下午，……", "两" / "个百亿级龙头项目").
  bool UnitAfterNumber(std::uint32_t i, ByteRange b) const {
    static constexpr std::u32string_view kUnits = U"年月日时分秒万亿元个人次家项名岁天周米倍%％";
    static constexpr HanSet kNumerals(U"一二三四五六七八九十百千两几");
    static constexpr HanSet kClassifiers(U"个项家名座条次批位件种类所支户元年月日天周");
    const char32_t next = NextChar(text_, b.begin).code_point;
    if (IsAsciiDigit(ends_[i].last)) return kUnits.find(next) != std::u32string_view::npos;
    if (kNumerals.Contains(ends_[i].last)) {
      return kClassifiers.Contains(next);
    }
    // A number and its classifier, and the noun they count in the second half ("与多个" /
    // "深圳企业", "两大" / "首发站").
    static constexpr HanSet kCounters(U"个项家座条批位件种类所支大");
    if (!kCounters.Contains(ends_[i].last)) return false;
    const std::size_t at = ends_[i].last_char.begin;
    if (at <= blocks_[i].content.begin) return false;
    const char32_t count = PrevChar(text_, at).code_point;
    return IsHan(next) && (kNumerals.Contains(count) || count == U'多' || IsAsciiDigit(count));
  }

  // The second paragraph starts with a clause of one or two characters ("办。中国……"):
  // the tail of a sentence, not a paragraph's start (connectives such as 同时， are
  // openers, checked before).
  bool StartsWithStub(ByteRange b) const {
    std::size_t pos = b.begin;
    char32_t last = 0;
    for (int n = 0; n < 4 && pos < b.end; ++n) {
      const Decoded d = NextChar(text_, pos);
      // A short opening phrase of time or place ends so: 连日来， 近两年， 活动中，.
      if (d.code_point == U'、') return false;  // parallel phrases: 抓德育、稳发展，
      if (IsSentencePunct(d.code_point)) {
        return n > 0 && std::u32string_view(U"日年来前今中后时上下里外").find(last) ==
                            std::u32string_view::npos;
      }
      last = d.code_point;
      pos += d.length;
    }
    return false;
  }

  // The first half's last sentence is one or two characters ("……出彩。把" / "新文旅产业
  // 作为主攻方向"): a sentence had just begun at the break.
  bool EndsWithStub(std::uint32_t i) const {
    std::size_t pos = ends_[i].end;
    for (int n = 0; n < 3; ++n) {
      if (pos <= blocks_[i].content.begin) return false;
      const Decoded d = PrevChar(text_, pos);
      if (IsFullStop(d.code_point) || d.code_point == U'；') return n > 0;
      pos -= d.length;
    }
    return false;
  }

  // An enumeration runs across the break: the first half's last clause lists with 、 and
  // the second's first clause goes on listing or closes the list with 等 ("……文博艺术
  // 中心、孟津一" / "高新校区等重点项目建设，").
  bool ListCarriesOver(std::uint32_t i, ByteRange b) const {
    bool listing = false;
    std::size_t pos = ends_[i].end;
    for (int n = 0; n < 40 && pos > blocks_[i].content.begin; ++n) {
      // Ideographs are neither 、 nor punctuation.
      if (StepBackOverIdeographs(text_, blocks_[i].content.begin, pos, n, 40)) continue;
      const Decoded d = PrevChar(text_, pos);
      if (d.code_point == U'、') listing = true;
      if (d.code_point != U'、' && IsSentencePunct(d.code_point)) break;
      pos -= d.length;
    }
    if (!listing) return false;
    pos = b.begin;
    for (int n = 0; n < 14 && pos < b.end; ++n) {
      const Decoded d = NextChar(text_, pos);
      if (d.code_point == U'、' || d.code_point == U'等') return true;
      if (IsSentencePunct(d.code_point)) return false;
      pos += d.length;
    }
    return false;
  }

  // The second paragraph begins with the same first two characters as a neighbouring
  // paragraph, as the parallel paragraphs of an interview begin (聚焦…, 聚焦…).
  bool StartsInParallel(std::uint32_t i, std::uint32_t j) const {
    const ByteRange b = blocks_[j].content;
    const std::string_view prefix = HeadChars(b, 2);
    if (prefix.size() < 6) return false;
    // The first half itself began the same way (聚焦…。…以 / 聚焦…).
    // (A text begins with the same two characters when it begins with their bytes.)
    if (StartsWith(blocks_[i].content.In(text_), prefix)) return true;
    const std::uint32_t from = j > 8 ? j - 8 : 0;
    const std::uint32_t to = std::min<std::uint32_t>(j + 8, blocks_.size());
    for (std::uint32_t k = from; k < to; ++k) {
      // Body paragraphs only: a headline echoed by its article's text proves nothing.
      if (k == j || blocks_[k].kind != BlockKind::kParagraph || !ends_[k].terminated ||
          ends_[k].credit || blocks_[k].content.size() < kMinBodyBytes) {
        continue;
      }
      if (StartsWith(blocks_[k].content.In(text_), prefix) && LeadsWithTopic(blocks_[k].content)) {
        return true;
      }
    }
    return false;
  }

  // The paragraph opens with a short topic sentence, as the parallel paragraphs of an
  // interview or a report do ("聚焦城市更新。", "强化名校交流合作。"): a full stop or colon
  // within 20 characters and no comma before it.
  bool LeadsWithTopic(ByteRange range) const {
    std::size_t pos = range.begin;
    for (int n = 0; n < 20 && pos < range.end; ++n) {
      if (StepOverIdeographs(text_, pos, range.end, n, 20)) continue;  // no punctuation
      const Decoded d = NextChar(text_, pos);
      if (IsFullStop(d.code_point) || d.code_point == U'：') return n > 0;
      if (IsSentencePunct(d.code_point)) return false;
      pos += d.length;
    }
    return false;
  }

  // The second paragraph opens a sentence of its own: a quotation or bracket, a word
  // that opens a paragraph of news prose (a time, a connective, a demonstrative subject:
  // 昨日， 此外， 据了解， 该项目…), a date (12月31日，), a reported-speech lead-in
  // (…负责人介绍，) or an attendance line.
  bool StartsWithOpening(ByteRange b) const {
    const std::string_view s = b.In(text_);
    const char32_t first = NextChar(text_, b.begin).code_point;
    if (IsSentenceOpener(first)) return true;
    if (kOpenerHeads.Contains(first)) {
      for (std::size_t k = 0; k < std::size(kParagraphOpeners); ++k) {
        if (kOpenerFirstChars[k] == first && StartsWith(s, kParagraphOpeners[k])) return true;
      }
    }
    return StartsWithDate(s) || StartsWithSpeech(s) || IsAttendanceLine(s);
  }

  // Block i ends with a preposition of two characters (按照, 围绕, 通过) or a modal verb
  // (既要, 必须, "他指出，要"): words that need what follows.
  bool EndsWithHeadWord(std::uint32_t i) const {
    static constexpr std::string_view kHeads[] = {
        "按照", "依照", "遵照", "根据",   "围绕",   "通过",   "关于", "对于", "依托",
        "面向", "随着", "经过", "由于",   "沿着",   "借助",   "凭借", "针对", "基于",
        "本着", "鉴于", "正如", "致力于", "有利于", "有助于", "用于", "在于", "属于",
        "位于", "处于", "源于", "来自",   "既要",   "也要",   "还要", "更要", "就要",
        "都要", "，要", "必须", "应当",   "应该",   "能够"};
    // Their last characters: a block ending with none of them is compared with no word.
    static constexpr HanSet kLastChars(U"照据绕过于托向着助借对如自要须当该够");
    static_assert(std::all_of(std::begin(kHeads), std::end(kHeads), [](std::string_view word) {
      return kLastChars.Contains(LeadingChar3(word.substr(word.size() - 3)));
    }));
    if (!kLastChars.Contains(ends_[i].last)) return false;
    const std::string_view s = ByteRange{blocks_[i].content.begin, ends_[i].end}.In(text_);
    return std::any_of(std::begin(kHeads), std::end(kHeads),
                       [&](std::string_view word) { return s.ends_with(word); });
  }

  static constexpr std::string_view kParagraphOpeners[] = {
      "昨日", "今日", "日前", "近日", "近年来", "近期", "目前", "当前", "截至", "今年", "去年",
      "前不久", "此前", "随后", "其间", "期间", "会上", "此外", "另外", "同时", "与此同时", "其中",
      "其次", "首先", "最后", "然而", "但是", "因此", "所以", "总之", "据", "尤其", "特别是",
      "值得一提", "尤为", "不仅如此", "不止于此", "对此", "为此", "由此", "如今", "下一步",
      "接下来", "一是", "二是", "三是", "四是", "五是", "第一", "第二", "第三", "该", "这些",
      "这是", "这一", "此次", "他", "她", "我们", "我市", "我国", "随着",
      // Discourse markers and the openings of meeting and field reports.
      "更为重要的是", "更重要的是", "值得注意的是", "正是", "活动现场", "现场", "会议指出",
      "会议强调", "会议要求", "会议通报", "会议听取", "会议审议", "会议研究", "记者了解到",
      "记者从"};
  // Their first characters: a paragraph that begins with none of them is compared with no
  // opener.
  static constexpr HanSet kOpenerHeads{
      U"昨今日近目当截去前此随其期会另同与首最然但因所总据尤特值不对为由如下接一二三四五第该这他她"
      U"我"
      U"更正活现记"};
  static_assert(std::all_of(std::begin(kParagraphOpeners), std::end(kParagraphOpeners),
                            [](std::string_view opener) {
                              return opener.size() >= 3 &&
                                     kOpenerHeads.Contains(LeadingChar3(opener));
                            }));
  // The first character of each opener, compared before its bytes.
  static constexpr auto kOpenerFirstChars = [] {
    std::array<char32_t, std::size(kParagraphOpeners)> chars{};
    for (std::size_t k = 0; k < chars.size(); ++k) chars[k] = LeadingChar3(kParagraphOpeners[k]);
    return chars;
  }();

  // "12月31日，", "2024年，", "13日，".
  static bool StartsWithDate(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && i < 4 && IsAsciiDigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == 0) return false;
    const std::string_view rest = s.substr(i);
    return StartsWith(rest, "月") || StartsWith(rest, "日") ||
           (StartsWith(rest, "年") && !StartsWith(rest.substr(3), "度"));
  }

  // Whether the text before the first mark `is_end` accepts, within `max_chars`
  // characters and before any mark `is_stop` rejects, ends with one of `endings` (and holds
  // more than it). Marks are punctuation: ideographs (StepOverIdeographs) are passed over
  // undecoded.
  template <typename IsEnd, typename IsStop>
  static bool LeadEndsWith(std::string_view s, int max_chars, IsEnd is_end, IsStop is_stop,
                           std::span<const std::string_view> endings) {
    std::size_t pos = 0;
    for (int n = 0; n < max_chars && pos < s.size(); ++n) {
      if (StepOverIdeographs(s, pos, s.size(), n, max_chars)) continue;
      const Decoded d = NextChar(s, pos);
      if (is_end(d.code_point)) {
        const std::string_view lead = s.substr(0, pos);
        return std::any_of(endings.begin(), endings.end(), [&](std::string_view ending) {
          return lead.ends_with(ending) && lead.size() > ending.size();
        });
      }
      if (is_stop(d.code_point)) return false;
      pos += d.length;
    }
    return false;
  }

  // A first clause of at most 14 characters ending with a verb of saying and a comma or
  // colon: "中航光电相关负责人介绍，".
  static bool StartsWithSpeech(std::string_view s) {
    static constexpr std::string_view kVerbs[] = {"表示", "介绍", "强调", "指出", "认为",
                                                  "说",   "称",   "坦言", "透露", "提到"};
    return LeadEndsWith(
        s, 16, [](char32_t c) { return c == U'，' || c == U'：'; }, IsSentencePunct, kVerbs);
  }

  // The closing line of a meeting report: a short sentence of names that attended
  // ("张玉杰、李新红、牛刚等参加。", "市领导王国辉出席。").
  static bool IsAttendanceLine(std::string_view s) {
    static constexpr std::string_view kEndings[] = {"参加",     "出席",     "陪同",    "参加会议",
                                                    "出席会议", "参加活动", "参加调研"};
    return LeadEndsWith(
        s, 40, [](char32_t c) { return c == U'。'; }, IsTerminal, kEndings);
  }

  std::string_view HeadChars(ByteRange range, int count) const {
    std::size_t pos = range.begin;
    for (int n = 0; n < count && pos < range.end; ++n) pos += NextChar(text_, pos).length;
    return ByteRange{range.begin, pos}.In(text_);
  }

  // Captions move after the joined paragraph; in a chain of broken sentences (one
  // paragraph continuing in the next and that one in the one after), after the last.
  void SetMoveTargets() {
    std::vector<BrokenSentence>& broken = result_.broken;
    for (std::size_t k = broken.size(); k-- > 0;) {
      std::uint32_t last = broken[k].second;
      if (k + 1 < broken.size() && broken[k + 1].first == broken[k].second) {
        last = chain_end_;
      }
      chain_end_ = last;
      broken[k].move_to = blocks_[last].range.end;
    }
  }

  // The offsets of one character in text_[from, to), ascending (ForEachNear).
  struct Occurrences {
    std::uint32_t code = 0;  // KeyCode of the character (0: none yet)
    std::size_t from = 0;
    std::size_t to = 0;
    std::vector<std::size_t> at;
    std::uint64_t asked = 0;  // when a search last read it (nearby_asked_)
  };

  // Which character of a needle ForEachNear finds it by.
  enum class KeyChar { kLast, kFirst };

  // Where ForEachNear looks for the key character of `needle` (KeyChar) in text_[pos, to).
  struct KeySearch {
    std::string_view key;
    std::size_t head = 0;   // the needle's bytes before the key
    std::size_t first = 0;  // the first offset of the key that can be part of a match
    std::size_t to = 0;     // where the key must end for the match to end by `to`
    std::uint32_t code = 0;
  };

  template <KeyChar kBy>
  [[gnu::always_inline]] static KeySearch KeySearchOf(std::string_view needle, std::size_t pos,
                                                      std::size_t to) {
    const std::size_t n = needle.size();
    KeySearch search;
    const std::size_t key_size =
        kBy == KeyChar::kLast ? PrevChar(needle, n).length : NextChar(needle, 0).length;
    search.head = kBy == KeyChar::kLast ? n - key_size : 0;
    search.key = needle.substr(search.head, key_size);
    search.first = pos + search.head;
    search.to = kBy == KeyChar::kLast ? to : to - (n - key_size);
    search.code = KeyCode(search.key);
    return search;
  }

  // The kept offsets of the key of `search`, if they cover its window.
  Occurrences* KeptFor(const KeySearch& search) const {
    Occurrences* found = nullptr;
    for (Occurrences& kept : nearby_) {
      if (kept.code == search.code && search.first >= kept.from && search.to <= kept.to) {
        found = &kept;
      }
    }
    return found;
  }

  // Whether ForEachNear<kBy>(needle, pos, to, ...) would find its key's offsets kept.
  template <KeyChar kBy>
  bool IsKept(std::string_view needle, std::size_t pos, std::size_t to) const {
    if (to > text_.size() || pos >= to || needle.empty() || needle.size() > to - pos) return false;
    return KeptFor(KeySearchOf<kBy>(needle, pos, to)) != nullptr;
  }

  // Calls `visit` with the offset of each occurrence of `needle` inside text_[pos, to), in
  // order, as long as it returns true; returns false when it returned false. The searches
  // at one paragraph end look for the same character (the block's last, or the next
  // block's first) alone and in short phrases, through about the same window: the offsets
  // of one character of the needle (its last, or its first: kBy) in the window are found in
  // one pass and kept (nearby_), and each search compares the needle only where that
  // character stands. Two characters are kept: the ends of a paragraph and of the next ask
  // for their characters in turn.
  template <KeyChar kBy = KeyChar::kLast, typename Visit>
  bool ForEachNear(std::string_view needle, std::size_t pos, std::size_t to, Visit visit) const {
    const std::size_t n = needle.size();
    if (to > text_.size() || pos >= to || n == 0 || n > to - pos) return true;
    const KeySearch search = KeySearchOf<kBy>(needle, pos, to);
    const std::size_t key_size = search.key.size();
    const std::size_t head = search.head;
    Occurrences* found = KeptFor(search);
    if (found == nullptr) {
      // The one asked for less recently makes room.
      found = &nearby_[nearby_[0].asked < nearby_[1].asked ? 0 : 1];
      // Slack for the windows of the other searches at this end, a few characters apart.
      constexpr std::size_t kSlack = 64;
      found->code = search.code;
      found->from = search.first > kSlack ? search.first - kSlack : 0;
      found->to = std::min(text_.size(), search.to + kSlack);
      FindAllIn(text_, search.key, found->from, found->to, found->at);
    }
    found->asked = ++nearby_asked_;
    const std::vector<std::size_t>& at_key = found->at;
    for (auto it = std::lower_bound(at_key.begin(), at_key.end(), search.first);
         it != at_key.end() && *it + key_size <= search.to; ++it) {
      // Compared from the key outwards: the byte next to it rules out most.
      std::size_t k = 0;
      if constexpr (kBy == KeyChar::kLast) {
        const char* at = text_.data() + (*it - head);
        k = head;
        while (k > 0 && at[k - 1] == needle[k - 1]) --k;
        if (k > 0) continue;
      } else {
        const char* at = text_.data() + *it;
        k = key_size;
        while (k < n && at[k] == needle[k]) ++k;
        if (k < n) continue;
      }
      if (!visit(*it - head)) return false;
    }
    return true;
  }

  // The bytes of a character (one to four) as one number, distinct for each character.
  static std::uint32_t KeyCode(std::string_view c) {
    std::uint32_t code = 0;
    for (const char byte : c) code = code << 8 | static_cast<unsigned char>(byte);
    return code;
  }

  // The first occurrence of `needle` inside text_[pos, to), as FindIn finds it (ForEachNear).
  template <KeyChar kBy = KeyChar::kLast>
  std::size_t FindNear(std::string_view needle, std::size_t pos, std::size_t to) const {
    std::size_t found = std::string_view::npos;
    ForEachNear<kBy>(needle, pos, to, [&](std::size_t at) {
      found = at;
      return false;
    });
    return found;
  }

  // HanTailBegin of block i's text, kept for the several checks of one end.
  std::size_t TailBegin(std::uint32_t i) const {
    if (tail_block_ != i) {
      tail_block_ = i;
      tail_begin_ = HanTailBegin(text_, blocks_[i].content.begin, ends_[i].end);
      tail_repeats_.reset();
    }
    return tail_begin_;
  }

  // HasRepeatedChar of the characters from TailBegin(i) to the end of block i's text, kept
  // with TailBegin for the two checks of a heading's end that ask.
  bool TailRepeatsChar(std::uint32_t i) const {
    const std::size_t begin = TailBegin(i);
    if (!tail_repeats_) tail_repeats_ = HasRepeatedChar(ByteRange{begin, ends_[i].end}.In(text_));
    return *tail_repeats_;
  }

  WordSegmenter& Segmenter() {
    if (!segmenter_) segmenter_.emplace();
    return *segmenter_;
  }

  const Document& document_;
  std::string_view text_;
  std::span<const Block> blocks_;
  std::vector<End> ends_;
  // TextChars of each block, or kCharsUncounted.
  static constexpr std::uint8_t kCharsUncounted = 0xFF;
  static_assert(kMaxDeckChars + 1 < kCharsUncounted && kMinBodyChars <= kMaxDeckChars &&
                kMaxCaptionChars <= kMaxDeckChars);
  mutable std::vector<std::uint8_t> text_chars_;
  // ListLed of each block: kListLedUnknown until asked.
  static constexpr std::uint8_t kListLedUnknown = 0;
  static constexpr std::uint8_t kListLedNo = 1;
  static constexpr std::uint8_t kListLedYes = 2;
  mutable std::vector<std::uint8_t> list_led_;
  ParagraphEnds result_;
  std::optional<WordSegmenter> segmenter_;
  std::string window_;
  // Word boundaries of the last window the word list segmented (LexiconBoundaries).
  mutable std::vector<std::size_t> bounds_;
  std::uint32_t chain_end_ = 0;
  mutable std::array<Occurrences, 2> nearby_;
  mutable std::uint64_t nearby_asked_ = 0;
  // TailBegin's last answer.
  mutable std::uint32_t tail_block_ = std::numeric_limits<std::uint32_t>::max();
  mutable std::size_t tail_begin_ = 0;
  mutable std::optional<bool> tail_repeats_;  // TailRepeatsChar's answer for tail_block_
};

}  // namespace

ParagraphEnds AnalyzeParagraphEnds(const Document& document) { return Analyzer(document).Run(); }

const ParagraphEnds& SharedParagraphEnds(const Document& document) {
  return document.Shared<ParagraphEnds>("paragraph-ends",
                                        [&] { return AnalyzeParagraphEnds(document); });
}

}  // namespace ocrlint::structure
