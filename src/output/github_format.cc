// GitHub Actions workflow commands: findings become annotations on the pull request.
// Escaping follows the runner's toolkit (actions/toolkit, command.ts).

#include <string>

#include "output/formats.h"

namespace ocrlint::output_internal {
namespace {

std::string EscapeData(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string EscapeProperty(std::string_view text) {
  std::string out;
  for (char c : EscapeData(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view Command(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "notice";
  }
  return "warning";
}

}  // namespace

void WriteGithub(std::span<const FileReport> reports, std::ostream& out) {
  for (const FileReport& report : reports) {
    const std::string file = EscapeProperty(report.path);
    if (!report.error.empty()) {
      out << "::error file=" << file << "::" << EscapeData(report.error) << '\n';
    }
    for (const Diagnostic& diagnostic : report.diagnostics) {
      const auto [start, end] = LocateRange(report, diagnostic.range);
      out << "::" << Command(diagnostic.severity) << " file=" << file << ",line=" << start.line
          << ",col=" << start.column << ",endLine=" << end.line << ",endColumn=" << end.column
          << ",title=" << EscapeProperty("ocrlint (" + std::string(RuleId(diagnostic)) + ")")
          << "::" << EscapeData(diagnostic.message) << '\n';
    }
  }
}

}  // namespace ocrlint::output_internal
