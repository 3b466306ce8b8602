#ifndef OCRLINT_TESTS_OUTPUT_FIXTURES_H_
#define OCRLINT_TESTS_OUTPUT_FIXTURES_H_

// Small builders shared by the output tests: real Documents, hand-made diagnostics and
// fake rule metadata (the outputs must not depend on the real rules).

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "core/rule_meta.h"
#include "output/report.h"

namespace ocrlint::testing_output {

inline const RuleMeta& StraySpaceMeta() {
  static const RuleMeta meta = [] {
    RuleMeta m;
    m.id = "stray-space";
    m.group = RuleGroup::kHygiene;
    m.default_severity = Severity::kWarning;
    m.fix = FixAvailability::kAlways;
    m.summary = "A space between Chinese characters";
    m.explanation = "Column wraps leave single spaces inside sentences.";
    return m;
  }();
  return meta;
}

inline const RuleMeta& DuplicateParagraphMeta() {
  static const RuleMeta meta = [] {
    RuleMeta m;
    m.id = "duplicate-paragraph";
    m.group = RuleGroup::kStructure;
    m.default_severity = Severity::kError;
    m.fix = FixAvailability::kSometimes;
    m.summary = "A paragraph repeated verbatim";
    m.explanation = "OCR of multi-column pages repeats blocks.";
    return m;
  }();
  return meta;
}

inline const RuleMeta& TraditionalMeta() {
  static const RuleMeta meta = [] {
    RuleMeta m;
    m.id = "traditional-char";
    m.group = RuleGroup::kScript;
    m.default_severity = Severity::kInfo;
    m.enabled_by_default = false;
    m.fix = FixAvailability::kNone;
    m.summary = "A traditional character in simplified text";
    m.explanation = "";
    return m;
  }();
  return meta;
}

inline Diagnostic MakeDiagnostic(const RuleMeta& meta, Severity severity, std::string message,
                                 ByteRange range) {
  Diagnostic diagnostic;
  diagnostic.rule = &meta;
  diagnostic.severity = severity;
  diagnostic.message = std::move(message);
  diagnostic.range = range;
  return diagnostic;
}

inline Fix MakeFix(Applicability applicability, std::string message, ByteRange range,
                   std::string replacement) {
  Fix fix;
  fix.applicability = applicability;
  fix.message = std::move(message);
  fix.edits.push_back(Edit{range, std::move(replacement)});
  return fix;
}

inline FileReport MakeReport(std::string path, std::string bytes,
                             std::vector<Diagnostic> diagnostics) {
  FileReport report;
  report.document = Document::Create(path, std::move(bytes));
  report.path = std::move(path);
  report.diagnostics = std::move(diagnostics);
  return report;
}

inline FileReport FailedReport(std::string path, std::string error) {
  FileReport report;
  report.path = std::move(path);
  report.error = std::move(error);
  return report;
}

}  // namespace ocrlint::testing_output

#endif  // OCRLINT_TESTS_OUTPUT_FIXTURES_H_
