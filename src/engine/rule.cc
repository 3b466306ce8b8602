#include "engine/rule.h"

#include <utility>

namespace ocrlint {

Diagnostic& DiagnosticSink::Report(ByteRange range, MessageText message) {
  Diagnostic& diagnostic = out_.emplace_back();
  diagnostic.rule = &rule_;
  diagnostic.severity = severity_;
  diagnostic.message = std::move(message);
  diagnostic.range = range;
  return diagnostic;
}

Diagnostic& DiagnosticSink::ReportWithFix(ByteRange range, MessageText message,
                                          Applicability applicability, MessageText fix_message,
                                          std::string replacement) {
  Diagnostic& diagnostic = Report(range, std::move(message));
  Fix& fix = diagnostic.fix.emplace();
  fix.applicability = applicability;
  fix.message = std::move(fix_message);
  fix.edits.push_back(Edit{range, std::move(replacement)});
  return diagnostic;
}

}  // namespace ocrlint
