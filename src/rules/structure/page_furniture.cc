#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/line_index.h"
#include "rules/structure/structure_rules.h"
#include "text/char_class.h"
#include "text/search.h"
#include "text/utf8.h"

// Written in C++, not as a rule pack: a pack rule replaces its match inside a prose
// segment, which never holds the line terminator or the blank lines around the line, so it
// cannot delete a whole line cleanly; and a credit line is a small grammar (titles with
// colons, then names) rather than one pattern.

namespace ocrlint {
namespace {

RuleMeta PageFurnitureMeta() {
  return RuleMeta{
      .id = "page-furniture",
      .group = RuleGroup::kStructure,
      .default_severity = Severity::kInfo,
      .enabled_by_default = true,
      .fix = FixAvailability::kSometimes,
      .summary =
          "Page furniture: proof and layout credits, page numbers, running heads, jump "
          "lines",
      .explanation =
          "Flags the parts of a printed page that are not article text and that OCR copies "
          "into it: lines of proof and layout credits (\"校对:王岚 组版:晓南\", \"责编:... "
          "版式:...\", \"责任编辑:...\"), lines holding only a page number (\"3\", \"第3版\", "
          "\"A03\", \"- 3 -\"), running heads (\"洛阳日报 2024年1月5日 星期五\", \"03版 要闻\") "
          "and jump lines that say where an article continues (\"(上接01版)\", \"(下转A3版)\").\n\n"
          "Only whole lines count, and a credit line must consist of credits: a credit title "
          "with a colon, then names. Text that mentions proofreading or a page (\"经过校对后"
          "出版\") is never flagged.\n\n"
          "The fix deletes the line with its line break (and the blank lines after a line that "
          "stood alone), so no gap is left; it is unsafe, since the line might be wanted. Jump "
          "lines are only reported: they often sit at the start of a paragraph, and whether "
          "to join the parts of the article is an editor's decision.",
      .bad_examples =
          {
              BadExample("\u27E6校对:王岚 组版:晓南\u27E7\n\n不断巩固和增强经济回升向好态势\n",
                         "不断巩固和增强经济回升向好态势\n"),
              BadExample("第一段正文。\n\u27E6责编:张三 版式:李四 校对:王五\u27E7\n第二段正文。\n",
                         "第一段正文。\n第二段正文。\n"),
              BadExample("正文到此为止。\n\n\u27E6第3版\u27E7\n\n下一篇文章。\n",
                         "正文到此为止。\n\n下一篇文章。\n"),
              BadExample("\u27E6洛阳日报 2024年1月5日 星期五\u27E7\n\n正文。\n", "正文。\n"),
              BadExample("\u27E6(上接01版)\u27E7近两年,我市在抓产业上下足了功夫。", std::nullopt),
              BadExample("正文。\n\n\u27E6(上接01版)\u27E7\n\n日前,洛阳市召开会议。\n",
                         std::nullopt),
              BadExample("这项工作将持续推进。\u27E6（下转A3版）\u27E7\n", std::nullopt),
          },
      .good_examples =
          {
              GoodExample("书稿经过校对后出版,第3版将于明年发行。"),
              GoodExample("校对工作要细致:每一版都要看三遍。"),
              GoodExample("一把手访谈\n\n洛报融媒记者 郭学锋 通讯员 文鹏\n"),
              GoodExample("不断巩固和增强经济回升向好态势 加快推动高质量发展\n"),
              GoodExample("| 读者来信 | 第三版 |\n|---|---|\n| 城市观察 | 第四版 |\n", true),
          },
      .options = {},
  };
}

// Credit titles of proof and layout lines.
constexpr std::string_view kCreditTitles[] = {
    "责任编辑", "美术编辑", "图片编辑", "值班编辑", "值班总编", "责任校对", "本版编辑", "本版责编",
    "校对",     "组版",     "责编",     "编辑",     "版式",     "美编",     "责校",     "校审",
    "审读",     "终审",     "监制",     "排版",     "照排",     "制图",     "设计",     "总值班",
};

bool IsSpaceAt(std::string_view s, std::size_t i, std::size_t* width) {
  if (s[i] == ' ' || s[i] == '\t') {
    *width = 1;
    return true;
  }
  if (s.substr(i, 3) == "\u3000") {
    *width = 3;
    return true;
  }
  return false;
}

std::size_t SkipSpaces(std::string_view s, std::size_t i) {
  std::size_t width = 0;
  while (i < s.size() && IsSpaceAt(s, i, &width)) i += width;
  return i;
}

// Trim below, for a line that may start or end with a space.
std::string_view TrimEnds(std::string_view s) {
  std::size_t begin = SkipSpaces(s, 0);
  std::size_t end = s.size();
  while (end > begin) {
    if (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r') {
      --end;
    } else if (end - begin >= 3 && s.substr(end - 3, 3) == "\u3000") {
      end -= 3;
    } else {
      break;
    }
  }
  return s.substr(begin, end - begin);
}

// The line without leading and trailing spaces, tabs, U+3000 and a CR.
std::string_view Trim(std::string_view s) {
  // Most lines neither start nor end with one: U+3000 is E3 80 80.
  if (!s.empty()) {
    const auto first = static_cast<unsigned char>(s.front());
    const auto last = static_cast<unsigned char>(s.back());
    if (first != ' ' && first != '\t' && first != 0xE3 && last != ' ' && last != '\t' &&
        last != '\r' && last != 0x80) {
      return s;
    }
  }
  return TrimEnds(s);
}

// Bit b: byte `k` (1 or 2, a continuation byte) of the first character of some credit
// title is b + 0x80.
constexpr std::uint64_t TitleByteBits(std::size_t k) {
  std::uint64_t bits = 0;
  for (std::string_view title : kCreditTitles) {
    bits |= std::uint64_t{1} << (static_cast<unsigned char>(title[k]) - 0x80);
  }
  return bits;
}
constexpr std::uint64_t kTitleSecondBytes = TitleByteBits(1);
constexpr std::uint64_t kTitleThirdBytes = TitleByteBits(2);

// Whether `byte` is a continuation byte whose bit is set in `bits`.
bool InByteBits(std::uint64_t bits, char byte) {
  const auto b = static_cast<unsigned char>(byte);
  return (b & 0xC0) == 0x80 && (bits >> (b - 0x80) & 1) != 0;
}

// Whether a credit title may start at `i`: the second and third bytes of the character
// there are those of the first character of some title. Most lines start with no title:
// one test for all of them.
bool MayStartCreditTitle(std::string_view s, std::size_t i) {
  return s.size() >= i + 6 && InByteBits(kTitleThirdBytes, s[i + 2]) &&
         InByteBits(kTitleSecondBytes, s[i + 1]);
}

// The length of a credit title with its colon at `i` ("校对:", "责编 :"), or 0.
std::size_t CreditTitleAt(std::string_view s, std::size_t i) {
  if (!MayStartCreditTitle(s, i)) return 0;
  const std::string_view rest = s.substr(i);
  for (std::string_view title : kCreditTitles) {
    // This runs at the start of every short line: the third byte (the last of the first
    // character) tells most characters apart without a call to compare.
    if (rest.size() < title.size() || rest[2] != title[2] || !rest.starts_with(title)) continue;
    std::size_t k = SkipSpaces(s, i + title.size());
    if (s.substr(k, 1) == ":") return k + 1 - i;
    if (s.substr(k, 3) == "：") return k + 3 - i;
  }
  return 0;
}

// "校对:王岚 组版:晓南": credit titles with colons, each followed by one or more short
// names (Han characters, with spaces, 、 or · between names).
bool IsCreditLine(std::string_view line) {
  if (!MayStartCreditTitle(line, 0)) return false;
  std::size_t i = 0;
  std::size_t title = CreditTitleAt(line, 0);
  if (title == 0) return false;
  while (i < line.size()) {
    i = SkipSpaces(line, i + title);
    int names = 0;
    int run = 0;
    title = 0;
    while (i < line.size()) {
      title = CreditTitleAt(line, i);
      if (title != 0) break;
      const Decoded d = DecodeUtf8Fast(line, i);
      std::size_t width = 0;
      if (IsHan(d.code_point)) {
        if (++run > 5) return false;
        if (run == 1) ++names;
      } else if (d.code_point == U'、' || d.code_point == U'·' || d.code_point == U'/' ||
                 IsSpaceAt(line, i, &width)) {
        run = 0;
      } else {
        return false;
      }
      i += d.length;
    }
    if (names == 0 || names > 4) return false;
  }
  return true;
}

bool IsChineseNumeral(char32_t c) {
  return std::u32string_view(U"〇零一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

bool IsDigitChar(char32_t c) { return IsAsciiDigit(c) || IsFullwidthDigit(c); }

// Counts the characters of `s` from `i` that satisfy `pred`; advances `i`.
template <typename Pred>
int TakeWhile(std::string_view s, std::size_t& i, Pred pred) {
  int n = 0;
  while (i < s.size()) {
    const Decoded d = DecodeUtf8Fast(s, i);
    if (!pred(d.code_point)) break;
    i += d.length;
    ++n;
  }
  return n;
}

bool TakeLiteral(std::string_view s, std::size_t& i, std::string_view literal) {
  if (s.substr(i, literal.size()) != literal) return false;
  i += literal.size();
  return true;
}

constexpr std::size_t kMaxPageLabelBytes = 3 + 1 + 3 * 3 + 3;

// A page label: "3", "03", "第3版", "3版", "第三版", "A03", "A03版", "第A3版". A section
// letter without 版 needs two digits ("A03", not "A4", a paper size).
bool IsPageLabel(std::string_view s, bool allow_bare_number) {
  // 第, a letter, three full-width digits and 版 at most.
  if (s.size() > kMaxPageLabelBytes) return false;
  std::size_t i = 0;
  const bool di = TakeLiteral(s, i, "第");
  const bool letter = i < s.size() && s[i] >= 'A' && s[i] <= 'H';
  if (letter) ++i;
  const int digits = TakeWhile(s, i, IsDigitChar);
  const int numerals = digits == 0 && !letter ? TakeWhile(s, i, IsChineseNumeral) : 0;
  if (digits + numerals == 0 || digits > 3 || numerals > 3) return false;
  const bool ban = TakeLiteral(s, i, "版");
  if (i != s.size()) return false;
  if (numerals > 0 || di) return ban;
  if (letter) return ban || digits == 2;
  return ban || allow_bare_number;
}

// A page number standing alone on a line, possibly between dashes: "- 3 -", "—3—".
bool IsPageNumberLine(std::string_view line) {
  // No dash to strip ("-", and "—" and "－", led by E2 and EF): the line is the label.
  const auto first = static_cast<unsigned char>(line.empty() ? 0 : line[0]);
  if (line.size() > kMaxPageLabelBytes && first != '-' && first != 0xE2 && first != 0xEF) {
    return false;
  }
  std::size_t begin = 0;
  std::size_t end = line.size();
  auto strip = [&](std::string_view dash) {
    bool any = false;
    while (end - begin >= dash.size() && line.substr(begin, dash.size()) == dash &&
           line.substr(end - dash.size(), dash.size()) == dash) {
      begin += dash.size();
      end -= dash.size();
      any = true;
    }
    return any;
  };
  if (first == '-' || first == 0xE2 || first == 0xEF) strip("-") || strip("—") || strip("－");
  const std::string_view inner = Trim(line.substr(begin, end - begin));
  return !inner.empty() && IsPageLabel(inner, true);
}

enum class HeadToken { kOther, kDate, kWeekday, kPage, kPaper, kLabel };

bool IsWeekday(std::string_view s) {
  std::size_t i = 0;
  if (!TakeLiteral(s, i, "星期") && !TakeLiteral(s, i, "周")) return false;
  const Decoded d = DecodeUtf8Fast(s, i);
  return std::u32string_view(U"一二三四五六日天").find(d.code_point) != std::u32string_view::npos &&
         i + d.length == s.size();
}

// "2024年1月5日", optionally followed by a weekday ("2024年1月5日星期五"); also "2024-01-05".
HeadToken DateToken(std::string_view s) {
  std::size_t i = 0;
  if (TakeWhile(s, i, IsAsciiDigit) != 4) return HeadToken::kOther;
  if (TakeLiteral(s, i, "-") || TakeLiteral(s, i, ".")) {
    const int m = TakeWhile(s, i, IsAsciiDigit);
    if (m < 1 || m > 2 || !(TakeLiteral(s, i, "-") || TakeLiteral(s, i, "."))) {
      return HeadToken::kOther;
    }
    const int d = TakeWhile(s, i, IsAsciiDigit);
    return d >= 1 && d <= 2 && i == s.size() ? HeadToken::kDate : HeadToken::kOther;
  }
  if (!TakeLiteral(s, i, "年")) return HeadToken::kOther;
  const int m = TakeWhile(s, i, IsAsciiDigit);
  if (m < 1 || m > 2 || !TakeLiteral(s, i, "月")) return HeadToken::kOther;
  const int d = TakeWhile(s, i, IsAsciiDigit);
  if (d < 1 || d > 2 || !TakeLiteral(s, i, "日")) return HeadToken::kOther;
  if (i == s.size()) return HeadToken::kDate;
  return IsWeekday(s.substr(i)) ? HeadToken::kWeekday : HeadToken::kOther;
}

HeadToken ClassifyHeadToken(std::string_view s) {
  if (IsWeekday(s)) return HeadToken::kWeekday;
  if (IsPageLabel(s, true)) return HeadToken::kPage;
  const HeadToken date = DateToken(s);
  if (date != HeadToken::kOther) return date;
  std::size_t i = 0;
  const int han = TakeWhile(s, i, IsHan);
  if (i != s.size() || han < 2 || han > 8) return HeadToken::kOther;
  return s.ends_with("报") ? HeadToken::kPaper : HeadToken::kLabel;
}

// The longest token ClassifyHeadToken accepts: eight Han characters of four bytes (a page
// label has 16 bytes at most, a date with its weekday 26).
constexpr std::size_t kMaxHeadTokenBytes = 8 * 4;

// Where a space, a tab or U+3000 (E3 80 80) starts.
constexpr auto kIsSpaceStart = [](ByteVector a, ByteVector b, ByteVector c) {
  return (ByteVector)((a == ' ') | (a == '\t')) |
         (ByteVector)((a == 0xE3) & (b == 0x80) & (c == 0x80));
};

// Whether `predicate` (as for FindCandidate) finds a candidate starting in the first `limit`
// bytes of `line`. A first test, run on most short lines: `line` lies in `text`, which is
// read in place, past the line's end where it has the bytes (FindCandidate on the line alone
// would copy its last partial block); so a candidate that starts in the line but ends past
// it (inside a character cut by the line's end) may pass too.
template <typename Predicate>
bool MayStartWithin(std::string_view text, std::string_view line, std::size_t limit,
                    Predicate predicate) {
  constexpr std::size_t kWidth = sizeof(ByteVector);
  limit = std::min(limit, line.size());
  const auto offset = static_cast<std::size_t>(line.data() - text.data());
  // The last block read starts before `limit` and reads kWidth + 2 bytes.
  if (text.size() - offset < limit + kWidth + 2) {
    return FindCandidate(line.substr(0, limit + 2), 0, predicate) < limit;
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
  for (std::size_t k = 0; k < limit; k += kWidth) {
    ByteVector a, b, c;
    std::memcpy(&a, bytes + k, kWidth);
    std::memcpy(&b, bytes + k + 1, kWidth);
    std::memcpy(&c, bytes + k + 2, kWidth);
    const ByteVector mask = predicate(a, b, c);
    std::uint64_t halves[2];
    static_assert(sizeof mask == sizeof halves);
    std::memcpy(halves, &mask, sizeof halves);
    if ((halves[0] | halves[1]) == 0) continue;
    for (std::size_t lane = 0; lane < kWidth; ++lane) {
      if (mask[lane]) return k + lane < limit;
    }
  }
  return false;
}

// Whether the first token of `line` (in `text`, not starting with a space) may be short
// enough for a running head and followed by a space: a running head has two tokens at least.
bool HasShortFirstToken(std::string_view text, std::string_view line) {
  return MayStartWithin(text, line, kMaxHeadTokenBytes + 1, kIsSpaceStart);
}

// Where a digit, a full-width digit (EF BC 90 to EF BC 99) or 版 (E7 89 88) starts.
constexpr auto kIsNumeralStart = [](ByteVector a, ByteVector b, ByteVector c) {
  return (ByteVector)((a >= '0') & (a <= '9')) |
         (ByteVector)((a == 0xEF) & (b == 0xBC) & (c >= 0x90) & (c <= 0x99)) |
         (ByteVector)((a == 0xE7) & (b == 0x89) & (c == 0x88));
};

// Whether `line` (in `text`) may hold a digit, a full-width digit or 版: every date and page
// label does.
bool HasNumeral(std::string_view text, std::string_view line) {
  return MayStartWithin(text, line, line.size(), kIsNumeralStart);
}

// "洛阳日报 2024年1月5日 星期五", "03版 要闻", "A03 要闻 2024年1月5日": short tokens separated
// by spaces, all of them dates, weekdays, page labels, a paper's name or a section label,
// with a page label or a date among them.
bool IsRunningHead(std::string_view text, std::string_view line) {
  // Two tokens at least, and most short lines (headings, captions) have no space near
  // their start; a page label or a date is needed, and most bylines hold no digit.
  if (!HasShortFirstToken(text, line) || !HasNumeral(text, line)) return false;
  int tokens = 0;
  bool date = false, weekday = false, page = false, marked_page = false, paper = false,
       label = false;
  std::size_t i = 0;
  while (i < line.size()) {
    const std::size_t end = FindCandidate(line, i, kIsSpaceStart);
    const std::string_view token = line.substr(i, end - i);
    ++tokens;
    switch (ClassifyHeadToken(token)) {
      case HeadToken::kOther:
        return false;
      case HeadToken::kDate:
        date = true;
        break;
      case HeadToken::kWeekday:
        weekday = true;
        date = date || token.size() > 9;  // a date with its weekday in one token
        break;
      case HeadToken::kPage:
        page = true;
        marked_page = marked_page || IsPageLabel(token, false);
        break;
      case HeadToken::kPaper:
        paper = true;
        break;
      case HeadToken::kLabel:
        if (label) return false;  // one section label at most
        label = true;
        break;
    }
    i = SkipSpaces(line, end);
  }
  if (tokens < 2 || tokens > 4) return false;
  // A bare number next to a label is too weak ("3 要闻" could be a list item): the label
  // needs 版 or a letter ("03版 要闻", "A03 要闻").
  return (date && (weekday || paper || page)) || (page && paper) || (marked_page && label);
}

// The position of a jump line "(上接01版)", "（下转A3版）", "上接第2版" at `at` (which holds
// 上 or 下), with its brackets; empty when there is none.
ByteRange JumpLineAt(std::string_view text, ByteRange segment, std::size_t at) {
  std::size_t i = at + 3;
  const std::string_view rest = text.substr(0, segment.end);
  const bool up = text.substr(at, 3) == "上";
  if (!TakeLiteral(rest, i, up ? "接" : "转")) return {};
  const std::size_t label_begin = i;
  const std::size_t ban = rest.substr(label_begin, 16).find("版");
  if (ban == std::string_view::npos) return {};
  i = label_begin + ban + 3;
  if (!IsPageLabel(rest.substr(label_begin, i - label_begin), false)) return {};
  ByteRange range{at, i};
  const std::size_t close = rest.substr(i, 1) == ")" ? 1 : rest.substr(i, 3) == "）" ? 3 : 0;
  if (close != 0) {
    std::size_t open_at = at;
    if (at > segment.begin && text[at - 1] == '(') {
      open_at = at - 1;
    } else if (at >= segment.begin + 3 && text.substr(at - 3, 3) == "（") {
      open_at = at - 3;
    }
    if (open_at != at) range = ByteRange{open_at, i + close};
  }
  return range;
}

bool IsBlankLine(std::string_view line) { return Trim(line).empty(); }

class PageFurnitureRule final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void Check(const Document& document, DiagnosticSink& sink) const override {
    const std::string_view text = document.text();
    const LineIndex& lines = document.lines();
    std::size_t line = 0;  // where the last paragraph checked starts
    // 版, which ends a jump line, is rare: found in one pass over the text, not segment by
    // segment.
    std::vector<std::size_t> bans;
    FindAllIn(text, "版", 0, text.size(), bans);
    auto ban = bans.begin();     // the first 版 at or after the start of the last block
    std::size_t last_begin = 0;  // the start of the last block
    for (const Block& block : document.blocks()) {
      if (!block.IsProse() || block.kind == BlockKind::kTableCell) continue;
      if (block.kind == BlockKind::kParagraph) {
        line = LineOfFrom(lines, line, block.range.begin);
        // The line index knows where lines end: most paragraphs are one long line, which
        // need not be searched for a line break.
        const bool single_line =
            line + 1 >= lines.line_count() || lines.LineStart(line + 1) > block.range.end;
        CheckLines(document, text, block, single_line, sink);
      }
      // Most blocks hold no 版, and so no jump line. Blocks mostly come in text order: the
      // first 版 from a block's start on is found by walking on from the last block's.
      if (block.range.begin < last_begin) {
        ban = std::lower_bound(bans.begin(), bans.end(), block.range.begin);
      }
      while (ban != bans.end() && *ban < block.range.begin) ++ban;
      last_begin = block.range.begin;
      if (ban == bans.end() || *ban + 3 > block.range.end) continue;
      for (const ByteRange& segment : document.Segments(block)) {
        CheckJumpLines(document, text, segment, bans, sink);
      }
    }
  }

 private:
  // Lines longer than this are never furniture (about 30 CJK characters).
  static constexpr std::size_t kMaxLineBytes = 96;

  // The line holding `offset`, searched from line `from` on: paragraphs come in text
  // order, so walking on from the last one's line is linear over the whole document.
  static std::size_t LineOfFrom(const LineIndex& lines, std::size_t from, std::size_t offset) {
    if (from >= lines.line_count() || lines.LineStart(from) > offset) {
      return lines.LineOf(offset);
    }
    while (from + 1 < lines.line_count() && lines.LineStart(from + 1) <= offset) ++from;
    return from;
  }

  void CheckLines(const Document& document, std::string_view text, const Block& block,
                  bool single_line, DiagnosticSink& sink) const {
    const std::string_view block_text = block.range.In(text);
    if (single_line) {
      // Most blocks: one long line, which cannot be furniture.
      if (block.range.size() <= kMaxLineBytes + 8) {
        CheckLine(document, text, block.range, true, sink);
      }
      return;
    }
    std::size_t begin = 0;
    while (begin <= block_text.size()) {
      std::size_t end = block_text.find('\n', begin);
      if (end == std::string_view::npos) end = block_text.size();
      CheckLine(document, text, ByteRange{block.range.begin + begin, block.range.begin + end},
                false, sink);
      begin = end + 1;
    }
  }

  void CheckLine(const Document& document, std::string_view text, ByteRange range, bool single_line,
                 DiagnosticSink& sink) const {
    if (range.size() > kMaxLineBytes + 8) return;
    const std::string_view content = Trim(range.In(text));
    if (content.empty() || content.size() > kMaxLineBytes) return;
    const std::size_t offset = static_cast<std::size_t>(content.data() - text.data());
    const ByteRange trimmed{offset, offset + content.size()};
    const char* what = nullptr;
    if (IsCreditLine(content)) {
      what = "a line of proof and layout credits";
    } else if (IsPageNumberLine(content) && (content.ends_with("版") || single_line)) {
      // A bare number ("3", "A03") only when it is a paragraph of its own: inside a
      // paragraph it is more likely a list or a table (A0, A1, ... A10).
      what = "a page number";
    } else if (IsRunningHead(text, content)) {
      what = "a running head";
    } else {
      return;
    }
    if (document.IsExcluded(trimmed)) return;
    Fix& fix = sink.Report(trimmed, MessageText::Concat({"\"", content, "\" is ", what,
                                                         " (page furniture), not article text"}))
                   .fix.emplace();
    fix.applicability = Applicability::kUnsafe;
    fix.message = MessageText::Borrow("delete the line");
    fix.edits.push_back(Edit{LineDeletion(document, document.lines().LineOf(offset)), ""});
  }

  // The bytes to delete with line `line`: the line and its terminator; for a line that
  // stands alone between blank lines, the blank lines after it too (or, at the end of the
  // text, the blank lines before it), so that one blank line separates what remains.
  static ByteRange LineDeletion(const Document& document, std::size_t line) {
    const LineIndex& lines = document.lines();
    const std::string_view text = document.text();
    const std::size_t count = lines.line_count();
    auto line_start = [&](std::size_t n) {
      return n < count ? lines.LineRange(n).begin : text.size();
    };
    auto blank = [&](std::size_t n) { return IsBlankLine(lines.LineRange(n).In(text)); };
    const std::size_t begin = lines.LineRange(line).begin;
    const bool alone_before = line == 0 || blank(line - 1);
    const bool alone_after = line + 1 >= count || blank(line + 1);
    if (!(alone_before && alone_after)) return ByteRange{begin, line_start(line + 1)};
    std::size_t next = line + 1;
    while (next < count && blank(next)) ++next;
    // A final empty "line" after the last terminator is not a line of text.
    const bool at_end = next >= count || (next + 1 == count && lines.LineRange(next).empty());
    if (!at_end) return ByteRange{begin, line_start(next)};
    std::size_t previous = line;
    while (previous > 0 && blank(previous - 1)) --previous;
    // Keep the terminator of the last line of text before it.
    return ByteRange{previous == 0 ? 0 : line_start(previous), text.size()};
  }

  // Anchored on 版 (rarer than 上 and 下): a jump line ends with it.
  // `bans`: where 版 stands in the text, ascending.
  static void CheckJumpLines(const Document& document, std::string_view text, ByteRange segment,
                             const std::vector<std::size_t>& bans, DiagnosticSink& sink) {
    constexpr std::size_t kMaxLabel = 16;  // bytes between 上接 and 版
    std::size_t k = 0;                     // where the search goes on, from the segment's start
    for (auto it = std::lower_bound(bans.begin(), bans.end(), segment.begin);
         it != bans.end() && *it + 3 <= segment.end; ++it) {
      const std::size_t ban = *it;
      if (ban < segment.begin + k) continue;
      k = ban + 3 - segment.begin;
      std::size_t at = ban;
      for (std::size_t back = 6; back <= 6 + kMaxLabel && ban >= segment.begin + back; ++back) {
        const std::size_t pos = ban - back;
        // 上 and 下 are E4 B8 8A and E4 B8 8B: test bytes before comparing words.
        if (static_cast<unsigned char>(text[pos]) != 0xE4 ||
            static_cast<unsigned char>(text[pos + 1]) != 0xB8) {
          continue;
        }
        const std::string_view two = text.substr(pos, 6);
        if (two == "上接" || two == "下转") {
          at = ban - back;
          break;
        }
      }
      if (at == ban) continue;
      const ByteRange jump = JumpLineAt(text, segment, at);
      if (jump.empty() || document.IsExcluded(jump)) continue;
      sink.Report(jump,
                  MessageText::Concat({"\"", jump.In(text),
                                       "\" is a jump line (page furniture): the article ",
                                       text.substr(at, 3) == "上" ? "continues from another page"
                                                                  : "continues on another page"}));
      k = std::max(k, jump.end - segment.begin);
    }
  }

  RuleMeta meta_ = PageFurnitureMeta();
};

}  // namespace

std::unique_ptr<Rule> MakePageFurnitureRule(RuleOptions& /*options*/) {
  return std::make_unique<PageFurnitureRule>();
}

}  // namespace ocrlint
