#ifndef OCRLINT_OUTPUT_FORMATS_H_
#define OCRLINT_OUTPUT_FORMATS_H_

// Internal to src/output: one writer per format, and the position helper they share.

#include <cstddef>
#include <ostream>
#include <span>
#include <string_view>

#include "engine/catalog.h"
#include "output/formatter.h"
#include "output/report.h"

namespace ocrlint::output_internal {

// A position as the output contracts show it: 1-based line and code point column, and
// the 0-based UTF-8 byte offset.
struct OutputPosition {
  std::size_t line = 1;
  std::size_t column = 1;
  std::size_t offset = 0;
};

// Reports without a document (failed files) have no lines: everything maps to 1:1.
OutputPosition Locate(const FileReport& report, std::size_t offset);

// Locate of both ends of `range`; the end is counted from the start when they share a line.
struct OutputRange {
  OutputPosition start;
  OutputPosition end;
};
OutputRange LocateRange(const FileReport& report, ByteRange range);

// The rule id of a diagnostic ("unknown" if a rule forgot to set it).
std::string_view RuleId(const Diagnostic& diagnostic);

void WriteText(std::span<const FileReport> reports, const OutputOptions& options,
               std::ostream& out);
void WriteJson(std::span<const FileReport> reports, std::ostream& out);
void WriteJsonl(std::span<const FileReport> reports, std::ostream& out);
void WriteSarif(std::span<const FileReport> reports, const RuleCatalog& catalog, std::ostream& out);
void WriteGithub(std::span<const FileReport> reports, std::ostream& out);

}  // namespace ocrlint::output_internal

#endif  // OCRLINT_OUTPUT_FORMATS_H_
