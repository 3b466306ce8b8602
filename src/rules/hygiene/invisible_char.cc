#include <unicode/uchar.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "rules/hygiene/hygiene_rules.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

// At most this many characters are named in the message of a run.
constexpr std::size_t kMaxNamesShown = 4;

RuleMeta InvisibleCharMeta() {
  return RuleMeta{
      .id = "invisible-char",
      .group = RuleGroup::kHygiene,
      .default_severity = Severity::kWarning,
      .enabled_by_default = true,
      .fix = FixAvailability::kSometimes,
      .summary =
          "Invisible characters: zero-width spaces and joiners, soft hyphens, bidi "
          "and control characters",
      .explanation =
          "Flags characters that print as nothing: U+200B ZERO WIDTH SPACE, U+2060 WORD "
          "JOINER, U+FEFF ZERO WIDTH NO-BREAK SPACE anywhere but at the start of the file "
          "(where it is a byte order mark), U+00AD SOFT HYPHEN, U+180E MONGOLIAN VOWEL "
          "SEPARATOR, the bidi controls U+202A-202E and U+2066-2069, C0 controls other "
          "than tab and line feed (and the carriage return of CRLF), DELETE and the C1 "
          "controls U+0080-009F. U+200C ZERO WIDTH NON-JOINER and U+200D ZERO WIDTH "
          "JOINER are flagged only between Han, Latin, digits or punctuation, or at the "
          "edge of a word: inside emoji sequences and in scripts that shape letters "
          "(Arabic, Indic) they do a job. Consecutive invisible characters form one "
          "finding.\n\n"
          "PDF extraction and copy-paste leave them behind. They split words for search, "
          "break matching and counting, and can reorder how a line displays.\n\n"
          "The fix deletes them and is safe. A lone carriage return is reported without a "
          "fix: it may have been meant as a line break.",
      .bad_examples =
          {
              BadExample("洛阳\u27E6\u200B\u27E7市", "洛阳市"),
              BadExample("中\u27E6\u200B\u2060\u27E7文", "中文"),
              BadExample("第一版\u27E6\u200D\u27E7新闻", "第一版新闻"),
              BadExample("全文\u27E6\u00AD\u27E7完", "全文完"),
              BadExample("前文\u27E6\uFEFF\u27E7后文", "前文后文"),
              BadExample("标题\u27E6\u202E\u27E7正文", "标题正文"),
              BadExample("上一页\u27E6\f\u27E7下一页", "上一页下一页"),
              BadExample("第一行\u27E6\r\u27E7第二行", std::nullopt),
          },
      .good_examples =
          {
              GoodExample("\uFEFF洛阳市"),
              GoodExample("\U0001F468\u200D\U0001F469\u200D\U0001F467"),
              GoodExample("\u0915\u094D\u200D\u0937"),
              GoodExample("第一行\r\n第二行\t完\n"),
          },
      .options = {},
  };
}

enum class Kind { kNone, kInvisible, kJoiner, kLoneCr };

struct Candidate {
  Kind kind = Kind::kNone;
  char32_t code_point = 0;
  std::size_t length = 1;
};

// Where a flagged character may start: controls other than \t and \n (the exact check
// drops the \r of CRLF), DEL, C2 80-9F / C2 AD (C1 controls, soft hyphen), E1 A0 8E
// (U+180E), E2 80 8B-8D / AA-AE (U+200B-200D, U+202A-202E), E2 81 A0 / A6-A9 (U+2060,
// U+2066-2069), EF BB BF (U+FEFF). Testing the third byte keeps the frequent “ ” — … out.
constexpr auto kMayStartInvisible = [](ByteVector a, ByteVector b, ByteVector c) {
  const auto control = ((a < 0x20) & (a != '\n') & (a != '\t')) | (a == 0x7F);
  const auto latin1 = (a == 0xC2) & ((b < 0xA0) | (b == 0xAD));
  const auto mongolian = (a == 0xE1) & (b == 0xA0) & (c == 0x8E);
  const auto e2_80 = (b == 0x80) & (((c >= 0x8B) & (c <= 0x8D)) | ((c >= 0xAA) & (c <= 0xAE)));
  const auto e2_81 = (b == 0x81) & ((c == 0xA0) | ((c >= 0xA6) & (c <= 0xA9)));
  const auto bom = (a == 0xEF) & (b == 0xBB) & (c == 0xBF);
  return control | latin1 | mongolian | ((a == 0xE2) & (e2_80 | e2_81)) | bom;
};

std::size_t NextCandidate(std::string_view text, std::size_t from) {
  return FindCandidate(text, from, kMayStartInvisible);
}

bool IsAlwaysInvisible(char32_t c) {
  return (c >= 0x80 && c <= 0x9F) || c == 0xAD || c == 0x180E || c == 0x200B || c == 0x2060 ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

bool InInvalidUtf8(const Document& document, std::size_t offset) {
  const auto runs = document.invalid_utf8();
  auto it = std::upper_bound(runs.begin(), runs.end(), offset,
                             [](std::size_t o, const ByteRange& r) { return o < r.begin; });
  return it != runs.begin() && std::prev(it)->Contains(offset);
}

// Around a joiner, these count as the edge of a word: nothing, white space, and other
// invisible (format or control) characters.
bool IsWordEdge(char32_t c) {
  if (c == kInvalidCodePoint) return true;
  const auto type = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(c)));
  return IsWhiteSpace(c) || type == U_FORMAT_CHAR || type == U_CONTROL_CHAR;
}

// Characters of writing systems that never need a joiner.
bool IsJoinerFree(char32_t c) {
  return IsHan(c) || IsKana(c) || IsHangul(c) || IsLatinLetter(c) || IsAsciiDigit(c) ||
         IsFullwidthAlnum(c) || IsCjkPunctuation(c) || IsPunctuation(c);
}

bool IsStrayJoiner(std::string_view text, std::size_t offset, std::size_t length) {
  const char32_t before = DecodeUtf8Before(text, offset).code_point;
  const char32_t after = offset + length < text.size()
                             ? DecodeUtf8(text, offset + length).code_point
                             : kInvalidCodePoint;
  if (IsWordEdge(before) || IsWordEdge(after)) return true;
  return IsJoinerFree(before) && IsJoinerFree(after);
}

Candidate Classify(const Document& document, std::size_t offset) {
  const std::string_view text = document.text();
  const auto b0 = static_cast<unsigned char>(text[offset]);
  if (b0 < 0x20 || b0 == 0x7F) {
    if (b0 == '\t' || b0 == '\n') return {};
    if (b0 == '\r') {
      const bool crlf = offset + 1 < text.size() && text[offset + 1] == '\n';
      return crlf ? Candidate{} : Candidate{Kind::kLoneCr, b0, 1};
    }
    // SUB also stands in for each invalid byte in text(); invalid-utf8 reports those.
    if (b0 == 0x1A && !document.valid_utf8() && InInvalidUtf8(document, offset)) return {};
    return {Kind::kInvisible, b0, 1};
  }
  const Decoded decoded = DecodeUtf8(text, offset);
  const char32_t c = decoded.code_point;
  if (c == 0x200C || c == 0x200D) {
    if (!IsStrayJoiner(text, offset, decoded.length)) return {};
    return {Kind::kJoiner, c, decoded.length};
  }
  if (!IsAlwaysInvisible(c) || (c == 0xFEFF && offset == 0)) return {};
  return {Kind::kInvisible, c, decoded.length};
}

std::string RunMessage(const std::vector<char32_t>& run) {
  if (run.size() == 1) return DescribeCodePoint(run.front()) + " is invisible";
  std::string message = std::to_string(run.size()) + " invisible characters: ";
  for (std::size_t i = 0; i < run.size() && i < kMaxNamesShown; ++i) {
    if (i > 0) message += ", ";
    message += DescribeCodePoint(run[i]);
  }
  if (run.size() > kMaxNamesShown) message += ", \u2026";
  return message;
}

std::string FixTitle(const std::vector<char32_t>& run) {
  if (run.size() > 1) return "delete " + std::to_string(run.size()) + " invisible characters";
  std::string title = DescribeCodePoint(run.front());
  return "delete " + title.substr(0, title.find(' '));  // "delete U+200B"
}

class InvisibleCharRule final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void Check(const Document& document, DiagnosticSink& sink) const override {
    const std::string_view text = document.text();
    std::vector<char32_t> run;
    std::size_t offset = NextCandidate(text, 0);
    while (offset < text.size()) {
      Candidate candidate = Classify(document, offset);
      if (candidate.kind == Kind::kNone) {
        offset = NextCandidate(text, offset + 1);
        continue;
      }
      if (candidate.kind == Kind::kLoneCr) {
        sink.Report({offset, offset + 1},
                    "U+000D CARRIAGE RETURN without a line feed is invisible");
        offset = NextCandidate(text, offset + 1);
        continue;
      }
      const std::size_t begin = offset;
      run.clear();
      while (candidate.kind == Kind::kInvisible || candidate.kind == Kind::kJoiner) {
        run.push_back(candidate.code_point);
        offset += candidate.length;
        if (offset >= text.size()) break;
        candidate = Classify(document, offset);
      }
      sink.ReportWithFix({begin, offset}, RunMessage(run), Applicability::kSafe, FixTitle(run), "");
      offset = NextCandidate(text, offset);
    }
  }

 private:
  RuleMeta meta_ = InvisibleCharMeta();
};

}  // namespace

std::unique_ptr<Rule> MakeInvisibleCharRule(RuleOptions& /*options*/) {
  return std::make_unique<InvisibleCharRule>();
}

}  // namespace ocrlint
