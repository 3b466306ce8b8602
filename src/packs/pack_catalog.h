#ifndef OCRLINT_PACKS_PACK_CATALOG_H_
#define OCRLINT_PACKS_PACK_CATALOG_H_

#include <filesystem>
#include <memory>
#include <span>
#include <vector>

#include "engine/catalog.h"
#include "packs/pack_rule.h"

namespace ocrlint {

// Adds the rules of a pack to `catalog` (throws ConfigError for a taken id) and makes the
// catalog fuse the pack rules of every RuleSet into one PackGroupRule (one shared pass).
void AddPackRules(RuleCatalog& catalog,
                  const std::vector<std::shared_ptr<const PackRuleSpec>>& rules);

// The catalog of a run: the built-in rules, the default packs compiled into the binary,
// and the user's packs (`rule-packs` in ocrlint.toml, already resolved to paths). Throws
// ConfigError for a bad pack.
RuleCatalog DefaultCatalog(std::span<const std::filesystem::path> user_packs = {});

}  // namespace ocrlint

#endif  // OCRLINT_PACKS_PACK_CATALOG_H_
