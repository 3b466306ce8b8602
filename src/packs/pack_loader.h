#ifndef OCRLINT_PACKS_PACK_LOADER_H_
#define OCRLINT_PACKS_PACK_LOADER_H_

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "packs/pack_rule.h"

namespace ocrlint {

// Parses a rule pack (TOML, format in README "Rule packs") and checks every rule: unknown
// keys, bad values, patterns that do not compile, and bad or good examples that fail are
// a ConfigError "file:line:col: rule <id>: problem".
std::vector<std::shared_ptr<const PackRuleSpec>> ParsePack(std::string_view toml_text,
                                                           const std::string& file_name);
// Reads and parses a pack file; also throws ConfigError for I/O errors.
std::vector<std::shared_ptr<const PackRuleSpec>> LoadPackFile(const std::filesystem::path& path);

// Runs the examples of `spec`; returns a description of the first failure, or "".
std::string CheckPackExamples(const PackRuleSpec& spec);

}  // namespace ocrlint

#endif  // OCRLINT_PACKS_PACK_LOADER_H_
