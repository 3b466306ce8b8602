#ifndef OCRLINT_CORE_SEVERITY_H_
#define OCRLINT_CORE_SEVERITY_H_

#include <optional>
#include <string_view>

namespace ocrlint {

// Ordered by weight: a larger value is more severe.
enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

std::string_view ToString(Severity severity);
// Parses "info", "warning" or "error"; nullopt for anything else.
std::optional<Severity> ParseSeverity(std::string_view text);

}  // namespace ocrlint

#endif  // OCRLINT_CORE_SEVERITY_H_
