#ifndef OCRLINT_ENGINE_SUPPRESSION_H_
#define OCRLINT_ENGINE_SUPPRESSION_H_

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"

namespace ocrlint {

// Inline suppression directives. In Markdown they are HTML comments; in plain text the
// same HTML comment on a line of its own, or a line starting with "%%":
//
//   <!-- ocrlint-disable-next-line stray-space halfwidth-punctuation -->
//   <!-- ocrlint-disable-line -->            (at the end of the line it silences)
//   <!-- ocrlint-disable stray-space -->     ... <!-- ocrlint-enable stray-space -->
//   <!-- ocrlint-disable-file trailing-space -->
//   %% ocrlint-disable-next-line stray-space
//
// Without rule ids a directive applies to every rule; ids may also be group names.
class Suppressions {
 public:
  explicit Suppressions(const Document& document);

  bool Suppresses(const Diagnostic& diagnostic) const;
  bool empty() const { return spans_.empty(); }

 private:
  struct Span {
    std::size_t first_line;  // 0-based, inclusive
    std::size_t last_line;   // inclusive
    std::vector<std::string> rules;  // empty: all rules
  };
  const Document& document_;
  std::vector<Span> spans_;
};

}  // namespace ocrlint

#endif  // OCRLINT_ENGINE_SUPPRESSION_H_
