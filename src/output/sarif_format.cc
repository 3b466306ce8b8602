// SARIF 2.1.0 for code-scanning services. The rule table comes from RuleMeta, so every
// rule is described without per-rule code here.
//
// Streamed through JsonWriter, one result at a time, with the bytes (key order included)
// that dumping an nlohmann::ordered_json DOM of the log with an indent of 2 gives: the
// golden file tests/golden/corpus.sarif holds them.

#include <string>
#include <string_view>
#include <unordered_map>

#include "output/formats.h"
#include "output/json_writer.h"

namespace ocrlint::output_internal {
namespace {

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/ocrlint/ocrlint";

std::string_view Level(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "warning";
}

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// A URI reference for `path`: '/'-separated, every byte but unreserved ones and '/'
// percent-encoded (so ':' in a first segment cannot read as a scheme, and Chinese file
// names become valid URIs). Absolute paths become file:// URIs; relative ones stay
// relative to the working directory, as code-scanning services expect.
std::string PathToUri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri;
  if (!path.empty() && path.front() == '/') uri = "file://";
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\\' || c == '/') {
      uri += '/';
    } else if (IsUnreserved(c)) {
      uri += ch;
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 0xF];
    }
  }
  return uri;
}

// `"key": {"text": text}`.
void WriteText(JsonWriter& json, std::string_view key, std::string_view text) {
  json.Key(key).BeginObject().Field("text", text).EndObject();
}

// `"artifactLocation": {"uri": uri}`.
void WriteArtifactLocation(JsonWriter& json, std::string_view uri) {
  json.Key("artifactLocation").BeginObject().Field("uri", uri).EndObject();
}

// `"physicalLocation": {...}`. SARIF columns are 1-based code points (columnKind) and
// endColumn is exclusive, like ours; byteOffset/byteLength locate the same bytes exactly.
void WritePhysicalLocation(JsonWriter& json, const FileReport& report, std::string_view uri,
                           ByteRange range) {
  const auto [start, end] = LocateRange(report, range);
  json.Key("physicalLocation").BeginObject();
  WriteArtifactLocation(json, uri);
  json.Key("region")
      .BeginObject()
      .Field("startLine", start.line)
      .Field("startColumn", start.column)
      .Field("endLine", end.line)
      .Field("endColumn", end.column)
      .Field("byteOffset", range.begin)
      .Field("byteLength", range.size())
      .EndObject()
      .EndObject();
}

void WriteFix(JsonWriter& json, std::string_view uri, const Fix& fix) {
  json.BeginObject();
  WriteText(json, "description", fix.message);
  json.Key("artifactChanges").BeginArray().BeginObject();
  WriteArtifactLocation(json, uri);
  json.Key("replacements").BeginArray();
  for (const Edit& edit : fix.edits) {
    json.BeginObject()
        .Key("deletedRegion")
        .BeginObject()
        .Field("byteOffset", edit.range.begin)
        .Field("byteLength", edit.range.size())
        .EndObject();
    WriteText(json, "insertedContent", edit.replacement);
    json.EndObject();
  }
  json.EndArray().EndObject().EndArray();
  json.Key("properties")
      .BeginObject()
      .Field("applicability", ToString(fix.applicability))
      .EndObject()
      .EndObject();
}

void WriteRule(JsonWriter& json, const RuleMeta& meta) {
  const std::string_view help = meta.explanation.empty() ? meta.summary : meta.explanation;
  json.BeginObject().Field("id", meta.id).Field("name", meta.id);
  WriteText(json, "shortDescription", meta.summary);
  WriteText(json, "fullDescription", help);
  WriteText(json, "help", help);
  json.Key("defaultConfiguration").BeginObject().Field("level", Level(meta.default_severity));
  if (!meta.enabled_by_default) json.Key("enabled").Bool(false);
  json.EndObject()
      .Key("properties")
      .BeginObject()
      .Field("group", ToString(meta.group))
      .Field("fixable", ToString(meta.fix))
      .EndObject()
      .EndObject();
}

void WriteNotification(JsonWriter& json, const FileReport& report) {
  json.BeginObject().Field("level", "error");
  WriteText(json, "message", report.error);
  json.Key("locations").BeginArray().BeginObject().Key("physicalLocation").BeginObject();
  WriteArtifactLocation(json, PathToUri(report.path));
  json.EndObject().EndObject().EndArray().EndObject();
}

// Sends the buffer on once it holds this much: one write per batch of results, not per
// byte, and memory that does not grow with the number of results.
constexpr std::size_t kFlushBytes = 1 << 16;

void FlushIfFull(std::string& buffer, std::ostream& out, bool force = false) {
  if (!force && buffer.size() < kFlushBytes) return;
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  buffer.clear();
}

class SarifWriter {
 public:
  SarifWriter(const RuleCatalog& catalog, std::ostream& out) : catalog_(catalog), out_(out) {
    for (const auto& rule : catalog.rules()) {
      rule_index_.emplace(rule->meta().id, rule_index_.size());
    }
    buffer_.reserve(kFlushBytes + 4096);
  }

  // The log holds one run, whose "results" come last: everything before them is written
  // at the levels the run gives it, then each result on its own at level 4.
  void Write(std::span<const FileReport> reports) {
    buffer_ += "{\n  \"$schema\": ";
    AppendJsonString(buffer_, kSchema);
    buffer_ += ",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": ";
    WriteTool();
    buffer_ += ",\n      \"invocations\": ";
    WriteInvocations(reports);
    buffer_ += ",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [";
    bool first = true;
    for (const FileReport& report : reports) {
      if (report.diagnostics.empty()) continue;
      const std::string uri = PathToUri(report.path);
      for (const Diagnostic& diagnostic : report.diagnostics) {
        buffer_ += first ? "\n        " : ",\n        ";
        first = false;
        WriteResult(report, uri, diagnostic);
        FlushIfFull(buffer_, out_);
      }
    }
    buffer_ += first ? "]" : "\n      ]";
    buffer_ += "\n    }\n  ]\n}\n";
    FlushIfFull(buffer_, out_, /*force=*/true);
  }

 private:
  void WriteTool() {
    JsonWriter json(buffer_, 2, 3);
    json.BeginObject()
        .Key("driver")
        .BeginObject()
        .Field("name", "ocrlint")
        .Field("version", OCRLINT_VERSION)
        .Field("informationUri", kInformationUri)
        .Key("rules")
        .BeginArray();
    for (const auto& rule : catalog_.rules()) WriteRule(json, rule->meta());
    json.EndArray().EndObject().EndObject();
  }

  void WriteInvocations(std::span<const FileReport> reports) {
    bool failed = false;
    for (const FileReport& report : reports) failed = failed || !report.error.empty();
    JsonWriter json(buffer_, 2, 3);
    json.BeginArray().BeginObject().Key("executionSuccessful").Bool(!failed);
    if (failed) {
      json.Key("toolExecutionNotifications").BeginArray();
      for (const FileReport& report : reports) {
        if (!report.error.empty()) WriteNotification(json, report);
      }
      json.EndArray();
    }
    json.EndObject().EndArray();
  }

  void WriteResult(const FileReport& report, std::string_view uri, const Diagnostic& diagnostic) {
    JsonWriter json(buffer_, 2, 4);
    const std::string_view id = RuleId(diagnostic);
    json.BeginObject().Field("ruleId", id);
    if (auto it = rule_index_.find(id); it != rule_index_.end()) {
      json.Field("ruleIndex", it->second);
    }
    json.Field("level", Level(diagnostic.severity));
    WriteText(json, "message", diagnostic.message);
    json.Key("locations").BeginArray().BeginObject();
    WritePhysicalLocation(json, report, uri, diagnostic.range);
    json.EndObject().EndArray();
    if (!diagnostic.related.empty()) {
      json.Key("relatedLocations").BeginArray();
      std::size_t index = 0;
      for (const RelatedLocation& location : diagnostic.related) {
        json.BeginObject().Field("id", index++);
        WritePhysicalLocation(json, report, uri, location.range);
        WriteText(json, "message", location.message);
        json.EndObject();
      }
      json.EndArray();
    }
    if (diagnostic.fix) {
      json.Key("fixes").BeginArray();
      WriteFix(json, uri, *diagnostic.fix);
      json.EndArray();
    }
    json.EndObject();
  }

  const RuleCatalog& catalog_;
  std::ostream& out_;
  // Keyed by the ids the catalog's rules own.
  std::unordered_map<std::string_view, std::size_t> rule_index_;
  std::string buffer_;
};

}  // namespace

void WriteSarif(std::span<const FileReport> reports, const RuleCatalog& catalog,
                std::ostream& out) {
  SarifWriter(catalog, out).Write(reports);
}

}  // namespace ocrlint::output_internal
