#include "packs/pack_loader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>

#include <toml++/toml.h>

#include "engine/catalog.h"
#include "engine/linter.h"
#include "engine/rule_options.h"

namespace ocrlint {
namespace {

constexpr std::string_view kOpen = "\u27E6";
constexpr std::string_view kClose = "\u27E7";

const std::set<std::string_view> kRuleKeys = {
    "id",        "group",   "severity",    "enabled", "summary", "explanation", "applicability",
    "message",   "fix",     "pattern",     "before",  "after",   "near",        "not-before",
    "not-after", "skip-in", "replacement", "case",    "bad",     "good"};
const std::set<std::string_view> kCaseKeys = {"pattern",     "before",    "after",   "near",
                                              "not-before",  "not-after", "skip-in", "message",
                                              "replacement", "fix"};
const std::set<std::string_view> kExampleKeys = {"text", "fixed", "markdown"};

bool IsKebabCase(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && id[i - 1] == '-')) return false;
  }
  return true;
}

// Reads one pack, naming "file:line:col: rule <id>:" in every error.
class PackParser {
 public:
  explicit PackParser(std::string file) : file_(std::move(file)) {}

  std::vector<std::shared_ptr<const PackRuleSpec>> Parse(const toml::table& root) {
    std::vector<std::shared_ptr<const PackRuleSpec>> rules;
    for (const auto& [key, node] : root) {
      if (key.str() != "rule") Fail(key.source(), "unknown key \"" + std::string(key.str()) + "\"");
    }
    const toml::node* rule_node = root.get("rule");
    if (rule_node == nullptr) return rules;
    const toml::array* array = rule_node->as_array();
    if (array == nullptr || !array->is_array_of_tables()) {
      Fail(rule_node->source(), "\"rule\" must be an array of tables ([[rule]])");
    }
    std::set<std::string> ids;
    for (const toml::node& node : *array) {
      rule_id_.clear();
      auto spec = ParseRule(*node.as_table());
      if (!ids.insert(spec->meta.id).second) {
        Fail(node.source(), "duplicate rule id \"" + spec->meta.id + "\"");
      }
      rules.push_back(std::move(spec));
    }
    return rules;
  }

 private:
  [[noreturn]] void Fail(const toml::source_region& source, const std::string& problem) const {
    std::string message = file_ + ":" + std::to_string(source.begin.line) + ":" +
                          std::to_string(source.begin.column) + ": ";
    if (!rule_id_.empty()) message += "rule " + rule_id_ + ": ";
    throw ConfigError(message + problem);
  }

  void CheckKeys(const toml::table& table, const std::set<std::string_view>& allowed,
                 std::string_view what) const {
    for (const auto& [key, node] : table) {
      if (allowed.count(key.str()) == 0) {
        Fail(key.source(),
             "unknown key \"" + std::string(key.str()) + "\" in " + std::string(what));
      }
    }
  }

  std::optional<std::string> String(const toml::table& table, std::string_view key) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    const auto* value = node->as_string();
    if (value == nullptr) Fail(node->source(), "\"" + std::string(key) + "\" must be a string");
    return value->get();
  }

  std::string RequiredString(const toml::table& table, std::string_view key) const {
    std::optional<std::string> value = String(table, key);
    if (!value || value->empty()) {
      Fail(table.source(), "missing \"" + std::string(key) + "\"");
    }
    return *value;
  }

  std::optional<bool> Bool(const toml::table& table, std::string_view key) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    const auto* value = node->as_boolean();
    if (value == nullptr)
      Fail(node->source(), "\"" + std::string(key) + "\" must be true or false");
    return value->get();
  }

  // A string or an array of strings.
  std::vector<std::string> Strings(const toml::table& table, std::string_view key) const {
    std::vector<std::string> out;
    const toml::node* node = table.get(key);
    if (node == nullptr) return out;
    if (const auto* value = node->as_string()) {
      out.push_back(value->get());
      return out;
    }
    const toml::array* array = node->as_array();
    if (array == nullptr) {
      Fail(node->source(), "\"" + std::string(key) + "\" must be a string or a list of strings");
    }
    for (const toml::node& item : *array) {
      const auto* value = item.as_string();
      if (value == nullptr) Fail(item.source(), "\"" + std::string(key) + "\" lists a non-string");
      out.push_back(value->get());
    }
    return out;
  }

  CharCondition Condition(const toml::table& table, std::string_view key,
                          const CharCondition& inherited) const {
    if (table.get(key) == nullptr) return inherited;
    try {
      return CharCondition(Strings(table, key));
    } catch (const std::invalid_argument& error) {
      Fail(table.get(key)->source(), "\"" + std::string(key) + "\": " + error.what());
    }
  }

  unsigned Skip(const toml::table& table, unsigned inherited) const {
    if (table.get("skip-in") == nullptr) return inherited;
    static const std::pair<std::string_view, unsigned> kKinds[] = {
        {"number", kSkipNumber}, {"url", kSkipUrl},   {"email", kSkipEmail},
        {"path", kSkipPath},     {"code", kSkipCode}, {"latin-sentence", kSkipLatinSentence}};
    unsigned skip = 0;
    for (const std::string& kind : Strings(table, "skip-in")) {
      bool found = false;
      for (const auto& [name, bit] : kKinds) {
        if (kind == name) {
          skip |= bit;
          found = true;
        }
      }
      if (!found) {
        Fail(table.get("skip-in")->source(),
             "unknown skip-in kind \"" + kind +
                 "\" (expected number, url, email, path, code, latin-sentence)");
      }
    }
    return skip;
  }

  // A case from `table`; fields it does not set come from `defaults` (the rule's own).
  PackCase ParseCase(const toml::table& table, const PackCase& defaults) const {
    PackCase out;
    out.pattern = String(table, "pattern").value_or(defaults.pattern);
    if (out.pattern.empty()) Fail(table.source(), "missing \"pattern\"");
    RE2::Options options;
    options.set_log_errors(false);
    auto regex = std::make_shared<const RE2>(out.pattern, options);
    if (!regex->ok()) {
      const toml::node* node = table.get("pattern");
      Fail(node ? node->source() : table.source(),
           "pattern \"" + out.pattern + "\" does not compile: " + regex->error());
    }
    if (RE2::FullMatch("", *regex)) {
      Fail(table.source(), "pattern \"" + out.pattern + "\" matches the empty string");
    }
    constexpr int kRangeLength = 10;
    std::string min, max;
    if (regex->PossibleMatchRange(&min, &max, kRangeLength) && !min.empty() && !max.empty()) {
      out.first_min = static_cast<unsigned char>(min[0]);
      out.first_max = static_cast<unsigned char>(max[0]);
      std::size_t common = 0;
      while (common < min.size() && common < max.size() && min[common] == max[common]) ++common;
      out.prefix = min.substr(0, common);
      out.literal = min == max && min.size() < kRangeLength &&
                    regex->NumberOfCapturingGroups() == 0 && RE2::FullMatch(min, *regex);
    }
    out.regex = std::move(regex);
    out.before = Condition(table, "before", defaults.before);
    out.after = Condition(table, "after", defaults.after);
    out.near = Condition(table, "near", defaults.near);
    out.not_before = Condition(table, "not-before", defaults.not_before);
    out.not_after = Condition(table, "not-after", defaults.not_after);
    out.skip = Skip(table, defaults.skip);
    out.message = String(table, "message").value_or(defaults.message);
    if (out.message.empty()) Fail(table.source(), "missing \"message\"");
    std::optional<std::string> replacement = String(table, "replacement");
    out.replacement = replacement ? replacement : defaults.replacement;
    out.fix_title = String(table, "fix").value_or(defaults.fix_title);
    if (out.replacement && out.fix_title.empty()) out.fix_title = "replace with {replacement}";
    CheckPlaceholders(table, out.message);
    CheckPlaceholders(table, out.fix_title);
    PrepareLiteralReport(out);
    return out;
  }

  void CheckPlaceholders(const toml::table& table, std::string_view text) const {
    for (std::size_t open = text.find('{'); open != std::string_view::npos;
         open = text.find('{', open + 1)) {
      const std::size_t close = text.find('}', open);
      if (close == std::string_view::npos) return;
      const std::string_view name = text.substr(open + 1, close - open - 1);
      const bool ok = name == "match" || name == "replacement" ||
                      (name.size() == 1 && name[0] >= '0' && name[0] <= '9');
      if (!ok) {
        Fail(table.source(), "unknown placeholder {" + std::string(name) +
                                 "} (expected {match}, {replacement}, {0}-{9})");
      }
    }
  }

  std::vector<RuleExample> Examples(const toml::table& table, std::string_view key,
                                    bool bad) const {
    std::vector<RuleExample> out;
    const toml::node* node = table.get(key);
    if (node == nullptr) return out;
    const toml::array* array = node->as_array();
    if (array == nullptr || !array->is_array_of_tables()) {
      Fail(node->source(), "\"" + std::string(key) + "\" must be an array of tables ([[rule." +
                               std::string(key) + "]])");
    }
    for (const toml::node& item : *array) {
      const toml::table& example = *item.as_table();
      CheckKeys(example, kExampleKeys, "an example");
      RuleExample& added = out.emplace_back();
      added.input = RequiredString(example, "text");
      added.fixed = String(example, "fixed");
      added.markdown = Bool(example, "markdown").value_or(false);
      if (!bad && added.fixed) Fail(item.source(), "a good example has no \"fixed\"");
    }
    return out;
  }

  std::shared_ptr<const PackRuleSpec> ParseRule(const toml::table& table) {
    auto spec = std::make_shared<PackRuleSpec>();
    RuleMeta& meta = spec->meta;
    meta.id = RequiredString(table, "id");
    rule_id_ = meta.id;
    if (!IsKebabCase(meta.id)) Fail(table.source(), "id \"" + meta.id + "\" is not kebab-case");
    rule_id_ = meta.id;
    spec->file = file_ + ":" + std::to_string(table.source().begin.line);
    CheckKeys(table, kRuleKeys, "[[rule]]");

    const std::string group = RequiredString(table, "group");
    std::optional<RuleGroup> parsed_group = ParseRuleGroup(group);
    if (!parsed_group) {
      Fail(table.get("group")->source(),
           "unknown group \"" + group + "\" (expected hygiene, typography, structure, script)");
    }
    meta.group = *parsed_group;
    const std::string severity = String(table, "severity").value_or("warning");
    std::optional<Severity> parsed_severity = ParseSeverity(severity);
    if (!parsed_severity) {
      Fail(table.get("severity")->source(),
           "unknown severity \"" + severity + "\" (expected info, warning, error)");
    }
    meta.default_severity = *parsed_severity;
    meta.enabled_by_default = Bool(table, "enabled").value_or(true);
    meta.summary = RequiredString(table, "summary");
    meta.explanation = RequiredString(table, "explanation");
    const std::string applicability = String(table, "applicability").value_or("safe");
    if (applicability == "safe") {
      spec->applicability = Applicability::kSafe;
    } else if (applicability == "unsafe") {
      spec->applicability = Applicability::kUnsafe;
    } else {
      Fail(table.get("applicability")->source(),
           "unknown applicability \"" + applicability + "\" (expected safe, unsafe)");
    }

    // The rule's own fields are the single case, or the defaults of its [[rule.case]]s.
    PackCase defaults;
    defaults.before = Condition(table, "before", {});
    defaults.after = Condition(table, "after", {});
    defaults.near = Condition(table, "near", {});
    defaults.not_before = Condition(table, "not-before", {});
    defaults.not_after = Condition(table, "not-after", {});
    defaults.skip = Skip(table, 0);
    defaults.message = String(table, "message").value_or("");
    defaults.replacement = String(table, "replacement");
    defaults.fix_title = String(table, "fix").value_or("");
    defaults.pattern = String(table, "pattern").value_or("");
    if (const toml::node* cases = table.get("case")) {
      if (table.get("pattern") != nullptr) {
        Fail(table.get("pattern")->source(), "give either \"pattern\" or [[rule.case]], not both");
      }
      const toml::array* array = cases->as_array();
      if (array == nullptr || !array->is_array_of_tables() || array->empty()) {
        Fail(cases->source(), "\"case\" must be an array of tables ([[rule.case]])");
      }
      for (const toml::node& item : *array) {
        CheckKeys(*item.as_table(), kCaseKeys, "[[rule.case]]");
        spec->cases.push_back(ParseCase(*item.as_table(), defaults));
      }
    } else {
      spec->cases.push_back(ParseCase(table, defaults));
    }
    std::string any_case;
    for (const PackCase& c : spec->cases) {
      any_case += (any_case.empty() ? "(?:" : "|(?:") + c.pattern + ")";
    }
    spec->any_case = std::make_shared<const RE2>(any_case);
    bool any_fix = false, all_fix = true;
    for (const PackCase& c : spec->cases) {
      any_fix = any_fix || c.replacement.has_value();
      all_fix = all_fix && c.replacement.has_value();
    }
    meta.fix = all_fix ? FixAvailability::kAlways
                       : (any_fix ? FixAvailability::kSometimes : FixAvailability::kNone);

    meta.bad_examples = Examples(table, "bad", true);
    meta.good_examples = Examples(table, "good", false);
    if (meta.bad_examples.empty() || meta.good_examples.empty()) {
      Fail(table.source(), "a rule needs at least one [[rule.bad]] and one [[rule.good]] example");
    }
    if (std::string failure = CheckPackExamples(*spec); !failure.empty()) {
      Fail(table.source(), failure);
    }
    return spec;
  }

  std::string file_;
  std::string rule_id_;
};

struct Marked {
  std::string text;
  std::vector<ByteRange> ranges;
  bool ok = true;
};

Marked StripMarkers(std::string_view input) {
  Marked out;
  std::optional<std::size_t> open;
  for (std::size_t i = 0; i < input.size();) {
    if (input.substr(i, kOpen.size()) == kOpen) {
      if (open) out.ok = false;
      open = out.text.size();
      i += kOpen.size();
    } else if (input.substr(i, kClose.size()) == kClose) {
      if (!open) out.ok = false;
      out.ranges.push_back({open.value_or(0), out.text.size()});
      open.reset();
      i += kClose.size();
    } else {
      out.text.push_back(input[i++]);
    }
  }
  if (open) out.ok = false;
  return out;
}

std::string Ranges(std::string_view text, const std::vector<ByteRange>& ranges) {
  std::string out;
  for (const ByteRange& r : ranges) {
    if (!out.empty()) out += ", ";
    out += "\"" + std::string(r.In(text)) + "\"@" + std::to_string(r.begin);
  }
  return out.empty() ? "nothing" : out;
}

}  // namespace

std::string CheckPackExamples(const PackRuleSpec& spec) {
  RuleSet rules;
  rules.rules.push_back(
      ConfiguredRule{std::make_shared<const PackRule>(std::make_shared<const PackRuleSpec>(spec)),
                     spec.meta.default_severity});
  auto make = [](const RuleExample& example, std::string text) {
    return Document::Create(example.markdown ? "example.md" : "example.txt", std::move(text));
  };
  for (const RuleExample& example : spec.meta.bad_examples) {
    const Marked marked = StripMarkers(example.input);
    if (!marked.ok || marked.ranges.empty()) {
      return "bad example \"" + example.input + "\" needs balanced \u27E6\u27E7 markers";
    }
    auto document = make(example, marked.text);
    std::vector<ByteRange> found;
    for (const Diagnostic& d : Lint(*document, rules)) found.push_back(d.range);
    if (found != marked.ranges) {
      return "bad example \"" + example.input + "\": expected " +
             Ranges(marked.text, marked.ranges) + ", found " + Ranges(marked.text, found);
    }
    FixResult fixed = ApplyFixes(std::move(document), rules, FixMode::kUnsafe);
    const std::string result(fixed.document->raw());
    if (example.fixed && result != *example.fixed) {
      return "bad example \"" + example.input + "\": fixed text is \"" + result +
             "\", expected \"" + *example.fixed + "\"";
    }
    if (!example.fixed && fixed.changed) {
      return "bad example \"" + example.input + "\" gives no \"fixed\" text, but is fixed to \"" +
             result + "\"";
    }
  }
  for (const RuleExample& example : spec.meta.good_examples) {
    auto document = make(example, example.input);
    std::vector<ByteRange> found;
    for (const Diagnostic& d : Lint(*document, rules)) found.push_back(d.range);
    if (!found.empty()) {
      return "good example \"" + example.input + "\": found " + Ranges(example.input, found);
    }
  }
  return "";
}

std::vector<std::shared_ptr<const PackRuleSpec>> ParsePack(std::string_view toml_text,
                                                           const std::string& file_name) {
  toml::table root;
  try {
    root = toml::parse(toml_text, file_name);
  } catch (const toml::parse_error& error) {
    throw ConfigError(file_name + ":" + std::to_string(error.source().begin.line) + ":" +
                      std::to_string(error.source().begin.column) + ": " +
                      std::string(error.description()));
  }
  return PackParser(file_name).Parse(root);
}

std::vector<std::shared_ptr<const PackRuleSpec>> LoadPackFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path.string() + ": cannot read rule pack: " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return ParsePack(text.str(), path.string());
}

}  // namespace ocrlint
