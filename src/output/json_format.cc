// The json and jsonl formats. Other tools parse these: field names, nesting and key
// order are a contract (see formatter.h): JsonWriter writes the keys in the order given.

#include <string>

#include "output/formats.h"
#include "output/json_writer.h"

namespace ocrlint::output_internal {
namespace {

void WritePosition(const OutputPosition& position, JsonWriter& json) {
  json.BeginObject()
      .Field("line", position.line)
      .Field("column", position.column)
      .Field("offset", position.offset)
      .EndObject();
}

void WriteRange(const FileReport& report, ByteRange range, JsonWriter& json) {
  const OutputRange located = LocateRange(report, range);
  json.BeginObject().Key("start");
  WritePosition(located.start, json);
  json.Key("end");
  WritePosition(located.end, json);
  json.EndObject();
}

void WriteFix(const Fix& fix, JsonWriter& json) {
  json.BeginObject()
      .Field("applicability", ToString(fix.applicability))
      .Field("message", fix.message)
      .Key("edits")
      .BeginArray();
  for (const Edit& edit : fix.edits) {
    json.BeginObject()
        .Field("start", edit.range.begin)
        .Field("end", edit.range.end)
        .Field("replacement", edit.replacement)
        .EndObject();
  }
  json.EndArray().EndObject();
}

// Writes the diagnostic's fields into the open object of `json` (which may already hold
// "path", for jsonl).
void WriteDiagnosticFields(const FileReport& report, const Diagnostic& diagnostic,
                           JsonWriter& json) {
  json.Field("rule", RuleId(diagnostic))
      .Field("severity", ToString(diagnostic.severity))
      .Field("message", diagnostic.message)
      .Key("range");
  WriteRange(report, diagnostic.range, json);
  json.Key("related").BeginArray();
  for (const RelatedLocation& location : diagnostic.related) {
    json.BeginObject().Field("message", location.message).Key("range");
    WriteRange(report, location.range, json);
    json.EndObject();
  }
  json.EndArray().Key("fix");
  if (diagnostic.fix) {
    WriteFix(*diagnostic.fix, json);
  } else {
    json.Null();
  }
}

// Sends the buffer on once it holds this much: one write per batch of findings, not per
// byte, and memory that does not grow with the number of findings.
constexpr std::size_t kFlushBytes = 1 << 16;

void FlushIfFull(std::string& buffer, std::ostream& out, bool force = false) {
  if (!force && buffer.size() < kFlushBytes) return;
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  buffer.clear();
}

}  // namespace

// Streams the document one diagnostic at a time; the bytes are those of dumping the whole
// document with nlohmann::ordered_json and an indent of 2 (the golden files hold them).
void WriteJson(std::span<const FileReport> reports, std::ostream& out) {
  std::string buffer;
  buffer.reserve(kFlushBytes + 4096);
  buffer += "{\n  \"version\": 1,\n  \"files\": [";
  bool first_file = true;
  for (const FileReport& report : reports) {
    buffer += first_file ? "\n    {\n      \"path\": " : ",\n    {\n      \"path\": ";
    first_file = false;
    AppendJsonString(buffer, report.path);
    if (!report.error.empty()) {
      buffer += ",\n      \"error\": ";
      AppendJsonString(buffer, report.error);
    }
    buffer += ",\n      \"diagnostics\": [";
    bool first = true;
    for (const Diagnostic& diagnostic : report.diagnostics) {
      buffer += first ? "\n        " : ",\n        ";
      first = false;
      JsonWriter json(buffer, 2, 4);
      json.BeginObject();
      WriteDiagnosticFields(report, diagnostic, json);
      json.EndObject();
      FlushIfFull(buffer, out);
    }
    buffer += report.diagnostics.empty() ? "]" : "\n      ]";
    buffer += "\n    }";
  }
  buffer += reports.empty() ? "]" : "\n  ]";
  const Summary summary = Summarize(reports);
  buffer += ",\n  \"summary\": ";
  JsonWriter(buffer, 2, 1)
      .BeginObject()
      .Field("files", summary.files)
      .Field("diagnostics", summary.diagnostics)
      .Field("fixable", summary.fixable)
      .EndObject();
  buffer += "\n}\n";
  FlushIfFull(buffer, out, /*force=*/true);
}

void WriteJsonl(std::span<const FileReport> reports, std::ostream& out) {
  std::string buffer;
  for (const FileReport& report : reports) {
    if (!report.error.empty()) {
      JsonWriter(buffer, -1)
          .BeginObject()
          .Field("path", report.path)
          .Field("error", report.error)
          .EndObject();
      buffer += '\n';
    }
    for (const Diagnostic& diagnostic : report.diagnostics) {
      JsonWriter json(buffer, -1);
      json.BeginObject().Field("path", report.path);
      WriteDiagnosticFields(report, diagnostic, json);
      json.EndObject();
      buffer += '\n';
      FlushIfFull(buffer, out);
    }
  }
  FlushIfFull(buffer, out, /*force=*/true);
}

}  // namespace ocrlint::output_internal
