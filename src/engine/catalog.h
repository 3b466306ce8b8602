#ifndef OCRLINT_ENGINE_CATALOG_H_
#define OCRLINT_ENGINE_CATALOG_H_

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/severity.h"
#include "engine/rule.h"

namespace ocrlint {

struct RuleSet;

// Every rule ocrlint knows in this run (built-in rules, later also loaded rule packs),
// each built once with default options. Immutable after construction; shared by threads.
class RuleCatalog {
 public:
  using Factory = std::function<std::unique_ptr<Rule>(RuleOptions&)>;

  // The built-in rules of BuiltinRules().
  static RuleCatalog Builtin();

  // Adds a rule; throws ConfigError when its id is taken. Keeps the catalog sorted by id.
  void Add(Factory factory);

  // Sorted by id.
  std::span<const std::shared_ptr<const Rule>> rules() const { return defaults_; }
  const Rule* Find(std::string_view id) const;
  // The default-options instance when `options` is empty, else a new instance. Throws
  // ConfigError for bad or unknown options.
  std::shared_ptr<const Rule> Instantiate(std::string_view id, RuleOptions& options) const;

  // Expands selectors (rule ids, group names, or "all") into rule ids. Throws ConfigError
  // naming an unknown selector (with `context`, e.g. "--select" or "ocrlint.toml:3").
  std::vector<std::string> Expand(std::span<const std::string> selectors,
                                  std::string_view context) const;

  // Called on every RuleSet built from this catalog, so that rules sharing one pass over
  // a document (the rule packs, see packs/pack_catalog.h) can be fused into one rule.
  using Fuser = std::function<void(RuleSet&)>;
  void SetFuser(Fuser fuser) { fuser_ = std::move(fuser); }
  void Fuse(RuleSet& rule_set) const {
    if (fuser_) fuser_(rule_set);
  }

  // The rule id or group name closest to a misspelt `name` (edit distance at most 2), for
  // "did you mean" hints; nullopt when nothing is that close.
  std::optional<std::string> Suggest(std::string_view name) const;

 private:
  // Index of `id` in defaults_, or npos.
  std::size_t IndexOf(std::string_view id) const;

  std::vector<std::shared_ptr<const Rule>> defaults_;
  std::vector<Factory> factories_;  // parallel to defaults_
  Fuser fuser_;
};

// A rule enabled for some files, with its configured severity and options.
struct ConfiguredRule {
  std::shared_ptr<const Rule> rule;
  Severity severity = Severity::kWarning;
};

// The rules to run on one file, sorted by id. Immutable, shared across threads.
struct RuleSet {
  std::vector<ConfiguredRule> rules;
};

}  // namespace ocrlint

#endif  // OCRLINT_ENGINE_CATALOG_H_
