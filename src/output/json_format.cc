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

}  // namespace

void WriteJson(std::span<const FileReport> reports, std::ostream& out) {
  ordered_json files = ordered_json::array();
  for (const FileReport& report : reports) {
    ordered_json file;
    file["path"] = report.path;
    if (!report.error.empty()) file["error"] = report.error;
    ordered_json diagnostics = ordered_json::array();
    for (const Diagnostic& diagnostic : report.diagnostics) {
      ordered_json item;
      AddDiagnosticFields(report, diagnostic, item);
      diagnostics.push_back(std::move(item));
    }
    file["diagnostics"] = std::move(diagnostics);
    files.push_back(std::move(file));
  }
  const Summary summary = Summarize(reports);
  ordered_json json;
  json["version"] = 1;
  json["files"] = std::move(files);
  json["summary"]["files"] = summary.files;
  json["summary"]["diagnostics"] = summary.diagnostics;
  json["summary"]["fixable"] = summary.fixable;
  out << Dump(json, 2) << '\n';
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
