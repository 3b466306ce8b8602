#ifndef OCRLINT_OUTPUT_FORMATTER_H_
#define OCRLINT_OUTPUT_FORMATTER_H_

#include <optional>
#include <ostream>
#include <span>
#include <string_view>

#include "engine/catalog.h"
#include "output/report.h"

namespace ocrlint {

enum class OutputFormat { kText, kJson, kJsonl, kSarif, kGithub };

std::optional<OutputFormat> ParseOutputFormat(std::string_view text);

struct OutputOptions {
  bool color = false;       // ANSI colours (text format only)
  bool show_source = true;  // source line and caret under each finding (text)
  bool show_fixes = false;  // list the fix of each finding (text)
};

// Renders `reports` in `format`. Driven by RuleMeta only: no per-rule code. `catalog`
// supplies rule metadata for SARIF's rule table.
void WriteReports(OutputFormat format, std::span<const FileReport> reports,
                  const RuleCatalog& catalog, const OutputOptions& options, std::ostream& out);

}  // namespace ocrlint

#endif  // OCRLINT_OUTPUT_FORMATTER_H_
