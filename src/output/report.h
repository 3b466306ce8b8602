#ifndef OCRLINT_OUTPUT_REPORT_H_
#define OCRLINT_OUTPUT_REPORT_H_

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"

namespace ocrlint {

// The outcome of checking one file: what every output format renders.
struct FileReport {
  std::string path;  // as given on the command line (or --stdin-filename / "-")
  // The document the diagnostics' offsets refer to: the file as read, or the fixed text
  // after --fix. Null when `error` is set.
  std::shared_ptr<const Document> document;
  std::vector<Diagnostic> diagnostics;  // in DiagnosticLess order
  std::string error;                    // non-empty: the file could not be checked
  int fixes_applied = 0;
  // With --diff: the bytes before fixing, when fixing changed them.
  std::optional<std::string> original;
};

struct Summary {
  std::size_t files = 0;
  std::size_t diagnostics = 0;
  std::size_t fixable = 0;  // diagnostics that carry a fix
  std::size_t errors = 0;   // by severity
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t failed_files = 0;  // reports with an error
  std::size_t fixes_applied = 0;
};

Summary Summarize(std::span<const FileReport> reports);

// 2 when any file failed, else 1 when a warning or error remains, else 0.
int ExitCodeFor(std::span<const FileReport> reports);

}  // namespace ocrlint

#endif  // OCRLINT_OUTPUT_REPORT_H_
