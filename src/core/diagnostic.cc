#include "core/diagnostic.h"

#include <tuple>

namespace ocrlint {

std::string_view ToString(Applicability applicability) {
  switch (applicability) {
    case Applicability::kSafe:
      return "safe";
    case Applicability::kUnsafe:
      return "unsafe";
  }
  return "safe";
}

bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b) {
  // A diagnostic without a rule sorts before one with a rule at the same position.
  const std::string_view a_id = a.rule != nullptr ? std::string_view(a.rule->id) : "";
  const std::string_view b_id = b.rule != nullptr ? std::string_view(b.rule->id) : "";
  return std::tie(a.range.begin, a.range.end, a_id, a.message) <
         std::tie(b.range.begin, b.range.end, b_id, b.message);
}

}  // namespace ocrlint
