#ifndef OCRLINT_ENGINE_LINTER_H_
#define OCRLINT_ENGINE_LINTER_H_

#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "engine/catalog.h"

namespace ocrlint {

// Runs every rule of `rules` on `document` and returns the findings in DiagnosticLess
// order, after dropping: findings silenced by suppression comments; findings of other
// rules that touch invalid UTF-8 bytes (only invalid-utf8 reports there); findings of
// prose rules inside excluded ranges. A rule that throws is reported as an internal
// error diagnostic on the first byte, not propagated.
std::vector<Diagnostic> Lint(const Document& document, const RuleSet& rules);

enum class FixMode { kSafe, kUnsafe };

struct FixResult {
  std::unique_ptr<Document> document;  // the fixed document (the input when nothing applied)
  std::vector<Diagnostic> remaining;   // Lint() of the fixed document
  int applied = 0;                     // fixes applied in all passes
  int passes = 0;
  bool changed = false;
};

// Applies fixes of the allowed applicability: in each pass lint, take fixes in order,
// skip any whose edits overlap an edit already taken, apply, re-lint; stop when nothing
// applies or after `max_passes`. A document with invalid UTF-8 is never changed. Line
// endings and BOM are preserved (rules insert "\n" only through Document-aware helpers).
FixResult ApplyFixes(std::unique_ptr<Document> document, const RuleSet& rules, FixMode mode,
                     int max_passes = 10);

// Applies the non-overlapping edits of `fixes` to `text` (edits overlapping an earlier
// taken one are skipped as a whole fix). Returns the new text and the number of fixes
// applied. Shared by the fixer and the LSP server's fix-all.
struct EditOutcome {
  std::string text;
  int applied = 0;
};
EditOutcome ApplyNonOverlapping(std::string_view text, const std::vector<const Fix*>& fixes);

}  // namespace ocrlint

#endif  // OCRLINT_ENGINE_LINTER_H_
