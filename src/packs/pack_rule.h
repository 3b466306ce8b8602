#ifndef OCRLINT_PACKS_PACK_RULE_H_
#define OCRLINT_PACKS_PACK_RULE_H_

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
};

// A declarative rule from a pack: its metadata and its cases.
struct PackRuleSpec {
  RuleMeta meta;
  std::string file;  // "rules/typography.toml:12", for messages
  std::vector<PackCase> cases;
  // "(?:case 1)|(?:case 2)|...": the rule's pattern in the RE2::Set prefilter.
  std::shared_ptr<const RE2> any_case;
  Applicability applicability = Applicability::kSafe;
};

// Findings of one pack rule, appended through its sink.
void CheckPackRule(const PackRuleSpec& spec, const Document& document, DiagnosticSink& sink);

// One rule of a pack in the catalog, selectable and configurable by its own id. Checked on
// its own (e.g. by the examples test) it scans the prose itself; in a RuleSet built by the
// catalog, all pack rules are fused into one PackGroupRule that shares the scan.
class PackRule : public Rule {
 public:
  explicit PackRule(std::shared_ptr<const PackRuleSpec> spec) : spec_(std::move(spec)) {}
  const RuleMeta& meta() const override { return spec_->meta; }
  void Check(const Document& document, DiagnosticSink& sink) const override;
  const std::shared_ptr<const PackRuleSpec>& spec() const { return spec_; }

 private:
  std::shared_ptr<const PackRuleSpec> spec_;
};

// The enabled pack rules of one RuleSet, run in one pass: the patterns of all rules go
// into one RE2::Set, matched once per prose segment; only the rules whose patterns occur
// in a segment then search it with their own RE2. Reports each finding under its own rule's
// meta and configured severity.
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
  std::vector<Member> members_;  // the Set's pattern i is members_[i].spec->any_case
  std::unique_ptr<RE2::Set> set_;
};

}  // namespace ocrlint

#endif  // OCRLINT_PACKS_PACK_RULE_H_
