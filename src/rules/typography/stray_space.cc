#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/typography/typography_rules.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

constexpr std::string_view kIdeographicSpace = "\u3000";

// A space or U+3000 (E3 80 80).
constexpr auto kIsSpace = [](ByteVector a, ByteVector b, ByteVector c) {
  return (a == ' ') | ((a == 0xE3) & (b == 0x80) & (c == 0x80));
};

RuleMeta StraySpaceMeta() {
  return RuleMeta{
      .id = "stray-space",
      .group = RuleGroup::kTypography,
      .default_severity = Severity::kWarning,
      .enabled_by_default = true,
      .fix = FixAvailability::kAlways,
      .summary = "A space between CJK characters inside running prose",
      .explanation =
          "Flags a single space or U+3000 between two CJK characters (or a CJK character and "
          "punctuation) inside running prose. Chinese prose has no spaces between words; "
          "these are left where the printed page broke a column line, so they split words "
          "(\"综 保区\") and break search.\n\n"
          "Spaces are also used on purpose: between headline clauses, in bylines and name "
          "lists (\"洛报融媒记者 郭学锋 通讯员 文鹏\"), between caption phrases. To keep those, "
          "the rule reads the whole paragraph: column-wrap spaces recur at a near-constant "
          "period, the width of the printed column (e.g. 15-17 characters; measured in "
          "columns, where digits and Latin letters take half a column), so a paragraph whose "
          "spaces form such a periodic chain is a wrapped column, and only the spaces of the "
          "chain are flagged. A chain may skip a line whose end fell next to a digit and left "
          "no space, and needs three members unless its first one is about a line from the "
          "paragraph start. A paragraph with a single space is flagged only when it is a "
          "sentence (it has sentence punctuation) and the space is not in a credit. Headings, "
          "table cells, code, short spaces after 记者/通讯员, the names of a bracketed byline "
          "(\"(洛报融媒记者 李雅君 通讯员 张宇欢 李劲鸣)\", unless a wrap split a name: "
          "\"张宇 欢\"), the space between the parallel halves of a quoted title "
          "(\"“强化创新引领 瞄准风口产业”\") and a credit after the last sentence "
          "(\"。 (郭洁琼 宋婉青)\") are never flagged.\n\n"
          "The fix deletes the space and is safe.",
      .bad_examples =
          {
              BadExample(
                  "位于浅井南路的中航光电科技产业\u27E6 \u27E7社区工地内车辆穿梭、桩机紧张施工，"
                  "综\u27E6 \u27E7保区内麦斯克年产360万片硅外延片项\u27E6 \u27E7目厂房主体"
                  "已建至二层……当下，涧西\u27E6 \u27E7区项目建设如火如荼。",
                  "位于浅井南路的中航光电科技产业社区工地内车辆穿梭、桩机紧张施工，综保区内麦斯克"
                  "年产360万片硅外延片项目厂房主体已建至二层……当下，涧西区项目建设如火如荼。"),
              BadExample(
                  "加强试点建设资金保障,推动成立环投公\u27E6 \u27E7司,重点支持减污降碳项目。",
                  "加强试点建设资金保障,推动成立环投公司,重点支持减污降碳项目。"),
              BadExample(
                  "日前，生态环境部公布第一批城市\u27E6\u3000\u27E7和产业园区减污降碳协同创新试点名"
                  "\u27E6 \u27E7单，洛阳市入选试点城市。",
                  "日前，生态环境部公布第一批城市和产业园区减污降碳协同创新试点名单，洛阳市入选"
                  "试点城市。",
                  true),
          },
      .good_examples =
          {
              GoodExample("不断巩固和增强经济回升向好态势 加快推动高质量发展"),
              GoodExample("洛报融媒记者 郭学锋 通讯员 文鹏"),
              GoodExample("# 真抓实干谋发展 奋勇争先谱新篇\n", true),
              GoodExample("本报讯(洛报融媒记者 郭旭光)昨日下午，市委召开常委会会议。"),
              GoodExample("南关街道织密了反诈防护网，筑起了反诈防火墙。 (郭洁琼 宋婉青)"),
              GoodExample("安乐街道切实消除烟花爆竹安全隐患。 张铁生 文/图"),
              GoodExample("施工人员有序作业 党员教师宣誓"),
              GoodExample("先后举办“强化创新引领 瞄准风口产业”培训班、“名家课堂进民企 精准助企"
                          "促发展”培训班等。"),
          },
      .options = {},
  };
}

// ASCII punctuation that OCR leaves in place of full-width punctuation; a space next to
// it is judged by the character beyond it.
bool IsSkippablePunct(char c) {
  switch (c) {
    case ',':
    case '.':
    case ';':
    case ':':
    case '?':
    case '!':
    case '"':
    case '\'':
    case '(':
    case ')':
      return true;
    default:
      return false;
  }
}

bool IsCjk(char32_t c) { return IsHan(c) || IsCjkPunctuation(c); }

bool IsSentenceEnd(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'.' || c == U'!' || c == U'?';
}

// What stands on one side of a space (beyond any ASCII punctuation).
struct Side {
  char32_t near = kInvalidCodePoint;  // the character right next to the space
  char32_t far = kInvalidCodePoint;   // the first one that is not ASCII punctuation
};

Side LeftSide(std::string_view text, std::size_t begin, std::size_t pos) {
  Side side;
  if (pos > begin) side.near = DecodeUtf8Before(text, pos).code_point;
  while (pos > begin && IsSkippablePunct(text[pos - 1])) --pos;
  if (pos > begin) side.far = DecodeUtf8Before(text, pos).code_point;
  return side;
}

Side RightSide(std::string_view text, std::size_t end, std::size_t pos) {
  Side side;
  if (pos < end) side.near = DecodeUtf8(text, pos).code_point;
  while (pos < end && IsSkippablePunct(text[pos])) ++pos;
  if (pos < end) side.far = DecodeUtf8(text, pos).code_point;
  return side;
}

bool EndsWith(std::string_view text, std::size_t pos, std::string_view suffix) {
  return pos >= suffix.size() && text.substr(pos - suffix.size(), suffix.size()) == suffix;
}

// A space after a credit title: "洛报融媒记者 郭学锋", "通讯员 文鹏".
bool FollowsCreditTitle(std::string_view text, std::size_t pos) {
  return EndsWith(text, pos, "记者") || EndsWith(text, pos, "通讯员") ||
         EndsWith(text, pos, "实习生") || EndsWith(text, pos, "摄影");
}

bool IsOpenParen(char32_t c) { return c == U'(' || c == U'（'; }
bool IsCloseParen(char32_t c) { return c == U')' || c == U'）'; }

// Inside a short parenthesised group such as "(洛报融媒记者 李雅君)".
bool InShortParens(std::string_view text, ByteRange block, ByteRange space) {
  bool open = false;
  std::size_t pos = space.begin;
  for (int n = 0; n < 10 && pos > block.begin; ++n) {
    const Decoded d = DecodeUtf8Before(text, pos);
    pos -= d.length;
    if (IsCloseParen(d.code_point)) return false;
    if (IsOpenParen(d.code_point)) {
      open = true;
      break;
    }
  }
  if (!open) return false;
  pos = space.end;
  for (int n = 0; n < 9 && pos < block.end; ++n) {
    const Decoded d = DecodeUtf8(text, pos);
    if (IsOpenParen(d.code_point)) return false;
    if (IsCloseParen(d.code_point)) return true;
    pos += d.length;
  }
  return false;
}

bool IsSentencePunct(char32_t c) {
  return c == U'，' || c == U'。' || c == U'、' || c == U'；' || c == U'：' || c == U'？' ||
         c == U'！';
}

// Whether `range` holds sentence punctuation (full-width, or ASCII right after a
// non-ASCII character as OCR leaves it).
bool HasSentencePunct(std::string_view text, ByteRange range) {
  for (std::size_t i = range.begin; i < range.end; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if ((byte == ',' || byte == ';' || byte == ':' || byte == '?' || byte == '!') &&
          i > range.begin && static_cast<unsigned char>(text[i - 1]) >= 0x80) {
        return true;
      }
    } else if (byte == 0xE3 || byte == 0xEF) {
      const Decoded d = DecodeUtf8(text, i);
      if (IsSentencePunct(d.code_point)) return true;
      i += d.length - 1;
    }
  }
  return false;
}

// A credit after the last sentence: "。 (郭洁琼 宋婉青)", "。 张铁生 文/图".
bool IsTrailingCredit(std::string_view text, ByteRange block, ByteRange space, const Side& left) {
  if (!IsSentenceEnd(left.near) && !IsSentenceEnd(left.far)) return false;
  int count = 0;
  for (std::size_t i = space.end; i < block.end; ++i) {
    if (!IsUtf8ContinuationByte(static_cast<unsigned char>(text[i])) && ++count > 16) return false;
  }
  return !HasSentencePunct(text, ByteRange{space.end, block.end});
}

// Spans around a space that hold spaces on purpose.

// What bounds a span, as a byte scan sees it.
enum class Mark : std::uint8_t {
  kNone,
  kStop,
  kOpenParen,
  kCloseParen,
  kOpenQuote,
  kCloseQuote,
  kStraightQuote
};

// The mark of the ASCII byte `c`.
Mark AsciiMark(char c) {
  switch (c) {
    case '(':
      return Mark::kOpenParen;
    case ')':
      return Mark::kCloseParen;
    case '"':
      return Mark::kStraightQuote;
    case ',':
    case '.':
    case ';':
    case ':':
    case '?':
    case '!':
      return Mark::kStop;
    default:
      return Mark::kNone;
  }
}

// The mark of the three-byte sequence at `p` (sentence punctuation, brackets, quotes).
Mark WideMark(const char* p) {
  const auto b0 = static_cast<unsigned char>(p[0]);
  const auto b1 = static_cast<unsigned char>(p[1]);
  const auto b2 = static_cast<unsigned char>(p[2]);
  if (b0 == 0xEF && b1 == 0xBC) {  // U+FF00-FF3F
    switch (b2) {
      case 0x88:
        return Mark::kOpenParen;  // （
      case 0x89:
        return Mark::kCloseParen;  // ）
      case 0x8C:                   // ，
      case 0x9A:                   // ：
      case 0x9B:                   // ；
      case 0x9F:                   // ？
      case 0x81:                   // ！
        return Mark::kStop;
      default:
        return Mark::kNone;
    }
  }
  if (b0 == 0xE3 && b1 == 0x80 && (b2 == 0x81 || b2 == 0x82)) return Mark::kStop;  // 、。
  if (b0 == 0xE2 && b1 == 0x80 && b2 == 0x9C) return Mark::kOpenQuote;
  if (b0 == 0xE2 && b1 == 0x80 && b2 == 0x9D) return Mark::kCloseQuote;
  return Mark::kNone;
}

// The nearest mark before `pos` (not before `begin`) and where it starts; kNone when there
// is none within reach.
constexpr std::size_t kMaxReach = 72;  // bytes: 24 CJK characters

Mark MarkBefore(std::string_view text, std::size_t begin, std::size_t& pos) {
  const std::size_t limit = pos - std::min(pos - begin, kMaxReach);
  while (pos > limit) {
    const auto byte = static_cast<unsigned char>(text[pos - 1]);
    if (byte < 0x80) {
      --pos;
      const Mark mark = AsciiMark(static_cast<char>(byte));
      if (mark != Mark::kNone) return mark;
      continue;
    }
    std::size_t lead = pos - 1;
    while (lead > limit && IsUtf8ContinuationByte(static_cast<unsigned char>(text[lead]))) --lead;
    const Mark mark = pos - lead == 3 ? WideMark(text.data() + lead) : Mark::kNone;
    pos = lead;
    if (mark != Mark::kNone) return mark;
  }
  return Mark::kNone;
}

// The nearest mark at or after `pos` (before `end`), with `pos` moved to it.
Mark MarkAfter(std::string_view text, std::size_t end, std::size_t& pos) {
  const std::size_t limit = pos + std::min(end - pos, kMaxReach);
  while (pos < limit) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      const Mark mark = AsciiMark(static_cast<char>(byte));
      if (mark != Mark::kNone) return mark;
      ++pos;
      continue;
    }
    const Mark mark = byte >= 0xE0 && pos + 3 <= end ? WideMark(text.data() + pos) : Mark::kNone;
    if (mark != Mark::kNone) return mark;
    pos += byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
  }
  return Mark::kNone;
}

// The words of a span split at spaces, in code points, when all of it is Han; the word
// left of `space` is words[left].
struct Words {
  std::array<int, 8> length{};
  int count = 0;
  int left = -1;
  bool han = true;
  std::array<std::size_t, 8> end{};  // byte offset past each word
};

Words SplitWords(std::string_view text, ByteRange inner, ByteRange space) {
  Words words;
  bool in_word = false;
  for (std::size_t i = inner.begin; i < inner.end;) {
    if (text[i] == ' ') {
      if (i == space.begin) words.left = words.count - 1;
      in_word = false;
      ++i;
      continue;
    }
    const Decoded d = DecodeUtf8(text, i);
    if (!IsHan(d.code_point)) words.han = false;
    if (!in_word) {
      if (words.count == static_cast<int>(words.length.size())) {
        words.han = false;
        return words;
      }
      ++words.count;
      in_word = true;
    }
    ++words.length[words.count - 1];
    i += d.length;
    words.end[words.count - 1] = i;
  }
  return words;
}

bool EndsWithCreditTitle(std::string_view text, std::size_t end) {
  return FollowsCreditTitle(text, end) || EndsWith(text, end, "摄");
}

// A space of a name list in brackets: "(洛报融媒记者 李雅君 通讯员 张宇欢 李劲鸣)",
// "（王博东 李磊 秦梦鸽）". Every word is a name of up to four characters or ends with a
// credit title. A space next to a one-character fragment that joins a name of at most three
// characters ("张宇 欢") is not the list's own and is left to the column check.
bool InNameList(std::string_view text, ByteRange inner, ByteRange space) {
  const Words words = SplitWords(text, inner, space);
  if (!words.han || words.count < 2 || words.left < 0 || words.left + 1 >= words.count) {
    return false;
  }
  for (int w = 0; w < words.count; ++w) {
    if (words.length[w] > 4 && !EndsWithCreditTitle(text, words.end[w])) return false;
  }
  const int left = words.length[words.left];
  const int right = words.length[words.left + 1];
  const std::size_t right_end = words.end[words.left + 1];
  const bool fragment =
      (left == 1 || right == 1) && left + right <= 3 && !EndsWithCreditTitle(text, right_end);
  // "洛报 融媒记者", "洛报融 媒记者": the newspaper's name before the first title, split.
  const bool split_title =
      words.left == 0 && !EndsWithCreditTitle(text, words.end[0]) &&
      (EndsWith(text, right_end, "记者") || EndsWith(text, right_end, "摄影")) && right > 2;
  return !fragment && !split_title;
}

// A space between the parallel halves of a short quoted title: "“就业帮扶 真情相助”",
// "“强化创新引领 瞄准风口产业”" (equal halves of four or more characters, or equal
// words all through). A column wrap rarely splits a title into equal halves of four or more.
bool InParallelTitle(std::string_view text, ByteRange inner, ByteRange space) {
  const Words words = SplitWords(text, inner, space);
  if (!words.han || words.count < 2 || words.left < 0) return false;
  int before = 0;
  int total = 0;
  constexpr int kMinHalf = 4;
  bool all_equal = words.length[0] >= kMinHalf;
  for (int w = 0; w < words.count; ++w) {
    if (w <= words.left) before += words.length[w];
    total += words.length[w];
    all_equal = all_equal && words.length[w] == words.length[0];
  }
  return all_equal || (before >= kMinHalf && 2 * before == total);
}

// Whether `space` is one that bylines and titles hold on purpose: inside a short bracketed
// name list or between the halves of a quoted title, with no sentence punctuation between
// the brackets or quotes.
bool IsKeptSpace(std::string_view text, ByteRange block, ByteRange space) {
  std::size_t begin = space.begin;
  const Mark open = MarkBefore(text, block.begin, begin);
  if (open != Mark::kOpenParen && open != Mark::kOpenQuote && open != Mark::kStraightQuote) {
    return false;
  }
  std::size_t end = space.end;
  const Mark close = MarkAfter(text, block.end, end);
  const std::size_t opener = static_cast<unsigned char>(text[begin]) < 0x80 ? 1 : 3;
  const ByteRange inner{begin + opener, end};
  if (open == Mark::kOpenParen) return close == Mark::kCloseParen && InNameList(text, inner, space);
  const bool quoted = (open == Mark::kOpenQuote && close == Mark::kCloseQuote) ||
                      (open == Mark::kStraightQuote && close == Mark::kStraightQuote);
  return quoted && InParallelTitle(text, inner, space);
}

// Printed width in half columns, by byte: CJK and full-width characters 2 (on their lead
// byte), ASCII letters and digits 1, ASCII punctuation 2 (OCR turned full-width marks into
// it) or 1 right after a letter or digit (27.2, 214.22%, 1+8 are printed half-width),
// spaces and continuation bytes 0.
constexpr std::array<std::uint8_t, 256> MakeHalfColumns() {
  std::array<std::uint8_t, 256> table{};
  for (int b = 0; b < 256; ++b) {
    if (b >= 0xC0) {
      table[b] = 2;
    } else if (b >= 0x80 || b == ' ' || b == '\t' || b == '\n' || b == '\r') {
      table[b] = 0;
    } else {
      const bool alnum = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
      table[b] = alnum ? 1 : 2;
    }
  }
  return table;
}
constexpr std::array<std::uint8_t, 256> kHalfColumns = MakeHalfColumns();

// The half columns from `begin` to `end` (exclusive), a code point at a time: CJK text is
// mostly three-byte sequences.
int HalfColumns(std::string_view text, std::size_t begin, std::size_t end) {
  int column = 0;
  bool after_alnum = false;
  for (std::size_t i = begin; i < end;) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0xE0) {
      column += 2;
      i += byte >= 0xF0 ? 4 : 3;
      after_alnum = false;
      continue;
    }
    const int width = kHalfColumns[byte];
    // ASCII punctuation (width 2 below 0x80) after a letter or digit is half-width.
    column += width - (after_alnum & (width == 2) & (byte < 0x80));
    after_alnum = width == 1;
    ++i;
  }
  return column;
}

struct Candidate {
  ByteRange range;
  int column = 0;         // half columns from the block start
  bool both_cjk = false;  // CJK (or punctuation in Chinese text) on both sides
  bool kept = false;      // a space of a name list or title (checked only when it matters)
};

// Buffers reused across the blocks of one Check() (a check allocates once, not per block).
struct Scratch {
  std::vector<Candidate> candidates;
  std::vector<int> score;
  std::vector<int> previous;
  std::vector<std::size_t> chain;
};

// Column-wrap detection. For each period P (in half columns, 12 to 40 columns) the best
// chain of candidates whose consecutive distances are P, or 2P where a line end fell next
// to a digit, a letter or a kept space and left no space (+- 3 columns per line). A chain
// scores 2 per member, 1 less per skipped line, and 1 more when its first member is about
// one line (or two) from the block start; the best chain over all P (the widest P on a
// tie) is the set of wraps when it scores at least kMinChainScore: two members anchored at
// the start, or three anywhere (a paragraph may start mid-column).
constexpr int kMinPeriod = 24;
constexpr int kMaxPeriod = 80;
constexpr int kTolerance = 6;
constexpr int kSkipTolerance = 8;    // for a link of two lines
constexpr int kSkip2Tolerance = 10;  // and of three
constexpr int kIndentAllowance = 16;
constexpr int kMemberScore = 2;
constexpr int kSkipPenalty = 1;
constexpr int kAnchorBonus = 1;
constexpr int kMinChainScore = 2 * kMemberScore + kAnchorBonus;
constexpr int kPeriods = (kMaxPeriod - kMinPeriod) / 2 + 1;
static_assert(kPeriods <= 64);

// The bits of the periods within `tolerance` of `length`.
std::uint64_t PeriodsNear(int length, int tolerance) {
  const int low = std::max(kMinPeriod, length - tolerance);
  const int high = std::min(kMaxPeriod, length + tolerance);
  if (low > high) return 0;
  const int first = (low - kMinPeriod + 1) / 2;  // even periods only
  const int last = (high - kMinPeriod) / 2;
  if (first > last) return 0;
  return (~std::uint64_t{0} >> (63 - (last - first))) << first;
}

// The periods worth trying: those one or two of which are within the tolerance of some
// distance between two candidates (any other period gives chains of one).
std::uint64_t PlausiblePeriods(const std::vector<Candidate>& candidates) {
  std::uint64_t mask = 0;
  for (std::size_t a = 1; a < candidates.size(); ++a) {
    for (std::size_t b = a; b-- > 0;) {
      const int gap = candidates[a].column - candidates[b].column;
      if (gap > 3 * kMaxPeriod + kSkip2Tolerance) break;
      if (gap < kMinPeriod - kTolerance) continue;
      // The gap as one line, or as two lines within half the two-line tolerance.
      mask |= PeriodsNear(gap, kTolerance) | PeriodsNear(gap / 2, kSkipTolerance / 2 + 1);
    }
  }
  return mask;
}

// Whether `column` is about `lines` lines from the block start (after an indent).
bool Anchored(int column, int period) {
  return (column >= period - kIndentAllowance && column <= period + kTolerance) ||
         (column >= 2 * period - kIndentAllowance && column <= 2 * period + kSkipTolerance);
}

// The best chain for one period: its score, with scratch.score and scratch.previous
// filled; `top` is its last member.
int ChainFor(int period, Scratch& scratch, std::size_t& top) {
  const std::vector<Candidate>& candidates = scratch.candidates;
  std::vector<int>& score = scratch.score;
  std::vector<int>& previous = scratch.previous;
  top = 0;
  for (std::size_t a = 0; a < candidates.size(); ++a) {
    const int column = candidates[a].column;
    score[a] = kMemberScore + (Anchored(column, period) ? kAnchorBonus : 0);
    previous[a] = -1;
    // Columns ascend: only the candidates up to three periods back can precede this one.
    for (std::size_t b = a; b-- > 0;) {
      const int gap = column - candidates[b].column;
      if (gap > 3 * period + kSkip2Tolerance) break;
      int link = 0;
      if (gap >= period - kTolerance && gap <= period + kTolerance) {
        link = kMemberScore;
      } else if ((gap >= 2 * period - kSkipTolerance && gap <= 2 * period + kSkipTolerance) ||
                 gap >= 3 * period - kSkip2Tolerance) {
        link = kMemberScore - kSkipPenalty;
      } else {
        continue;
      }
      if (score[b] + link >= score[a]) {
        score[a] = score[b] + link;
        previous[a] = static_cast<int>(b);
      }
    }
    if (score[a] > score[top]) top = a;
  }
  return score[top];
}

// The median distance between neighbouring candidates that could be one line, rounded to
// a period (0 if none): the period of a wrapped column, tried first.
int LikelyPeriod(Scratch& scratch) {
  std::vector<int>& gaps = scratch.score;  // free until ChainFor
  gaps.clear();
  for (std::size_t a = 1; a < scratch.candidates.size(); ++a) {
    const int gap = scratch.candidates[a].column - scratch.candidates[a - 1].column;
    if (gap >= kMinPeriod && gap <= kMaxPeriod) gaps.push_back(gap);
  }
  if (gaps.empty()) return 0;
  std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
  return kMinPeriod + (gaps[gaps.size() / 2] - kMinPeriod) / 2 * 2;
}

// Fills scratch.chain with the indices of the wraps (empty when no chain is good enough).
void BestPeriodicChain(Scratch& scratch) {
  const std::size_t n = scratch.candidates.size();
  scratch.chain.clear();
  if (n < 2) return;
  const std::uint64_t periods = PlausiblePeriods(scratch.candidates);
  const int likely = LikelyPeriod(scratch);
  scratch.score.assign(n, 0);
  scratch.previous.assign(n, -1);
  // No chain scores more than every candidate in one line after another, anchored.
  const int best_possible = kMemberScore * static_cast<int>(n) + kAnchorBonus;
  int best_score = 0;
  int best_period = 0;
  auto try_period = [&](int period) {
    std::size_t top = 0;
    const int score = ChainFor(period, scratch, top);
    // The widest period on a tie.
    if (score < best_score || (score == best_score && period < best_period)) return;
    best_score = score;
    best_period = period;
    scratch.chain.clear();
    for (int k = static_cast<int>(top); k >= 0; k = scratch.previous[k]) {
      scratch.chain.push_back(static_cast<std::size_t>(k));
    }
  };
  if (likely != 0) try_period(likely);
  for (int index = 0; index < kPeriods && best_score < best_possible; ++index) {
    const int period = kMinPeriod + 2 * index;
    if ((periods >> index & 1) != 0 && period != likely) try_period(period);
  }
  if (best_score < kMinChainScore) scratch.chain.clear();
  std::reverse(scratch.chain.begin(), scratch.chain.end());
}

class StraySpaceRule final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void Check(const Document& document, DiagnosticSink& sink) const override {
    const std::string_view text = document.text();
    Scratch scratch;
    for (const Block& block : document.blocks()) {
      if (!typography::IsRunningProse(block) || block.content.empty()) continue;
      CheckBlock(document, text, block.content, scratch, sink);
    }
  }

 private:
  static void CheckBlock(const Document& document, std::string_view text, ByteRange block,
                         Scratch& scratch, DiagnosticSink& sink) {
    const std::string_view content = block.In(text);
    std::vector<Candidate>& candidates = scratch.candidates;
    candidates.clear();
    int spaces = 0;
    bool in_credit = false;
    for (std::size_t k = FindCandidate(content, 0, kIsSpace); k < content.size();
         k = FindCandidate(content, k, kIsSpace)) {
      const std::size_t width = content[k] == ' ' ? 1 : kIdeographicSpace.size();
      const ByteRange space{block.begin + k, block.begin + k + width};
      k += width;
      ++spaces;
      const Side left = LeftSide(text, block.begin, space.begin);
      const Side right = RightSide(text, block.end, space.end);
      const bool left_cjk = IsCjk(left.far);
      const bool right_cjk = IsCjk(right.far);
      const bool left_alnum = left.far < 0x80 && IsAsciiAlnum(left.far);
      const bool right_alnum = right.far < 0x80 && IsAsciiAlnum(right.far);
      if (!(left_cjk && right_cjk) && !(left_cjk && right_alnum) && !(left_alnum && right_cjk)) {
        continue;
      }
      // A space next to another space, a tab or a line break is layout, not a wrap.
      if (left.near == U' ' || right.near == U' ' || left.near == 0x3000 || right.near == 0x3000) {
        continue;
      }
      if (FollowsCreditTitle(text, space.begin)) continue;
      // A credit after the last sentence ends the prose: its spaces are all kept.
      in_credit = in_credit || IsTrailingCredit(text, block, space, left);
      if (in_credit) continue;
      if (document.IsExcluded(space)) continue;
      Candidate candidate;
      candidate.range = space;
      candidate.both_cjk = left_cjk && right_cjk;
      candidates.push_back(candidate);
    }
    if (candidates.empty() || !HasSentencePunct(text, block)) return;
    // Columns only now: most blocks never get here.
    int column = 0;
    std::size_t from = block.begin;
    for (Candidate& candidate : candidates) {
      column += HalfColumns(text, from, candidate.range.begin);
      candidate.column = column;
      from = candidate.range.begin;
    }
    // Spaces of name lists and titles are looked for only among the chain's members (few):
    // each one found leaves the candidates, and the chain is sought again.
    for (;;) {
      BestPeriodicChain(scratch);
      bool dropped = false;
      for (std::size_t k : scratch.chain) {
        Candidate& candidate = candidates[k];
        candidate.kept = IsKeptSpace(text, block, candidate.range);
        dropped = dropped || candidate.kept;
      }
      if (!dropped) break;
      std::erase_if(candidates, [](const Candidate& c) { return c.kept; });
    }
    for (std::size_t k : scratch.chain) {
      sink.ReportWithFix(candidates[k].range,
                         MessageText::Borrow("stray space at a column wrap inside a sentence"),
                         Applicability::kSafe, MessageText::Borrow("delete the space"), "");
    }
    if (!scratch.chain.empty()) return;
    // No periodic chain: a sentence with exactly one space, well inside it.
    constexpr int kMinLoneColumn = 20;
    if (spaces == 1 && candidates.size() == 1 && candidates[0].both_cjk &&
        candidates[0].column >= kMinLoneColumn &&
        !InShortParens(text, block, candidates[0].range) &&
        !IsKeptSpace(text, block, candidates[0].range)) {
      sink.ReportWithFix(candidates[0].range,
                         MessageText::Borrow("stray space between CJK characters in a sentence"),
                         Applicability::kSafe, MessageText::Borrow("delete the space"), "");
    }
  }

  RuleMeta meta_ = StraySpaceMeta();
};

}  // namespace

std::unique_ptr<Rule> MakeStraySpaceRule(RuleOptions& /*options*/) {
  return std::make_unique<StraySpaceRule>();
}

}  // namespace ocrlint
