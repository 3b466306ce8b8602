// The json and jsonl formats. Other tools parse these: field names, nesting and key
// order are a contract (see formatter.h); ordered_json keeps the keys as inserted.

#include <nlohmann/json.hpp>

#include "output/formats.h"

namespace ocrlint::output_internal {
namespace {

using nlohmann::ordered_json;

ordered_json PositionJson(const FileReport& report, std::size_t offset) {
  const OutputPosition position = Locate(report, offset);
  ordered_json json;
  json["line"] = position.line;
  json["column"] = position.column;
  json["offset"] = position.offset;
  return json;
}

ordered_json RangeJson(const FileReport& report, ByteRange range) {
  ordered_json json;
  json["start"] = PositionJson(report, range.begin);
  json["end"] = PositionJson(report, range.end);
  return json;
}

ordered_json FixJson(const Fix& fix) {
  ordered_json json;
  json["applicability"] = ToString(fix.applicability);
  json["message"] = fix.message;
  ordered_json edits = ordered_json::array();
  for (const Edit& edit : fix.edits) {
    ordered_json item;
    item["start"] = edit.range.begin;
    item["end"] = edit.range.end;
    item["replacement"] = edit.replacement;
    edits.push_back(std::move(item));
  }
  json["edits"] = std::move(edits);
  return json;
}

// Adds the diagnostic's fields to `json` (which may already hold "path", for jsonl).
void AddDiagnosticFields(const FileReport& report, const Diagnostic& diagnostic,
                         ordered_json& json) {
  json["rule"] = RuleId(diagnostic);
  json["severity"] = ToString(diagnostic.severity);
  json["message"] = diagnostic.message;
  json["range"] = RangeJson(report, diagnostic.range);
  ordered_json related = ordered_json::array();
  for (const RelatedLocation& location : diagnostic.related) {
    ordered_json item;
    item["message"] = location.message;
    item["range"] = RangeJson(report, location.range);
    related.push_back(std::move(item));
  }
  json["related"] = std::move(related);
  json["fix"] = diagnostic.fix ? FixJson(*diagnostic.fix) : ordered_json(nullptr);
}

// Messages may quote document bytes, which may be invalid UTF-8: replace, never throw.
std::string Dump(const ordered_json& json, int indent) {
  return json.dump(indent, ' ', /*ensure_ascii=*/false, ordered_json::error_handler_t::replace);
}

// Writes `json` indented by 2 as a nested value whose first line is already placed and
// whose other lines start at `depth` levels. JSON strings never hold a raw newline, so
// indenting after each one is exact.
void WriteNested(const ordered_json& json, int depth, std::ostream& out) {
  const std::string text = Dump(json, 2);
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  std::size_t start = 0;
  for (std::size_t newline = text.find('\n'); newline != std::string::npos;
       newline = text.find('\n', start)) {
    out.write(text.data() + start, static_cast<std::streamsize>(newline + 1 - start));
    out << indent;
    start = newline + 1;
  }
  out.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
}

}  // namespace

// Streams the document one diagnostic at a time, so memory does not grow with the number of
// findings; the bytes are those of dumping the whole document with an indent of 2.
void WriteJson(std::span<const FileReport> reports, std::ostream& out) {
  out << "{\n  \"version\": 1,\n  \"files\": [";
  bool first_file = true;
  for (const FileReport& report : reports) {
    out << (first_file ? "\n    {\n      \"path\": " : ",\n    {\n      \"path\": ");
    first_file = false;
    out << Dump(ordered_json(report.path), -1);
    if (!report.error.empty())
      out << ",\n      \"error\": " << Dump(ordered_json(report.error), -1);
    out << ",\n      \"diagnostics\": [";
    bool first = true;
    for (const Diagnostic& diagnostic : report.diagnostics) {
      out << (first ? "\n        " : ",\n        ");
      first = false;
      ordered_json item;
      AddDiagnosticFields(report, diagnostic, item);
      WriteNested(item, 4, out);
    }
    out << (report.diagnostics.empty() ? "]" : "\n      ]") << "\n    }";
  }
  out << (reports.empty() ? "]" : "\n  ]");
  const Summary summary = Summarize(reports);
  ordered_json json;
  json["files"] = summary.files;
  json["diagnostics"] = summary.diagnostics;
  json["fixable"] = summary.fixable;
  out << ",\n  \"summary\": ";
  WriteNested(json, 1, out);
  out << "\n}\n";
}

void WriteJsonl(std::span<const FileReport> reports, std::ostream& out) {
  for (const FileReport& report : reports) {
    if (!report.error.empty()) {
      ordered_json json;
      json["path"] = report.path;
      json["error"] = report.error;
      out << Dump(json, -1) << '\n';
    }
    for (const Diagnostic& diagnostic : report.diagnostics) {
      ordered_json json;
      json["path"] = report.path;
      AddDiagnosticFields(report, diagnostic, json);
      out << Dump(json, -1) << '\n';
    }
  }
}

}  // namespace ocrlint::output_internal
