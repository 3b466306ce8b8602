#include "output/rule_docs.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

namespace ocrlint {
namespace {

std::string Fixable(const RuleMeta& meta) {
  switch (meta.fix) {
    case FixAvailability::kAlways:
      return "yes";
    case FixAvailability::kSometimes:
      return "sometimes";
    case FixAvailability::kNone:
      return "no";
  }
  return "no";
}

std::string Padded(std::string_view text, std::size_t width) {
  std::string out(text);
  if (out.size() < width) out.append(width - out.size(), ' ');
  return out;
}

void WriteExample(const RuleExample& example, std::ostream& out) {
  out << "    " << example.input << (example.markdown ? "    (Markdown)" : "") << "\n";
  if (example.fixed) out << "    => " << *example.fixed << "\n";
}

}  // namespace

void WriteRuleTable(const RuleCatalog& catalog, std::ostream& out) {
  std::size_t id_width = 2;
  for (const auto& rule : catalog.rules()) id_width = std::max(id_width, rule->meta().id.size());
  out << Padded("id", id_width) << "  " << Padded("group", 10) << "  " << Padded("severity", 8)
      << "  " << Padded("fix", 9) << "  summary\n";
  for (const auto& rule : catalog.rules()) {
    const RuleMeta& meta = rule->meta();
    std::string severity(ToString(meta.default_severity));
    if (!meta.enabled_by_default) severity = "off";
    out << Padded(meta.id, id_width) << "  " << Padded(ToString(meta.group), 10) << "  "
        << Padded(severity, 8) << "  " << Padded(Fixable(meta), 9) << "  " << meta.summary << "\n";
  }
}

void WriteRuleJson(const RuleCatalog& catalog, std::ostream& out) {
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const auto& rule : catalog.rules()) {
    const RuleMeta& meta = rule->meta();
    rules.push_back({{"id", meta.id},
                     {"group", ToString(meta.group)},
                     {"severity", ToString(meta.default_severity)},
                     {"enabled", meta.enabled_by_default},
                     {"fix", ToString(meta.fix)},
                     {"summary", meta.summary}});
  }
  out << rules.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

void WriteRuleExplanation(const RuleMeta& meta, std::ostream& out) {
  out << meta.id << " (" << ToString(meta.group) << ", "
      << (meta.enabled_by_default ? std::string(ToString(meta.default_severity)) : "off by default")
      << ", fix: " << Fixable(meta) << ")\n\n"
      << meta.summary << "\n\n"
      << meta.explanation << "\n";
  if (!meta.options.empty()) {
    out << "\nOptions ([rules." << meta.id << "] in ocrlint.toml):\n";
    for (const OptionDoc& option : meta.options) {
      out << "  " << option.name << " (" << option.type << ", default " << option.default_value
          << "): " << option.description << "\n";
    }
  }
  if (!meta.bad_examples.empty()) {
    out << "\nFlagged (the finding between ⟦ and ⟧):\n";
    for (const RuleExample& example : meta.bad_examples) WriteExample(example, out);
  }
  if (!meta.good_examples.empty()) {
    out << "\nNot flagged:\n";
    for (const RuleExample& example : meta.good_examples) WriteExample(example, out);
  }
}

void WriteRuleMarkdown(const RuleCatalog& catalog, std::ostream& out) {
  out << "| rule | group | default | fix | what it flags |\n|---|---|---|---|---|\n";
  for (const auto& rule : catalog.rules()) {
    const RuleMeta& meta = rule->meta();
    out << "| `" << meta.id << "` | " << ToString(meta.group) << " | "
        << (meta.enabled_by_default ? ToString(meta.default_severity) : "off") << " | "
        << Fixable(meta) << " | " << meta.summary << " |\n";
  }
}

}  // namespace ocrlint
