#include "output/report.h"

namespace ocrlint {

Summary Summarize(std::span<const FileReport> reports) {
  Summary summary;
  summary.files = reports.size();
  for (const FileReport& report : reports) {
    if (!report.error.empty()) ++summary.failed_files;
    summary.fixes_applied += static_cast<std::size_t>(report.fixes_applied);
    summary.diagnostics += report.diagnostics.size();
    for (const Diagnostic& diagnostic : report.diagnostics) {
      if (diagnostic.fix) ++summary.fixable;
      switch (diagnostic.severity) {
        case Severity::kError:
          ++summary.errors;
          break;
        case Severity::kWarning:
          ++summary.warnings;
          break;
        case Severity::kInfo:
          ++summary.infos;
          break;
      }
    }
  }
  return summary;
}

int ExitCodeFor(std::span<const FileReport> reports) {
  const Summary summary = Summarize(reports);
  if (summary.failed_files > 0) return 2;
  if (summary.errors > 0 || summary.warnings > 0) return 1;
  return 0;
}

}  // namespace ocrlint
