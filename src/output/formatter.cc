#include "output/formatter.h"

#include "output/formats.h"

namespace ocrlint {

std::optional<OutputFormat> ParseOutputFormat(std::string_view text) {
  if (text == "text") return OutputFormat::kText;
  if (text == "json") return OutputFormat::kJson;
  if (text == "jsonl") return OutputFormat::kJsonl;
  if (text == "sarif") return OutputFormat::kSarif;
  if (text == "github") return OutputFormat::kGithub;
  return std::nullopt;
}

void WriteReports(OutputFormat format, std::span<const FileReport> reports,
                  const RuleCatalog& catalog, const OutputOptions& options, std::ostream& out) {
  switch (format) {
    case OutputFormat::kText:
      output_internal::WriteText(reports, options, out);
      return;
    case OutputFormat::kJson:
      output_internal::WriteJson(reports, out);
      return;
    case OutputFormat::kJsonl:
      output_internal::WriteJsonl(reports, out);
      return;
    case OutputFormat::kSarif:
      output_internal::WriteSarif(reports, catalog, out);
      return;
    case OutputFormat::kGithub:
      output_internal::WriteGithub(reports, out);
      return;
  }
}

namespace output_internal {

OutputPosition Locate(const FileReport& report, std::size_t offset) {
  if (report.document == nullptr) return {1, 1, offset};
  const Position position = report.document->lines().Locate(offset);
  return {position.line + 1, position.column + 1, offset};
}

OutputRange LocateRange(const FileReport& report, ByteRange range) {
  if (report.document == nullptr) return {{1, 1, range.begin}, {1, 1, range.end}};
  const LineIndex& lines = report.document->lines();
  const Position start = lines.Locate(range.begin);
  const Position end = lines.LocateFrom(start, range.end);
  return {{start.line + 1, start.column + 1, range.begin},
          {end.line + 1, end.column + 1, range.end}};
}

std::string_view RuleId(const Diagnostic& diagnostic) {
  return diagnostic.rule != nullptr ? std::string_view(diagnostic.rule->id) : "unknown";
}

}  // namespace output_internal
}  // namespace ocrlint
