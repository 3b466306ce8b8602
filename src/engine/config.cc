#include "engine/config.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>

#include <toml++/toml.h>

namespace ocrlint {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kConfigFileName = "ocrlint.toml";
constexpr std::array<std::string_view, 8> kTopLevelKeys = {
    "select", "extend-select", "ignore", "include", "exclude", "rule-packs", "rules", "overrides"};
constexpr std::array<std::string_view, 5> kOverrideKeys = {"files", "select", "extend-select",
                                                           "ignore", "rules"};

// Turns toml++ nodes into Config fields, naming "path:line:col" in every error.
class Parser {
 public:
  explicit Parser(std::string path) : path_(std::move(path)) {}

  Config Parse(const toml::table& root) {
    Config config;
    config.selection.source = path_;
    for (auto&& [key, node] : root) {
      const std::string_view name = key.str();
      if (name == "include") {
        config.include = StringList(key, node);
      } else if (name == "exclude") {
        config.exclude = StringList(key, node);
      } else if (name == "rule-packs") {
        config.rule_packs = StringList(key, node);
      } else if (name == "overrides") {
        config.overrides = Overrides(key, node);
      } else if (!SelectionKey(key, node, config.selection)) {
        UnknownKey(key, kTopLevelKeys);
      }
    }
    return config;
  }

 private:
  std::string Line(const toml::source_region& source) const {
    return path_ + ":" + std::to_string(source.begin.line);
  }
  std::string At(const toml::key& key) const {
    return Line(key.source()) + ":" + std::to_string(key.source().begin.column);
  }

  [[noreturn]] void Fail(const toml::key& key, std::string_view problem) const {
    throw ConfigError(At(key) + ": " + std::string(problem));
  }

  template <std::size_t N>
  [[noreturn]] void UnknownKey(const toml::key& key,
                               const std::array<std::string_view, N>& expected) const {
    std::string problem = "unknown key \"" + std::string(key.str()) + "\" (expected one of: ";
    for (std::size_t i = 0; i < N; ++i) {
      if (i > 0) problem += ", ";
      problem += expected[i];
    }
    Fail(key, problem + ")");
  }

  std::vector<std::string> StringList(const toml::key& key, const toml::node& node) const {
    std::optional<std::vector<std::string>> list = AsStringList(node);
    if (!list) Fail(key, "\"" + std::string(key.str()) + "\" must be an array of strings");
    return *std::move(list);
  }

  static std::optional<std::vector<std::string>> AsStringList(const toml::node& node) {
    const toml::array* array = node.as_array();
    if (array == nullptr) return std::nullopt;
    std::vector<std::string> list;
    for (const toml::node& element : *array) {
      const auto* text = element.as_string();
      if (text == nullptr) return std::nullopt;
      list.push_back(text->get());
    }
    return list;
  }

  // Handles the keys shared by the top level and [[overrides]]; false for any other key.
  bool SelectionKey(const toml::key& key, const toml::node& node, Selection& selection) {
    const std::string_view name = key.str();
    if (name == "select") {
      selection.select = StringList(key, node);
      selection.select_source = Line(key.source());
    } else if (name == "extend-select") {
      std::vector<std::string> list = StringList(key, node);
      selection.extend_select.insert(selection.extend_select.end(), list.begin(), list.end());
      selection.extend_select_source = Line(key.source());
    } else if (name == "ignore") {
      std::vector<std::string> list = StringList(key, node);
      selection.ignore.insert(selection.ignore.end(), list.begin(), list.end());
      selection.ignore_source = Line(key.source());
    } else if (name == "rules") {
      Rules(key, node, selection);
    } else {
      return false;
    }
    return true;
  }

  void Rules(const toml::key& key, const toml::node& node, Selection& selection) {
    const toml::table* rules = node.as_table();
    if (rules == nullptr) Fail(key, "\"rules\" must be a table");
    for (auto&& [id, settings] : *rules) {
      const toml::table* table = settings.as_table();
      if (table == nullptr) {
        Fail(id, "\"rules." + std::string(id.str()) + "\" must be a table");
      }
      RuleSettings& rule = selection.rules[std::string(id.str())];
      rule.source = Line(id.source());
      std::map<std::string, OptionValue> options;
      for (auto&& [option, value] : *table) {
        if (option.str() == "severity") {
          ParseSeverityKey(option, value, std::string(id.str()), selection, rule);
        } else {
          options[std::string(option.str())] = Option(option, value, id.str());
        }
      }
      rule.options = RuleOptions(std::string(id.str()), std::move(options));
    }
  }

  void ParseSeverityKey(const toml::key& key, const toml::node& node, const std::string& id,
                        Selection& selection, RuleSettings& rule) {
    const auto* text = node.as_string();
    if (text != nullptr && text->get() == "off") {
      selection.ignore.push_back(id);
      if (selection.ignore_source.empty()) selection.ignore_source = Line(key.source());
      return;
    }
    std::optional<Severity> severity;
    if (text != nullptr) severity = ParseSeverity(text->get());
    if (!severity) {
      Fail(key, "\"severity\" must be \"info\", \"warning\", \"error\" or \"off\"" +
                    (text != nullptr ? ", got \"" + text->get() + "\"" : std::string()));
    }
    rule.severity = severity;
  }

  OptionValue Option(const toml::key& key, const toml::node& node, std::string_view id) const {
    OptionValue option;
    option.source = Line(key.source());
    if (const auto* value = node.as_boolean()) {
      option.value = value->get();
    } else if (const auto* value = node.as_integer()) {
      option.value = value->get();
    } else if (const auto* value = node.as_floating_point()) {
      option.value = value->get();
    } else if (const auto* value = node.as_string()) {
      option.value = value->get();
    } else if (std::optional<std::vector<std::string>> list = AsStringList(node)) {
      option.value = *std::move(list);
    } else {
      Fail(key, "option \"" + std::string(key.str()) + "\" of rule " + std::string(id) +
                    " must be a bool, an integer, a float, a string or an array of strings");
    }
    return option;
  }

  std::vector<Override> Overrides(const toml::key& key, const toml::node& node) {
    const toml::array* array = node.as_array();
    if (array == nullptr || !array->is_array_of_tables()) {
      Fail(key, "\"overrides\" must be an array of tables");
    }
    std::vector<Override> overrides;
    for (const toml::node& element : *array) {
      overrides.push_back(OneOverride(key, *element.as_table()));
    }
    return overrides;
  }

  Override OneOverride(const toml::key& overrides_key, const toml::table& table) {
    Override result;
    const toml::source_region& where =
        table.source().begin.line > 0 ? table.source() : overrides_key.source();
    result.selection.source = Line(where);
    bool has_files = false;
    for (auto&& [key, node] : table) {
      if (key.str() == "files") {
        result.files = StringList(key, node);
        has_files = true;
      } else if (!SelectionKey(key, node, result.selection)) {
        UnknownKey(key, kOverrideKeys);
      }
    }
    if (!has_files) {
      throw ConfigError(Line(where) + ":" + std::to_string(where.begin.column) +
                        ": an [[overrides]] table needs \"files\"");
    }
    return result;
  }

  std::string path_;
};

// The path of `file` relative to the config's folder, '/'-separated, for globs. A file
// outside that folder (possible with --config) is matched by its name alone.
std::string RelativeToRoot(const fs::path& file, const Config& config) {
  fs::path absolute = fs::absolute(file).lexically_normal();
  fs::path relative = absolute.lexically_relative(config.root.lexically_normal());
  if (relative.empty() || *relative.begin() == "..") relative = absolute.filename();
  return relative.generic_string();
}

// The rules and settings of one file while the selections are applied in order.
struct EffectiveSelection {
  std::set<std::string> enabled;
  std::map<std::string, std::optional<Severity>> severity;
  std::map<std::string, std::map<std::string, OptionValue>> options;
};

std::string ContextOf(const std::string& key_source, const Selection& selection) {
  return key_source.empty() ? selection.source : key_source;
}

void Select(const RuleCatalog& catalog, const std::optional<std::vector<std::string>>& select,
            const std::vector<std::string>& extend, const std::vector<std::string>& ignore,
            const std::array<std::string, 3>& contexts, EffectiveSelection& effective) {
  if (select) {
    std::vector<std::string> ids = catalog.Expand(*select, contexts[0]);
    effective.enabled = std::set<std::string>(ids.begin(), ids.end());
  }
  for (std::string& id : catalog.Expand(extend, contexts[1])) {
    effective.enabled.insert(std::move(id));
  }
  for (const std::string& id : catalog.Expand(ignore, contexts[2])) {
    effective.enabled.erase(id);
  }
}

void Apply(const RuleCatalog& catalog, const Selection& selection, EffectiveSelection& effective) {
  // Unknown ids first: a misspelt [rules.X] must not be hidden by a selector error.
  for (const auto& [id, settings] : selection.rules) {
    if (catalog.Find(id) != nullptr) continue;
    std::string message = ContextOf(settings.source, selection) + ": unknown rule \"" + id + "\"";
    if (std::optional<std::string> suggestion = catalog.Suggest(id)) {
      message += " (did you mean \"" + *suggestion + "\"?)";
    }
    throw ConfigError(message);
  }
  Select(catalog, selection.select, selection.extend_select, selection.ignore,
         {ContextOf(selection.select_source, selection),
          ContextOf(selection.extend_select_source, selection),
          ContextOf(selection.ignore_source, selection)},
         effective);
  for (const auto& [id, settings] : selection.rules) {
    if (settings.severity) effective.severity[id] = settings.severity;
    for (const auto& [key, value] : settings.options.values()) {
      effective.options[id][key] = value;
    }
  }
}

RuleSet BuildRuleSet(const RuleCatalog& catalog, const Config& config,
                     const std::vector<std::size_t>& overrides,
                     const CommandLineSelection& command_line) {
  EffectiveSelection effective;
  for (const auto& rule : catalog.rules()) {
    if (rule->meta().enabled_by_default) effective.enabled.insert(rule->meta().id);
  }
  Apply(catalog, config.selection, effective);
  for (std::size_t index : overrides) Apply(catalog, config.overrides[index].selection, effective);
  Select(catalog, command_line.select, command_line.extend_select, command_line.ignore,
         {"--select", "--extend-select", "--ignore"}, effective);

  RuleSet rule_set;
  for (const std::string& id : effective.enabled) {  // std::set: sorted by id
    RuleOptions options(id, effective.options[id]);
    std::shared_ptr<const Rule> rule = catalog.Instantiate(id, options);
    Severity severity = effective.severity[id].value_or(rule->meta().default_severity);
    rule_set.rules.push_back(ConfiguredRule{std::move(rule), severity});
  }
  catalog.Fuse(rule_set);
  return rule_set;
}

}  // namespace

Config ParseConfig(std::string_view toml_text, const fs::path& path) {
  const std::string name = path.string();
  toml::table root;
  try {
    root = toml::parse(toml_text, name);
  } catch (const toml::parse_error& error) {
    throw ConfigError(name + ":" + std::to_string(error.source().begin.line) + ":" +
                      std::to_string(error.source().begin.column) + ": " +
                      std::string(error.description()));
  }
  Config config = Parser(name).Parse(root);
  config.path = path;
  config.root = path.parent_path();
  return config;
}

Config LoadConfig(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path.string() + ": cannot read: " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw ConfigError(path.string() + ": cannot read: " + std::strerror(errno));
  return ParseConfig(text.str(), path);
}

ConfigResolver::ConfigResolver(const RuleCatalog& catalog, std::optional<fs::path> explicit_config,
                               CommandLineSelection command_line)
    : catalog_(catalog),
      explicit_config_(std::move(explicit_config)),
      command_line_(std::move(command_line)) {
  // Absolute, so that the config's root (its folder) does not depend on how it was named.
  if (explicit_config_) explicit_config_ = fs::absolute(*explicit_config_).lexically_normal();
}

std::shared_ptr<const Config> ConfigResolver::Load(const fs::path& config_path) {
  auto it = by_file_.find(config_path);
  if (it != by_file_.end()) return it->second;
  auto config = std::make_shared<const Config>(LoadConfig(config_path));
  by_file_.emplace(config_path, config);
  return config;
}

std::shared_ptr<const Config> ConfigResolver::Defaults() {
  // The empty path is never a config file, so it keys the built-in defaults.
  auto it = by_file_.find(fs::path());
  if (it != by_file_.end()) return it->second;
  auto config = std::make_shared<Config>();
  config->root = fs::current_path();
  by_file_.emplace(fs::path(), config);
  return config;
}

std::shared_ptr<const Config> ConfigResolver::ConfigFor(const fs::path& file) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (explicit_config_) return Load(*explicit_config_);

  std::vector<fs::path> visited;
  std::shared_ptr<const Config> found;
  for (fs::path dir = fs::absolute(file).lexically_normal().parent_path();;
       dir = dir.parent_path()) {
    if (auto it = by_dir_.find(dir); it != by_dir_.end()) {
      found = it->second;
      break;
    }
    visited.push_back(dir);
    std::error_code error;
    if (fs::is_regular_file(dir / kConfigFileName, error)) {
      found = Load(dir / kConfigFileName);
      break;
    }
    if (dir == dir.parent_path()) break;  // the filesystem root
  }
  if (found == nullptr) found = Defaults();
  for (const fs::path& dir : visited) by_dir_.emplace(dir, found);
  return found;
}

std::shared_ptr<const RuleSet> ConfigResolver::RulesFor(const fs::path& file) {
  std::shared_ptr<const Config> config = ConfigFor(file);
  const std::string relative = RelativeToRoot(file, *config);
  std::vector<std::size_t> matching;
  std::string key = config->path.string();
  for (std::size_t i = 0; i < config->overrides.size(); ++i) {
    const std::vector<std::string>& globs = config->overrides[i].files;
    if (std::any_of(globs.begin(), globs.end(),
                    [&](const std::string& glob) { return GlobMatch(glob, relative); })) {
      matching.push_back(i);
      key += '\0' + std::to_string(i);  // NUL never occurs in a path
    }
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = rule_sets_.find(key); it != rule_sets_.end()) return it->second;
  }
  // Built outside the lock (rules compile patterns); the first one stored wins.
  auto rule_set =
      std::make_shared<const RuleSet>(BuildRuleSet(catalog_, *config, matching, command_line_));
  std::lock_guard<std::mutex> lock(mutex_);
  return rule_sets_.try_emplace(key, std::move(rule_set)).first->second;
}

}  // namespace ocrlint
