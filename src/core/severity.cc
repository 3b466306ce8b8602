#include "core/severity.h"

namespace ocrlint {

std::string_view ToString(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "warning";
}

std::optional<Severity> ParseSeverity(std::string_view text) {
  for (Severity severity : {Severity::kInfo, Severity::kWarning, Severity::kError}) {
    if (text == ToString(severity)) return severity;
  }
  return std::nullopt;
}

}  // namespace ocrlint
