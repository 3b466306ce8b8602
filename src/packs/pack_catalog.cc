#include "packs/pack_catalog.h"

#include <string>
#include <utility>

#include "packs/embedded_packs.h"
#include "packs/pack_loader.h"

namespace ocrlint {
namespace {

// Replaces the pack rules of `rule_set` by one rule that runs them in one pass. Each keeps
// its own meta and configured severity: findings are still reported, selected, suppressed
// and documented per rule id.
void FusePackRules(RuleSet& rule_set) {
  std::vector<PackGroupRule::Member> members;
  std::vector<ConfiguredRule> others;
  for (ConfiguredRule& configured : rule_set.rules) {
    if (const auto* pack = dynamic_cast<const PackRule*>(configured.rule.get())) {
      members.push_back({pack->spec(), configured.severity});
    } else {
      others.push_back(std::move(configured));
    }
  }
  if (!members.empty()) {
    others.push_back(ConfiguredRule{std::make_shared<const PackGroupRule>(std::move(members)),
                                    Severity::kWarning});
  }
  rule_set.rules = std::move(others);
}

}  // namespace

void AddPackRules(RuleCatalog& catalog,
                  const std::vector<std::shared_ptr<const PackRuleSpec>>& rules) {
  for (const auto& spec : rules) {
    catalog.Add([spec](RuleOptions& options) -> std::unique_ptr<Rule> {
      (void)options;  // pack rules have no options; unknown ones fail in CheckAllUsed()
      return std::make_unique<PackRule>(spec);
    });
  }
  catalog.SetFuser(&FusePackRules);
}

RuleCatalog DefaultCatalog(std::span<const std::filesystem::path> user_packs) {
  RuleCatalog catalog = RuleCatalog::Builtin();
  for (const EmbeddedPack& pack : EmbeddedPacks()) {
    AddPackRules(catalog, ParsePack(pack.toml, "rules/" + std::string(pack.file_name)));
  }
  for (const std::filesystem::path& path : user_packs) {
    AddPackRules(catalog, LoadPackFile(path));
  }
  return catalog;
}

}  // namespace ocrlint
