#ifndef OCRLINT_PACKS_PACK_RULE_H_
#define OCRLINT_PACKS_PACK_RULE_H_

#include <array>
#include <bitset>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "core/diagnostic.h"
#include "core/document.h"
#include "core/rule_meta.h"
#include "engine/rule.h"

namespace ocrlint {

// A set of characters a neighbour of a match must (or must not) belong to: named classes
// ("cjk", "digit", "line-start", ...) and explicit RE2 classes ("[“‘(]"), any of which
// may match.
class CharCondition {
 public:
  CharCondition() = default;
  // Throws std::invalid_argument naming the bad entry.
  explicit CharCondition(const std::vector<std::string>& entries);

  bool empty() const { return mask_ == 0 && classes_.empty(); }
  // `c` is the neighbouring character, or nullopt at a line start or end (the side is
  // given by the caller: line-start only counts before a match, line-end only after it).
  bool Matches(std::optional<char32_t> c, std::string_view bytes, bool before) const;

 private:
  unsigned mask_ = 0;
  std::vector<std::shared_ptr<const RE2>> classes_;
};

// Kinds of text a pack rule never reports inside.
enum SkipKind : unsigned {
  kSkipNumber = 1,
  kSkipUrl = 2,
  kSkipEmail = 4,
  kSkipPath = 8,
  kSkipCode = 16,
  kSkipLatinSentence = 32,
};

// One `pattern` with its context conditions and replacement. A rule has one case (the
// fields at the top of its table) or several (`[[rule.case]]`).
struct PackCase {
  std::string pattern;
  std::shared_ptr<const RE2> regex;
  // From RE2::PossibleMatchRange: every match starts with `prefix` (the common prefix of
  // the smallest and largest possible match), so a position without it is rejected
  // without calling RE2; a pattern with no groups whose only possible match is `prefix`
  // is a `literal` and never calls RE2 at all. The bytes a match can start with are
  // [first_min, first_max].
  std::string prefix;
  bool literal = false;
  unsigned char first_min = 0, first_max = 0xFF;
  CharCondition before, after, near, not_before, not_after;
  unsigned skip = 0;  // SkipKind bits
  std::string message;
  std::optional<std::string> replacement;  // $0-$9 and $$
  std::string fix_title;
  // For a `literal` case every finding has the same message, fix title and replacement:
  // formatted once by PrepareLiteralReport, not once per finding.
  struct LiteralReport {
    std::string message;
    std::string fix_title;
    std::optional<std::string> replacement;
  };
  std::optional<LiteralReport> literal_report;
};

// Fills `rule_case.literal_report` when the case is a literal (after every other field).
void PrepareLiteralReport(PackCase& rule_case);

// A declarative rule from a pack: its metadata and its cases.
struct PackRuleSpec {
  RuleMeta meta;
  std::string file;  // "rules/typography.toml:12", for messages
  std::vector<PackCase> cases;
  // "(?:case 1)|(?:case 2)|...": the rule's pattern in the RE2::Set prefilter.
  std::shared_ptr<const RE2> any_case;
  Applicability applicability = Applicability::kSafe;
};

// Findings of one pack rule, appended through its sink, found by RE2's unanchored search
// (the reference the byte scan of PackScanner is tested against).
void CheckPackRule(const PackRuleSpec& spec, const Document& document, DiagnosticSink& sink);

// The bytes a match of `spec` may start with (each case's literal prefix, or the range of
// its possible first bytes); nullopt when a match may start with a common Han character or
// an arbitrary byte, where a byte scan would stop everywhere.
std::optional<std::bitset<256>> StartBytes(const PackRuleSpec& spec);

// Runs pack rules over the prose of a document in one pass. Rules whose matches start with
// a few known bytes (ASCII punctuation, a dash, an ellipsis: every built-in rule) share one
// scan of the bytes, and their cases are tried, anchored, only at those bytes: no RE2 call
// where nothing can match, and none to find the next candidate after a finding. The other
// rules go into one RE2::Set matched once per segment; only the rules it reports search
// that segment with their own RE2.
class PackScanner {
 public:
  struct Member {
    std::shared_ptr<const PackRuleSpec> spec;
    Severity severity;
    bool retag;  // report under the member's meta and severity (not the sink's)
  };
  explicit PackScanner(std::vector<Member> members);
  void Check(const Document& document, DiagnosticSink& sink) const;

 private:
  // Up to this many distinct non-ASCII start bytes are found with vector compares (with
  // every ASCII byte when an ASCII byte may start a match); more, byte by byte.
  static constexpr std::size_t kMaxLeadBytes = 4;

  void PrepareVectorScan();
  // Calls `visit(pos)` at every offset of `segment`, ascending, whose byte may start a
  // match of a scanned member.
  template <typename Visit>
  void ForEachStart(std::string_view segment, Visit visit) const;

  std::vector<Member> members_;
  std::array<std::vector<std::uint32_t>, 256> by_start_byte_;  // scanned members by first byte
  bool vector_scan_ = false;
  bool ascii_starts_ = false;              // an ASCII byte may start a match
  std::vector<unsigned char> lead_bytes_;  // the non-ASCII start bytes
  std::vector<std::uint32_t> searched_;    // members in the Set, in Set order
  std::unique_ptr<RE2::Set> set_;
};

// One rule of a pack in the catalog, selectable and configurable by its own id. Checked on
// its own (e.g. by the examples test) it scans the prose itself; in a RuleSet built by the
// catalog, all pack rules are fused into one PackGroupRule that shares the scan.
class PackRule : public Rule {
 public:
  explicit PackRule(std::shared_ptr<const PackRuleSpec> spec);
  const RuleMeta& meta() const override { return spec_->meta; }
  void Check(const Document& document, DiagnosticSink& sink) const override;
  const std::shared_ptr<const PackRuleSpec>& spec() const { return spec_; }

 private:
  std::shared_ptr<const PackRuleSpec> spec_;
  PackScanner scanner_;
};

// The enabled pack rules of one RuleSet, run in one pass (PackScanner). Reports each
// finding under its own rule's meta and configured severity.
class PackGroupRule : public Rule {
 public:
  struct Member {
    std::shared_ptr<const PackRuleSpec> spec;
    Severity severity;
  };
  explicit PackGroupRule(std::vector<Member> members);
  const RuleMeta& meta() const override { return meta_; }
  void Check(const Document& document, DiagnosticSink& sink) const override;

 private:
  RuleMeta meta_;
  PackScanner scanner_;
};

}  // namespace ocrlint

#endif  // OCRLINT_PACKS_PACK_RULE_H_
