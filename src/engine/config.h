#ifndef OCRLINT_ENGINE_CONFIG_H_
#define OCRLINT_ENGINE_CONFIG_H_

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/severity.h"
#include "engine/catalog.h"
#include "engine/rule_options.h"

namespace ocrlint {

// The settings of one rule: `[rules.<id>]` with an optional `severity` and its options.
// `severity = "off"` is not stored here: ParseConfig adds the id to the table's `ignore`.
struct RuleSettings {
  std::optional<Severity> severity;
  RuleOptions options;
  std::string source;  // "path:line" of the [rules.<id>] table, for messages
};

// Rule selection, shared by the top level and by overrides. Selectors are rule ids,
// group names (hygiene, typography, structure, script) or "all".
struct Selection {
  std::optional<std::vector<std::string>> select;  // replaces the default set when given
  std::vector<std::string> extend_select;          // added to the set
  std::vector<std::string> ignore;                 // removed from the set
  std::map<std::string, RuleSettings> rules;       // keyed by rule id
  std::string source;                              // "path:line" of the table, for messages
  // "path:line" of each selector list, so that an unknown selector names its own line.
  std::string select_source;
  std::string extend_select_source;
  std::string ignore_source;
};

// `[[overrides]]`: a Selection applied to files matching any of `files`.
struct Override {
  std::vector<std::string> files;  // globs, relative to the config file's folder
  Selection selection;
};

// One ocrlint.toml.
//
//   select = ["hygiene", "typography"]      # default: every rule enabled by default
//   extend-select = ["cjk-latin-spacing"]
//   ignore = ["trailing-space"]
//   include = ["*.txt", "*.md", "*.markdown"]
//   exclude = ["archive/**"]
//   rule-packs = ["house-style.toml"]
//   [rules.stray-space]
//   severity = "error"
//   [[overrides]]
//   files = ["letters/**"]
//   ignore = ["page-furniture"]
struct Config {
  std::filesystem::path path;  // the file; empty for the built-in defaults
  std::filesystem::path root;  // its folder: globs are relative to it
  Selection selection;
  std::vector<std::string> include = {"*.txt", "*.md", "*.markdown"};
  std::vector<std::string> exclude;
  std::vector<std::string> rule_packs;
  std::vector<Override> overrides;
};

// Parses ocrlint.toml text. Throws ConfigError ("path:line:col: message") on a syntax
// error, an unknown key, or a value of the wrong type. Rule ids and option values are
// checked later, against the catalog, by ConfigResolver.
Config ParseConfig(std::string_view toml_text, const std::filesystem::path& path);
Config LoadConfig(const std::filesystem::path& path);  // also throws for I/O errors

// Glob matching on '/'-separated relative paths: `*` and `?` do not cross '/', `**`
// matches any number of folders, `[...]` classes. A pattern without '/' matches the file
// name at any depth (like .gitignore).
bool GlobMatch(std::string_view pattern, std::string_view path);

// Command-line settings that win over every config file.
struct CommandLineSelection {
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
};

// Finds the config of each file (walking up from its folder to the first ocrlint.toml,
// or the one given with --config) and turns config + overrides + command line into the
// RuleSet for that file. Thread-safe; configs and rule sets are cached, so files that
// share settings share one RuleSet.
class ConfigResolver {
 public:
  ConfigResolver(const RuleCatalog& catalog, std::optional<std::filesystem::path> explicit_config,
                 CommandLineSelection command_line);

  // The config that applies to `file` (the built-in defaults when none is found).
  // Throws ConfigError.
  std::shared_ptr<const Config> ConfigFor(const std::filesystem::path& file);
  // The rules to run on `file`. Throws ConfigError (unknown rule, bad option).
  std::shared_ptr<const RuleSet> RulesFor(const std::filesystem::path& file);

 private:
  // Both expect mutex_ to be held.
  std::shared_ptr<const Config> Load(const std::filesystem::path& config_path);
  std::shared_ptr<const Config> Defaults();

  const RuleCatalog& catalog_;
  std::optional<std::filesystem::path> explicit_config_;
  CommandLineSelection command_line_;
  std::mutex mutex_;
  std::map<std::filesystem::path, std::shared_ptr<const Config>> by_dir_;   // folder -> config
  std::map<std::filesystem::path, std::shared_ptr<const Config>> by_file_;  // config path -> it
  std::map<std::string, std::shared_ptr<const RuleSet>> rule_sets_;  // keyed by config + overrides
};

}  // namespace ocrlint

#endif  // OCRLINT_ENGINE_CONFIG_H_
