#include "packs/pack_rule.h"

#include <algorithm>
#include <array>
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

// Lazily computed protected spans of one segment (offsets relative to it).
class SkipSpans {
 public:
  explicit SkipSpans(std::string_view segment) : segment_(segment) {}

  bool Covers(unsigned kinds, std::size_t begin, std::size_t end) {
    for (const SkipPattern& skip : Skips()) {
      if ((kinds & skip.kind) == 0) continue;
      for (const auto& [b, e] : SpansOf(skip.kind, *skip.regex)) {
        if (begin < e && b < end) return true;
      }
    }
    return false;
  }

 private:
  const std::vector<std::pair<std::size_t, std::size_t>>& SpansOf(unsigned kind, const RE2& regex) {
    auto& spans = spans_[Index(kind)];
    if (done_ & kind) return spans;
    done_ |= kind;
    re2::StringPiece input(segment_.data(), segment_.size());
    re2::StringPiece match;
    std::size_t pos = 0;
    while (pos < segment_.size() &&
           regex.Match(input, pos, segment_.size(), RE2::UNANCHORED, &match, 1)) {
      const std::size_t b = static_cast<std::size_t>(match.data() - segment_.data());
      const std::size_t e = b + match.size();
      if (e > b) spans.emplace_back(b, e);
      pos = e > b ? e : b + 1;
    }
    return spans;
  }
  static std::size_t Index(unsigned kind) {
    std::size_t i = 0;
    while ((1u << i) != kind) ++i;
    return i;
  }

  std::string_view segment_;
  unsigned done_ = 0;
  std::array<std::vector<std::pair<std::size_t, std::size_t>>, 6> spans_;
};

// The character next to a match inside its segment; nullopt at a line boundary.
std::optional<char32_t> CharBefore(std::string_view segment, std::size_t offset,
                                   std::string_view& bytes) {
  if (offset == 0) return std::nullopt;
  Decoded d = DecodeUtf8Before(segment, offset);
  bytes = segment.substr(offset - d.length, d.length);
  if (d.code_point == U'\n' || d.code_point == U'\r') return std::nullopt;
  return d.code_point;
}

std::optional<char32_t> CharAfter(std::string_view segment, std::size_t offset,
                                  std::string_view& bytes) {
  if (offset >= segment.size()) return std::nullopt;
  Decoded d = DecodeUtf8(segment, offset);
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
  std::size_t i = 0;
  while (i < tmpl.size()) {
    if (tmpl[i] == '{') {
      const std::size_t close = tmpl.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = tmpl.substr(i + 1, close - i - 1);
        if (name == "match") {
          out.append(groups[0].data(), groups[0].size());
        } else if (name == "replacement") {
          out.append(replacement);
        } else if (name.size() == 1 && name[0] >= '0' && name[0] <= '9') {
          const int n = name[0] - '0';
          if (n < count) out.append(groups[n].data(), groups[n].size());
        } else {
          out.append(tmpl.substr(i, close - i + 1));
        }
        i = close + 1;
        continue;
      }
    }
    out.push_back(tmpl[i++]);
  }
  return out;
}

struct Finding {
  std::size_t begin = 0, end = 0;
  std::string message;
  std::optional<std::string> replacement;
  std::string fix_title;
};

// Adds the findings of `rule_case` in `segment` (offsets relative to it) to `out`.
void MatchCase(const PackCase& rule_case, std::string_view segment, SkipSpans& skips,
               std::vector<Finding>& out) {
  const RE2& regex = *rule_case.regex;
  const int count = std::min(kMaxGroups, regex.NumberOfCapturingGroups() + 1);
  std::array<re2::StringPiece, kMaxGroups> groups;
  re2::StringPiece input(segment.data(), segment.size());
  std::size_t pos = 0;
  while (pos <= segment.size() &&
         regex.Match(input, pos, segment.size(), RE2::UNANCHORED, groups.data(), count)) {
    const std::size_t begin = static_cast<std::size_t>(groups[0].data() - segment.data());
    const std::size_t end = begin + groups[0].size();
    pos = end > begin ? end : begin + DecodeUtf8(segment, begin).length;
    if (end == begin) continue;  // the loader rejects patterns that match nothing
    std::string_view before_bytes, after_bytes;
    const std::optional<char32_t> before = CharBefore(segment, begin, before_bytes);
    const std::optional<char32_t> after = CharAfter(segment, end, after_bytes);
    if (!rule_case.before.empty() && !rule_case.before.Matches(before, before_bytes, true)) {
      continue;
    }
    if (!rule_case.after.empty() && !rule_case.after.Matches(after, after_bytes, false)) continue;
    if (!rule_case.not_before.empty() && rule_case.not_before.Matches(before, before_bytes, true)) {
      continue;
    }
    if (!rule_case.not_after.empty() && rule_case.not_after.Matches(after, after_bytes, false)) {
      continue;
    }
    if (!rule_case.near.empty() && !rule_case.near.Matches(before, before_bytes, true) &&
        !rule_case.near.Matches(after, after_bytes, false)) {
      continue;
    }
    if (rule_case.skip != 0 && skips.Covers(rule_case.skip, begin, end)) continue;
    Finding& finding = out.emplace_back();
    finding.begin = begin;
    finding.end = end;
    std::string replacement;
    if (rule_case.replacement) {
      replacement = ExpandReplacement(*rule_case.replacement, groups.data(), count);
    }
    finding.message = FormatMessage(rule_case.message, groups.data(), count, replacement);
    if (rule_case.replacement) {
      finding.fix_title = FormatMessage(rule_case.fix_title, groups.data(), count, replacement);
      finding.replacement = std::move(replacement);
    }
  }
}

// Runs the cases `case_indices` of `spec` on one segment and reports the findings, the
// earliest first; of overlapping findings of one rule only the first is kept.
template <typename Report>
void CheckSegment(const PackRuleSpec& spec, const std::vector<std::size_t>& case_indices,
                  std::string_view text, ByteRange segment_range, Report report) {
  const std::string_view segment = text.substr(segment_range.begin, segment_range.size());
  SkipSpans skips(segment);
  std::vector<Finding> findings;
  for (std::size_t index : case_indices) MatchCase(spec.cases[index], segment, skips, findings);
  if (findings.empty()) return;
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) { return a.begin < b.begin; });
  std::size_t last_end = 0;
  bool any = false;
  for (Finding& finding : findings) {
    if (any && finding.begin < last_end) continue;
    any = true;
    last_end = finding.end;
    const ByteRange range{segment_range.begin + finding.begin, segment_range.begin + finding.end};
    if (finding.replacement) {
      report(range, std::move(finding.message), spec.applicability, std::move(finding.fix_title),
             std::move(*finding.replacement));
    } else {
      report(range, std::move(finding.message));
    }
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

  void operator()(ByteRange range, std::string message) {
    Retag(sink.Report(range, std::move(message)));
  }
  void operator()(ByteRange range, std::string message, Applicability applicability,
                  std::string fix_title, std::string replacement) {
    Retag(sink.ReportWithFix(range, std::move(message), applicability, std::move(fix_title),
                             std::move(replacement)));
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

void CheckPackRule(const PackRuleSpec& spec, const Document& document, DiagnosticSink& sink) {
  std::vector<std::size_t> all(spec.cases.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  const std::string_view text = document.text();
  ForEachProseSegment(document, [&](ByteRange segment) {
    CheckSegment(spec, all, text, segment, SinkReporter{sink});
  });
}

void PackRule::Check(const Document& document, DiagnosticSink& sink) const {
  CheckPackRule(*spec_, document, sink);
}

PackGroupRule::PackGroupRule(std::vector<Member> members) : members_(std::move(members)) {
  meta_.id = "rule-packs";
  meta_.group = RuleGroup::kTypography;
  meta_.summary = "The rules of the loaded rule packs, run in one pass";
  RE2::Options options;
  options.set_log_errors(false);
  set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (std::size_t m = 0; m < members_.size(); ++m) {
    const PackRuleSpec& spec = *members_[m].spec;
    for (std::size_t c = 0; c < spec.cases.size(); ++c) {
      std::string error;
      if (set_->Add(spec.cases[c].pattern, &error) < 0) {
        throw std::logic_error(spec.meta.id + ": pattern does not compile in a set: " + error);
      }
      set_index_.emplace_back(m, c);
    }
  }
  if (!set_->Compile()) throw std::logic_error("rule packs: RE2::Set does not compile");
}

void PackGroupRule::Check(const Document& document, DiagnosticSink& sink) const {
  const std::string_view text = document.text();
  std::vector<int> hits;
  std::vector<std::vector<std::size_t>> cases(members_.size());
  ForEachProseSegment(document, [&](ByteRange segment) {
    hits.clear();
    const re2::StringPiece input(text.data() + segment.begin, segment.size());
    if (!set_->Match(input, &hits)) return;
    std::sort(hits.begin(), hits.end());  // members and their cases in order
    for (auto& list : cases) list.clear();
    for (int hit : hits) {
      const auto& [member, rule_case] = set_index_[static_cast<std::size_t>(hit)];
      cases[member].push_back(rule_case);
    }
    for (std::size_t m = 0; m < members_.size(); ++m) {
      if (cases[m].empty()) continue;
      const Member& member = members_[m];
      CheckSegment(*member.spec, cases[m], text, segment,
                   SinkReporter{sink, &member.spec->meta, member.severity});
    }
  });
}

}  // namespace ocrlint
