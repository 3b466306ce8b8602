#include "engine/rule.h"

#include <utility>

namespace ocrlint {

Diagnostic& DiagnosticSink::Report(ByteRange range, MessageText message) {
  // Built in place from its fields (no default construction and assignment after it).
  return out_.emplace_back(&rule_, severity_, std::move(message), range);
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
