#ifndef OCRLINT_CORE_DIAGNOSTIC_H_
#define OCRLINT_CORE_DIAGNOSTIC_H_

#include <optional>
#include <string>
#include <vector>

#include "core/byte_range.h"
#include "core/rule_meta.h"
#include "core/severity.h"

namespace ocrlint {

// Replace the bytes of `range` with `replacement` (an empty range inserts).
struct Edit {
  ByteRange range;
  std::string replacement;

  friend bool operator==(const Edit&, const Edit&) = default;
};

// Safe fixes cannot change meaning (whitespace, punctuation width, invisible and
// compatibility characters) and are applied by --fix; unsafe fixes may (deleting a
// duplicate, joining paragraphs) and need --unsafe-fixes.
enum class Applicability { kSafe, kUnsafe };

std::string_view ToString(Applicability applicability);

struct Fix {
  Applicability applicability = Applicability::kSafe;
  std::string message;      // the action, e.g. "replace with 学"
  std::vector<Edit> edits;  // sorted by range, non-overlapping
};

// Another place the finding refers to, e.g. "first copy here".
struct RelatedLocation {
  ByteRange range;
  std::string message;
};

struct Diagnostic {
  const RuleMeta* rule = nullptr;  // owned by the rule, which outlives every diagnostic
  Severity severity = Severity::kWarning;
  std::string message;  // states the problem
  ByteRange range;
  std::vector<RelatedLocation> related;
  std::optional<Fix> fix;
};

// Orders diagnostics by position, then rule id, then message: the output order, the same
// whatever the thread count.
bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b);

}  // namespace ocrlint

#endif  // OCRLINT_CORE_DIAGNOSTIC_H_
