#include "engine/catalog.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>
#include <utility>

#include "core/rule_meta.h"
#include "engine/registry.h"

namespace ocrlint {
namespace {

constexpr std::array kGroups = {RuleGroup::kHygiene, RuleGroup::kTypography, RuleGroup::kStructure,
                                RuleGroup::kScript};
constexpr std::size_t kMaxSuggestionDistance = 2;

// Optimal string alignment distance: like Levenshtein, plus a swap of two neighbours
// counts as one edit ("min-perdio"), the most common typo in an id.
std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

void AppendUnique(std::vector<std::string>& ids, std::string_view id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.emplace_back(id);
}

}  // namespace

RuleCatalog RuleCatalog::Builtin() {
  RuleCatalog catalog;
  for (const BuiltinRule& builtin : BuiltinRules()) {
    catalog.Add(builtin.factory);
    if (catalog.IndexOf(builtin.id) == std::string_view::npos) {
      throw std::logic_error("BuiltinRules(): the rule listed as \"" + std::string(builtin.id) +
                             "\" has a different id");
    }
  }
  return catalog;
}

void RuleCatalog::Add(Factory factory) {
  RuleOptions no_options;
  std::shared_ptr<const Rule> rule = factory(no_options);
  const std::string& id = rule->meta().id;
  auto it =
      std::lower_bound(defaults_.begin(), defaults_.end(), id,
                       [](const auto& r, const std::string& key) { return r->meta().id < key; });
  if (it != defaults_.end() && (*it)->meta().id == id) {
    throw ConfigError("duplicate rule id \"" + id + "\"");
  }
  auto index = it - defaults_.begin();
  defaults_.insert(it, std::move(rule));
  factories_.insert(factories_.begin() + index, std::move(factory));
}

std::size_t RuleCatalog::IndexOf(std::string_view id) const {
  auto it =
      std::lower_bound(defaults_.begin(), defaults_.end(), id,
                       [](const auto& r, std::string_view key) { return r->meta().id < key; });
  if (it == defaults_.end() || (*it)->meta().id != id) return std::string_view::npos;
  return static_cast<std::size_t>(it - defaults_.begin());
}

const Rule* RuleCatalog::Find(std::string_view id) const {
  std::size_t index = IndexOf(id);
  return index == std::string_view::npos ? nullptr : defaults_[index].get();
}

std::shared_ptr<const Rule> RuleCatalog::Instantiate(std::string_view id,
                                                     RuleOptions& options) const {
  std::size_t index = IndexOf(id);
  if (index == std::string_view::npos) {
    throw ConfigError("unknown rule \"" + std::string(id) + "\"");
  }
  if (options.empty()) return defaults_[index];
  std::shared_ptr<const Rule> rule = factories_[index](options);
  options.CheckAllUsed();
  return rule;
}

std::vector<std::string> RuleCatalog::Expand(std::span<const std::string> selectors,
                                             std::string_view context) const {
  std::vector<std::string> ids;
  for (const std::string& selector : selectors) {
    if (selector == "all") {
      for (const auto& rule : defaults_) AppendUnique(ids, rule->meta().id);
    } else if (std::optional<RuleGroup> group = ParseRuleGroup(selector)) {
      for (const auto& rule : defaults_) {
        if (rule->meta().group == *group) AppendUnique(ids, rule->meta().id);
      }
    } else if (Find(selector) != nullptr) {
      AppendUnique(ids, selector);
    } else {
      std::string message = std::string(context) + ": unknown rule or group \"" + selector + "\"";
      if (std::optional<std::string> suggestion = Suggest(selector)) {
        message += " (did you mean \"" + *suggestion + "\"?)";
      }
      throw ConfigError(message);
    }
  }
  return ids;
}

std::optional<std::string> RuleCatalog::Suggest(std::string_view name) const {
  std::optional<std::string> best;
  std::size_t best_distance = kMaxSuggestionDistance + 1;
  auto consider = [&](std::string_view candidate) {
    std::size_t distance = EditDistance(name, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = std::string(candidate);
    }
  };
  for (const auto& rule : defaults_) consider(rule->meta().id);
  for (RuleGroup group : kGroups) consider(ToString(group));
  return best;
}

}  // namespace ocrlint
