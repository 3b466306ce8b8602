#include "packs/pack_rule.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <utility>

#include "text/char_class.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

enum CharClassBit : unsigned {
  kCjk = 1,
  kCjkPunctuation = 2,
  kDigit = 4,
  kLatin = 8,
  kSpace = 16,
  kLineStart = 32,
  kLineEnd = 64,
};

constexpr std::array<std::pair<std::string_view, unsigned>, 7> kNamedClasses = {{
    {"cjk", kCjk},
    {"cjk-punctuation", kCjkPunctuation},
    {"digit", kDigit},
    {"latin", kLatin},
    {"space", kSpace},
    {"line-start", kLineStart},
    {"line-end", kLineEnd},
}};

constexpr int kMaxGroups = 10;  // $0-$9

bool InNamedClasses(unsigned mask, char32_t c) {
  if ((mask & kCjk) && (IsHan(c) || IsKana(c) || IsHangul(c))) return true;
  if ((mask & kCjkPunctuation) && IsCjkPunctuation(c)) return true;
  if ((mask & kDigit) && (IsAsciiDigit(c) || IsFullwidthDigit(c))) return true;
  if ((mask & kLatin) && IsLatinLetter(c)) return true;
  return (mask & kSpace) && (IsAsciiBlank(c) || c == 0x3000);
}

// Spans of text no pack rule reports inside, found only in segments with a candidate.
struct SkipPattern {
  SkipPattern(unsigned k, const char* pattern) : kind(k), regex(std::make_unique<RE2>(pattern)) {}
  unsigned kind;
  std::unique_ptr<RE2> regex;
};

const std::vector<SkipPattern>& Skips() {
  static const auto* const kSkips = [] {
    auto* skips = new std::vector<SkipPattern>();
    skips->emplace_back(kSkipNumber, R"([0-9]+(?:[.,:/][0-9]+)+)");
    skips->emplace_back(kSkipUrl,
                        R"((?i)(?:(?:https?|ftp)://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+)");
    skips->emplace_back(kSkipEmail, R"([A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,})");
    skips->emplace_back(
        kSkipPath,
        R"((?:[A-Za-z]:\\|\.{1,2}/|~/)[A-Za-z0-9_.\-]+(?:[/\\][A-Za-z0-9_.\-]+)*|[A-Za-z0-9_.\-]+(?:/[A-Za-z0-9_.\-]+)+)");
    skips->emplace_back(kSkipCode, R"(`[^`\n]+`)");
    // Two or more Latin words in a row: "Hello, world!" keeps its ASCII punctuation.
    skips->emplace_back(
        kSkipLatinSentence,
        R"([A-Za-z][A-Za-z'\-]*(?:[,;:!?.]?[ ]+[A-Za-z0-9][A-Za-z0-9'\-]*)+[.!?]?)");
    return skips;
  }();
  return *kSkips;
}

// Whether a candidate lies inside a protected span (number, URL, ...). Every skip pattern
// but `code` matches ASCII bytes only, so a span covering a candidate lies inside the
// maximal run of ASCII bytes (no line break) around it: only that run is searched, which
// for a comma between two Chinese characters is the comma alone. Code spans (backticks)
// are searched in the whole segment, and only when it has a backtick.
class SkipSpans {
 public:
  explicit SkipSpans(std::string_view segment) : segment_(segment) {}

  bool Covers(unsigned kinds, std::size_t begin, std::size_t end) {
    std::size_t run_begin = begin;
    while (run_begin > 0 && IsRunByte(segment_[run_begin - 1])) --run_begin;
    std::size_t run_end = end;
    while (run_end < segment_.size() && IsRunByte(segment_[run_end])) ++run_end;
    // Every ASCII-only skip pattern needs a letter or digit: "据介绍,该" needs no search.
    const std::string_view run = segment_.substr(run_begin, run_end - run_begin);
    const bool has_alnum = std::any_of(
        run.begin(), run.end(), [](char c) { return IsAsciiAlnum(static_cast<unsigned char>(c)); });
    for (const SkipPattern& skip : Skips()) {
      if ((kinds & skip.kind) == 0) continue;
      if (skip.kind == kSkipCode) {
        if (CoveredByCode(*skip.regex, begin, end)) return true;
        continue;
      }
      if (has_alnum && Overlaps(*skip.regex, run_begin, run_end, begin, end)) return true;
    }
    return false;
  }

 private:
  static bool IsRunByte(char c) {
    return static_cast<unsigned char>(c) < 0x80 && c != '\n' && c != '\r';
  }

  // Whether a match of `regex` in [from, to) overlaps [begin, end).
  bool Overlaps(const RE2& regex, std::size_t from, std::size_t to, std::size_t begin,
                std::size_t end) const {
    re2::StringPiece input(segment_.data(), segment_.size());
    re2::StringPiece match;
    std::size_t pos = from;
    while (pos < to && regex.Match(input, pos, to, RE2::UNANCHORED, &match, 1)) {
      const std::size_t b = static_cast<std::size_t>(match.data() - segment_.data());
      const std::size_t e = b + match.size();
      if (b >= end) return false;
      if (begin < e && b < end) return true;
      pos = e > b ? e : b + 1;
    }
    return false;
  }

  bool CoveredByCode(const RE2& regex, std::size_t begin, std::size_t end) {
    if (!code_done_) {
      code_done_ = true;
      if (segment_.find('`') != std::string_view::npos) {
        re2::StringPiece input(segment_.data(), segment_.size());
        re2::StringPiece match;
        std::size_t pos = 0;
        while (pos < segment_.size() &&
               regex.Match(input, pos, segment_.size(), RE2::UNANCHORED, &match, 1)) {
          const std::size_t b = static_cast<std::size_t>(match.data() - segment_.data());
          code_.emplace_back(b, b + match.size());
          pos = b + match.size();
        }
      }
    }
    for (const auto& [b, e] : code_) {
      if (begin < e && b < end) return true;
    }
    return false;
  }

  std::string_view segment_;
  bool code_done_ = false;
  std::vector<std::pair<std::size_t, std::size_t>> code_;
};

// The character next to a match inside its segment; nullopt at a line boundary.
std::optional<char32_t> CharBefore(std::string_view segment, std::size_t offset,
                                   std::string_view& bytes) {
  if (offset == 0) return std::nullopt;
  Decoded d = DecodeUtf8BeforeFast(segment, offset);
  bytes = segment.substr(offset - d.length, d.length);
  if (d.code_point == U'\n' || d.code_point == U'\r') return std::nullopt;
  return d.code_point;
}

std::optional<char32_t> CharAfter(std::string_view segment, std::size_t offset,
                                  std::string_view& bytes) {
  if (offset >= segment.size()) return std::nullopt;
  Decoded d = DecodeUtf8Fast(segment, offset);
  bytes = segment.substr(offset, d.length);
  if (d.code_point == U'\n' || d.code_point == U'\r') return std::nullopt;
  return d.code_point;
}

std::string ExpandReplacement(std::string_view tmpl, const re2::StringPiece* groups, int count) {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '$' && i + 1 < tmpl.size()) {
      const char next = tmpl[i + 1];
      if (next == '$') {
        out.push_back('$');
        ++i;
        continue;
      }
      if (next >= '0' && next <= '9') {
        const int n = next - '0';
        if (n < count) out.append(groups[n].data(), groups[n].size());
        ++i;
        continue;
      }
    }
    out.push_back(tmpl[i]);
  }
  return out;
}

std::string FormatMessage(std::string_view tmpl, const re2::StringPiece* groups, int count,
                          std::string_view replacement) {
  std::string out;
  out.reserve(tmpl.size() + groups[0].size() + replacement.size());
  std::size_t i = 0;
  // Literal text is copied a run at a time: this runs once per finding, and a raw OCR page
  // has a finding every few dozen bytes.
  while (i < tmpl.size()) {
    const std::size_t open = tmpl.find('{', i);
    const std::size_t close = open == std::string_view::npos ? open : tmpl.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(tmpl.substr(i, open - i));
    const std::string_view name = tmpl.substr(open + 1, close - open - 1);
    if (name == "match") {
      out.append(groups[0].data(), groups[0].size());
    } else if (name == "replacement") {
      out.append(replacement);
    } else if (name.size() == 1 && name[0] >= '0' && name[0] <= '9') {
      const int n = name[0] - '0';
      if (n < count) out.append(groups[n].data(), groups[n].size());
    } else {
      out.append(tmpl.substr(open, close - open + 1));
    }
    i = close + 1;
  }
  if (i < tmpl.size()) out.append(tmpl.substr(i));
  return out;
}

// Whether `rule_case` matches at `begin` (anchored there) with its context conditions;
// fills `groups`.
bool MatchCaseAt(const PackCase& rule_case, std::string_view segment, std::size_t begin,
                 SkipSpans& skips, re2::StringPiece* groups, int& count) {
  const auto first = static_cast<unsigned char>(segment[begin]);
  if (first < rule_case.first_min || first > rule_case.first_max) return false;
  if (segment.substr(begin, rule_case.prefix.size()) != rule_case.prefix) return false;
  if (rule_case.literal) {
    groups[0] = re2::StringPiece(segment.data() + begin, rule_case.prefix.size());
    count = 1;
  } else {
    const RE2& regex = *rule_case.regex;
    count = std::min(kMaxGroups, regex.NumberOfCapturingGroups() + 1);
    const re2::StringPiece input(segment.data(), segment.size());
    if (!regex.Match(input, begin, segment.size(), RE2::ANCHOR_START, groups, count)) {
      return false;
    }
  }
  const std::size_t end = begin + groups[0].size();
  if (end == begin) return false;
  std::string_view before_bytes, after_bytes;
  const std::optional<char32_t> before = CharBefore(segment, begin, before_bytes);
  const std::optional<char32_t> after = CharAfter(segment, end, after_bytes);
  if (!rule_case.before.empty() && !rule_case.before.Matches(before, before_bytes, true)) {
    return false;
  }
  if (!rule_case.after.empty() && !rule_case.after.Matches(after, after_bytes, false)) {
    return false;
  }
  if (!rule_case.not_before.empty() && rule_case.not_before.Matches(before, before_bytes, true)) {
    return false;
  }
  if (!rule_case.not_after.empty() && rule_case.not_after.Matches(after, after_bytes, false)) {
    return false;
  }
  if (!rule_case.near.empty() && !rule_case.near.Matches(before, before_bytes, true) &&
      !rule_case.near.Matches(after, after_bytes, false)) {
    return false;
  }
  return rule_case.skip == 0 || !skips.Covers(rule_case.skip, begin, end);
}

// The smallest edits that turn the match into the expansion of `tmpl`, when the template
// keeps capture groups in place: "（$1）" for "\\((...)\\)" becomes two edits, one per
// bracket, so that fixes of other rules inside the group (a stray space between the
// brackets) do not overlap it and are applied in the same pass. nullopt when the template
// uses a group twice, out of order, or not at all (then the whole match is replaced).
std::optional<std::vector<Edit>> TemplateEdits(std::string_view tmpl,
                                               const re2::StringPiece* groups, int count,
                                               const char* segment_data, std::size_t base) {
  std::vector<std::string> literals(1);
  std::vector<int> used;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '$' && i + 1 < tmpl.size()) {
      const char next = tmpl[i + 1];
      if (next == '$') {
        literals.back().push_back('$');
        ++i;
        continue;
      }
      if (next >= '0' && next <= '9') {
        used.push_back(next - '0');
        literals.emplace_back();
        ++i;
        continue;
      }
    }
    literals.back().push_back(tmpl[i]);
  }
  if (used.empty()) return std::nullopt;
  const auto offset = [&](const char* p) {
    return base + static_cast<std::size_t>(p - segment_data);
  };
  std::size_t cursor = offset(groups[0].data());
  const std::size_t match_end = cursor + groups[0].size();
  std::vector<Edit> edits;
  const auto replace = [&](std::size_t from, std::size_t to, const std::string& with) {
    const std::string_view old(segment_data + (from - base), to - from);
    if (old != with) edits.push_back(Edit{ByteRange{from, to}, with});
  };
  for (std::size_t k = 0; k < used.size(); ++k) {
    const int n = used[k];
    if (n == 0 || n >= count || groups[n].data() == nullptr) return std::nullopt;
    const std::size_t group_begin = offset(groups[n].data());
    if (group_begin < cursor) return std::nullopt;
    replace(cursor, group_begin, literals[k]);
    cursor = group_begin + groups[n].size();
  }
  if (cursor > match_end) return std::nullopt;
  replace(cursor, match_end, literals.back());
  return edits;
}

// Whether some case of `spec` may match at `begin`: the byte there may start it and its
// literal prefix is there. A cheap test before ReportAt: most candidate bytes of a raw page
// start no finding (every full-width mark starts with a lead byte of the ellipsis cases).
bool MayMatchAt(const PackRuleSpec& spec, std::string_view segment, std::size_t begin) {
  const auto first = static_cast<unsigned char>(segment[begin]);
  const std::string_view rest = segment.substr(begin);
  return std::any_of(spec.cases.begin(), spec.cases.end(), [&](const PackCase& rule_case) {
    return first >= rule_case.first_min && first <= rule_case.first_max &&
           rest.starts_with(rule_case.prefix);
  });
}

// Tries the cases of `spec` at `begin`, in order; the first whose conditions hold reports.
// Returns the end of the finding (segment offset), or 0 when no case holds.
template <typename Report>
std::size_t ReportAt(const PackRuleSpec& spec, std::string_view segment, std::size_t base,
                     std::size_t begin, SkipSpans& skips, Report& report) {
  std::array<re2::StringPiece, kMaxGroups> groups;
  for (const PackCase& rule_case : spec.cases) {
    int count = 0;
    if (!MatchCaseAt(rule_case, segment, begin, skips, groups.data(), count)) continue;
    const std::size_t end = begin + groups[0].size();
    const ByteRange range{base + begin, base + end};
    if (const auto& literal = rule_case.literal_report) {
      // Borrowed: the spec, and so its prepared report, lives as long as the rule.
      const MessageText message = MessageText::Borrow(literal->message);
      if (literal->replacement) {
        report(range, message, spec.applicability, MessageText::Borrow(literal->fix_title),
               *literal->replacement);
      } else {
        report(range, message);
      }
    } else if (rule_case.replacement) {
      std::string replacement = ExpandReplacement(*rule_case.replacement, groups.data(), count);
      MessageText message(FormatMessage(rule_case.message, groups.data(), count, replacement));
      MessageText title(FormatMessage(rule_case.fix_title, groups.data(), count, replacement));
      std::optional<std::vector<Edit>> edits =
          TemplateEdits(*rule_case.replacement, groups.data(), count, segment.data(), base);
      if (edits && !edits->empty()) {
        report(range, std::move(message), spec.applicability, std::move(title), std::move(*edits));
      } else {
        report(range, std::move(message), spec.applicability, std::move(title),
               std::move(replacement));
      }
    } else {
      report(range, MessageText(FormatMessage(rule_case.message, groups.data(), count, "")));
    }
    return end;
  }
  return 0;
}

// Reports the findings of `spec` in one segment by searching it with RE2: one unanchored
// search of the union of its cases finds each candidate start (RE2's DFA skips clean text
// fast); there the cases are tried in order, anchored (so findings of one rule never
// overlap). When none holds, the search goes on one character later. For rules whose
// matches may start with too many different bytes for PackScanner's byte scan.
template <typename Report>
void SearchSegment(const PackRuleSpec& spec, std::string_view text, ByteRange segment_range,
                   SkipSpans& skips, Report report) {
  const std::string_view segment = text.substr(segment_range.begin, segment_range.size());
  const re2::StringPiece input(segment.data(), segment.size());
  re2::StringPiece candidate;
  std::size_t pos = 0;
  while (pos < segment.size() &&
         spec.any_case->Match(input, pos, segment.size(), RE2::UNANCHORED, &candidate, 1)) {
    const std::size_t begin = static_cast<std::size_t>(candidate.data() - segment.data());
    const std::size_t end = ReportAt(spec, segment, segment_range.begin, begin, skips, report);
    pos = end != 0 ? end : begin + DecodeUtf8(segment, begin).length;
  }
}

// Calls `visit(segment)` for every prose segment of `document`.
template <typename Visit>
void ForEachProseSegment(const Document& document, Visit visit) {
  for (const Block& block : document.blocks()) {
    if (!block.IsProse()) continue;
    for (const ByteRange& segment : document.Segments(block)) {
      if (!segment.empty()) visit(segment);
    }
  }
}

struct SinkReporter {
  DiagnosticSink& sink;
  const RuleMeta* meta = nullptr;  // set for the fused rule: report under this rule
  Severity severity = Severity::kWarning;

  void operator()(ByteRange range, MessageText message) {
    Retag(sink.Report(range, std::move(message)));
  }
  void operator()(ByteRange range, MessageText message, Applicability applicability,
                  MessageText fix_title, std::string replacement) {
    Retag(sink.ReportWithFix(range, std::move(message), applicability, std::move(fix_title),
                             std::move(replacement)));
  }
  void operator()(ByteRange range, MessageText message, Applicability applicability,
                  MessageText fix_title, std::vector<Edit> edits) {
    Diagnostic& diagnostic = sink.Report(range, std::move(message));
    Fix& fix = diagnostic.fix.emplace();
    fix.applicability = applicability;
    fix.message = std::move(fix_title);
    fix.edits = std::move(edits);
    Retag(diagnostic);
  }
  void Retag(Diagnostic& diagnostic) const {
    if (meta == nullptr) return;
    diagnostic.rule = meta;
    diagnostic.severity = severity;
  }
};

}  // namespace

CharCondition::CharCondition(const std::vector<std::string>& entries) {
  for (const std::string& entry : entries) {
    auto named = std::find_if(kNamedClasses.begin(), kNamedClasses.end(),
                              [&](const auto& pair) { return pair.first == entry; });
    if (named != kNamedClasses.end()) {
      mask_ |= named->second;
      continue;
    }
    if (entry.empty() || (entry[0] != '[' && entry[0] != '\\')) {
      throw std::invalid_argument(
          "unknown character class \"" + entry +
          "\" (expected cjk, cjk-punctuation, digit, latin, space, line-start, line-end, or an "
          "RE2 class such as \"[“‘]\")");
    }
    auto regex = std::make_shared<const RE2>(entry, RE2::Quiet);
    if (!regex->ok()) {
      throw std::invalid_argument("bad character class \"" + entry + "\": " + regex->error());
    }
    classes_.push_back(std::move(regex));
  }
}

bool CharCondition::Matches(std::optional<char32_t> c, std::string_view bytes, bool before) const {
  if (!c) return (mask_ & (before ? kLineStart : kLineEnd)) != 0;
  if (InNamedClasses(mask_, *c)) return true;
  for (const auto& regex : classes_) {
    if (RE2::FullMatch(re2::StringPiece(bytes.data(), bytes.size()), *regex)) return true;
  }
  return false;
}

void PrepareLiteralReport(PackCase& rule_case) {
  rule_case.literal_report.reset();
  if (!rule_case.literal) return;
  const re2::StringPiece match(rule_case.prefix);
  PackCase::LiteralReport literal;
  if (rule_case.replacement) {
    literal.replacement = ExpandReplacement(*rule_case.replacement, &match, 1);
  }
  const std::string_view replacement =
      literal.replacement ? std::string_view(*literal.replacement) : std::string_view();
  literal.message = FormatMessage(rule_case.message, &match, 1, replacement);
  literal.fix_title = FormatMessage(rule_case.fix_title, &match, 1, replacement);
  rule_case.literal_report = std::move(literal);
}

std::optional<std::bitset<256>> StartBytes(const PackRuleSpec& spec) {
  std::bitset<256> bytes;
  for (const PackCase& rule_case : spec.cases) {
    if (!rule_case.prefix.empty()) {
      bytes.set(static_cast<unsigned char>(rule_case.prefix[0]));
      continue;
    }
    for (unsigned b = rule_case.first_min; b <= rule_case.first_max; ++b) bytes.set(b);
  }
  // Lead bytes of the common Han characters (U+4000-U+9FFF): a pattern that may start with
  // one would stop the scan at nearly every character, where RE2's DFA is faster.
  for (unsigned b = 0xE4; b <= 0xE9; ++b) {
    if (bytes.test(b)) return std::nullopt;
  }
  // Continuation bytes cannot start a match of valid UTF-8; a range covering them is too
  // wide to be worth scanning for.
  for (unsigned b = 0x80; b <= 0xBF; ++b) {
    if (bytes.test(b)) return std::nullopt;
  }
  return bytes;
}

PackScanner::PackScanner(std::vector<Member> members) : members_(std::move(members)) {
  RE2::Options options;
  options.set_log_errors(false);
  set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (std::size_t i = 0; i < members_.size(); ++i) {
    const PackRuleSpec& spec = *members_[i].spec;
    if (const std::optional<std::bitset<256>> bytes = StartBytes(spec)) {
      for (unsigned b = 0; b < 256; ++b) {
        if (bytes->test(b)) by_start_byte_[b].push_back(static_cast<std::uint32_t>(i));
      }
      continue;
    }
    std::string error;
    if (set_->Add(spec.any_case->pattern(), &error) < 0) {
      throw std::logic_error(spec.meta.id + ": pattern does not compile in a set: " + error);
    }
    searched_.push_back(static_cast<std::uint32_t>(i));
  }
  PrepareVectorScan();
  if (!searched_.empty() && !set_->Compile()) {
    throw std::logic_error("rule packs: RE2::Set does not compile");
  }
}

void PackScanner::PrepareVectorScan() {
  for (unsigned b = 0x80; b < 256; ++b) {
    if (by_start_byte_[b].empty()) continue;
    if (lead_bytes_.size() == kMaxLeadBytes) {
      vector_scan_ = false;
      return;
    }
    lead_bytes_.push_back(static_cast<unsigned char>(b));
  }
  for (unsigned b = 0; b < 0x80; ++b) ascii_starts_ |= !by_start_byte_[b].empty();
  vector_scan_ = true;
}

template <typename Visit>
void PackScanner::ForEachStart(std::string_view segment, Visit visit) const {
  const auto starts_here = [&](std::size_t pos) {
    return !by_start_byte_[static_cast<unsigned char>(segment[pos])].empty();
  };
  std::size_t i = 0;
  if (vector_scan_) {
    // 16 bytes at a time: a block of Han text (lead bytes E4-E9 and continuation bytes) has
    // no ASCII byte and none of the few non-ASCII start bytes, and is skipped whole.
    constexpr std::size_t kWidth = sizeof(ByteVector);
    for (; i + kWidth <= segment.size(); i += kWidth) {
      ByteVector a;
      std::memcpy(&a, segment.data() + i, kWidth);
      ByteVector mask{};
      if (ascii_starts_) mask = a < 0x80;
      for (const unsigned char lead : lead_bytes_) mask |= a == lead;
      std::uint64_t halves[2];
      std::memcpy(halves, &mask, sizeof halves);
      for (std::size_t half = 0; half < 2; ++half) {
        std::uint64_t bits = halves[half];  // 0xFF in each byte that is a candidate
        while (bits != 0) {
          const int bit = __builtin_ctzll(bits);
          bits &= ~(std::uint64_t{0xFF} << (bit & ~7));
          const std::size_t pos = i + half * 8 + static_cast<std::size_t>(bit / 8);
          if (starts_here(pos)) visit(pos);
        }
      }
    }
  }
  for (; i < segment.size(); ++i) {
    if (starts_here(i)) visit(i);
  }
}

void PackScanner::Check(const Document& document, DiagnosticSink& sink) const {
  const std::string_view text = document.text();
  std::vector<SinkReporter> reporters;
  reporters.reserve(members_.size());
  for (const Member& member : members_) {
    reporters.push_back(
        SinkReporter{sink, member.retag ? &member.spec->meta : nullptr, member.severity});
  }
  std::vector<int> hits;
  std::vector<std::size_t> next(members_.size());
  ForEachProseSegment(document, [&](ByteRange segment_range) {
    const std::string_view segment = text.substr(segment_range.begin, segment_range.size());
    SkipSpans skips(segment);
    std::fill(next.begin(), next.end(), 0);
    // One pass over the bytes for every rule whose matches start with a known byte: the
    // cases are tried, anchored, only where a match can start.
    ForEachStart(segment, [&](std::size_t pos) {
      for (const std::uint32_t i : by_start_byte_[static_cast<unsigned char>(segment[pos])]) {
        if (pos < next[i]) continue;  // findings of one rule never overlap
        if (!MayMatchAt(*members_[i].spec, segment, pos)) continue;
        const std::size_t end =
            ReportAt(*members_[i].spec, segment, segment_range.begin, pos, skips, reporters[i]);
        if (end != 0) next[i] = end;
      }
    });
    if (searched_.empty()) return;
    hits.clear();
    if (!set_->Match(re2::StringPiece(segment.data(), segment.size()), &hits)) return;
    std::sort(hits.begin(), hits.end());  // in member order
    for (const int hit : hits) {
      const std::uint32_t i = searched_[static_cast<std::size_t>(hit)];
      SearchSegment(*members_[i].spec, text, segment_range, skips, reporters[i]);
    }
  });
}

void CheckPackRule(const PackRuleSpec& spec, const Document& document, DiagnosticSink& sink) {
  const std::string_view text = document.text();
  ForEachProseSegment(document, [&](ByteRange segment) {
    SkipSpans skips(text.substr(segment.begin, segment.size()));
    SearchSegment(spec, text, segment, skips, SinkReporter{sink});
  });
}

PackRule::PackRule(std::shared_ptr<const PackRuleSpec> spec)
    : spec_(std::move(spec)), scanner_({PackScanner::Member{spec_, Severity::kWarning, false}}) {}

void PackRule::Check(const Document& document, DiagnosticSink& sink) const {
  scanner_.Check(document, sink);
}

PackGroupRule::PackGroupRule(std::vector<Member> members)
    : scanner_([&] {
        std::vector<PackScanner::Member> scanned;
        for (Member& member : members) {
          scanned.push_back(PackScanner::Member{std::move(member.spec), member.severity, true});
        }
        return scanned;
      }()) {
  meta_.id = "rule-packs";
  meta_.group = RuleGroup::kTypography;
  meta_.summary = "The rules of the loaded rule packs, run in one pass";
}

void PackGroupRule::Check(const Document& document, DiagnosticSink& sink) const {
  scanner_.Check(document, sink);
}

}  // namespace ocrlint
