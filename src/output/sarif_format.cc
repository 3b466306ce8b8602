// SARIF 2.1.0 for code-scanning services. The rule table comes from RuleMeta, so every
// rule is described without per-rule code here.

#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "output/formats.h"

namespace ocrlint::output_internal {
namespace {

using nlohmann::ordered_json;

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

ordered_json Text(std::string_view text) {
  ordered_json json;
  json["text"] = text;
  return json;
}

ordered_json ArtifactLocation(const FileReport& report) {
  ordered_json json;
  json["uri"] = PathToUri(report.path);
  return json;
}

// SARIF columns are 1-based code points (columnKind) and endColumn is exclusive, like
// ours; byteOffset/byteLength locate the same bytes exactly.
ordered_json Region(const FileReport& report, ByteRange range) {
  const auto [start, end] = LocateRange(report, range);
  ordered_json json;
  json["startLine"] = start.line;
  json["startColumn"] = start.column;
  json["endLine"] = end.line;
  json["endColumn"] = end.column;
  json["byteOffset"] = range.begin;
  json["byteLength"] = range.size();
  return json;
}

ordered_json Location(const FileReport& report, ByteRange range) {
  ordered_json json;
  json["physicalLocation"]["artifactLocation"] = ArtifactLocation(report);
  json["physicalLocation"]["region"] = Region(report, range);
  return json;
}

ordered_json FixJson(const FileReport& report, const Fix& fix) {
  ordered_json replacements = ordered_json::array();
  for (const Edit& edit : fix.edits) {
    ordered_json replacement;
    replacement["deletedRegion"]["byteOffset"] = edit.range.begin;
    replacement["deletedRegion"]["byteLength"] = edit.range.size();
    replacement["insertedContent"] = Text(edit.replacement);
    replacements.push_back(std::move(replacement));
  }
  ordered_json change;
  change["artifactLocation"] = ArtifactLocation(report);
  change["replacements"] = std::move(replacements);
  ordered_json json;
  json["description"] = Text(fix.message);
  json["artifactChanges"] = ordered_json::array({std::move(change)});
  json["properties"]["applicability"] = ToString(fix.applicability);
  return json;
}

ordered_json RuleJson(const RuleMeta& meta) {
  ordered_json json;
  json["id"] = meta.id;
  json["name"] = meta.id;
  json["shortDescription"] = Text(meta.summary);
  json["fullDescription"] = Text(meta.explanation.empty() ? meta.summary : meta.explanation);
  json["help"] = Text(meta.explanation.empty() ? meta.summary : meta.explanation);
  json["defaultConfiguration"]["level"] = Level(meta.default_severity);
  if (!meta.enabled_by_default) json["defaultConfiguration"]["enabled"] = false;
  json["properties"]["group"] = ToString(meta.group);
  json["properties"]["fixable"] = ToString(meta.fix);
  return json;
}

class SarifBuilder {
 public:
  explicit SarifBuilder(const RuleCatalog& catalog) {
    rules_ = ordered_json::array();
    for (const auto& rule : catalog.rules()) {
      rule_index_.emplace(rule->meta().id, rule_index_.size());
      rules_.push_back(RuleJson(rule->meta()));
    }
  }

  ordered_json Build(std::span<const FileReport> reports) {
    ordered_json results = ordered_json::array();
    ordered_json notifications = ordered_json::array();
    for (const FileReport& report : reports) {
      if (!report.error.empty()) notifications.push_back(Notification(report));
      for (const Diagnostic& diagnostic : report.diagnostics) {
        results.push_back(Result(report, diagnostic));
      }
    }
    ordered_json invocation;
    invocation["executionSuccessful"] = notifications.empty();
    if (!notifications.empty()) invocation["toolExecutionNotifications"] = notifications;

    ordered_json run;
    run["tool"]["driver"]["name"] = "ocrlint";
    run["tool"]["driver"]["version"] = OCRLINT_VERSION;
    run["tool"]["driver"]["informationUri"] = kInformationUri;
    run["tool"]["driver"]["rules"] = std::move(rules_);
    run["invocations"] = ordered_json::array({std::move(invocation)});
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = std::move(results);

    ordered_json log;
    log["$schema"] = kSchema;
    log["version"] = "2.1.0";
    log["runs"] = ordered_json::array({std::move(run)});
    return log;
  }

 private:
  ordered_json Result(const FileReport& report, const Diagnostic& diagnostic) const {
    ordered_json json;
    const std::string_view id = RuleId(diagnostic);
    json["ruleId"] = id;
    if (auto it = rule_index_.find(std::string(id)); it != rule_index_.end()) {
      json["ruleIndex"] = it->second;
    }
    json["level"] = Level(diagnostic.severity);
    json["message"] = Text(diagnostic.message);
    json["locations"] = ordered_json::array({Location(report, diagnostic.range)});
    if (!diagnostic.related.empty()) {
      ordered_json related = ordered_json::array();
      for (const RelatedLocation& location : diagnostic.related) {
        ordered_json item;
        item["id"] = related.size();
        item["physicalLocation"] = Location(report, location.range)["physicalLocation"];
        item["message"] = Text(location.message);
        related.push_back(std::move(item));
      }
      json["relatedLocations"] = std::move(related);
    }
    if (diagnostic.fix) {
      json["fixes"] = ordered_json::array({FixJson(report, *diagnostic.fix)});
    }
    return json;
  }

  static ordered_json Notification(const FileReport& report) {
    ordered_json json;
    json["level"] = "error";
    json["message"] = Text(report.error);
    ordered_json location;
    location["physicalLocation"]["artifactLocation"] = ArtifactLocation(report);
    json["locations"] = ordered_json::array({std::move(location)});
    return json;
  }

  ordered_json rules_;
  std::unordered_map<std::string, std::size_t> rule_index_;
};

}  // namespace

void WriteSarif(std::span<const FileReport> reports, const RuleCatalog& catalog,
                std::ostream& out) {
  const ordered_json log = SarifBuilder(catalog).Build(reports);
  out << log.dump(2, ' ', /*ensure_ascii=*/false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace ocrlint::output_internal
