#ifndef OCRLINT_ENGINE_SUPPRESSION_H_
#define OCRLINT_ENGINE_SUPPRESSION_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
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
// Without rule ids a directive applies to every rule; ids (separated by spaces or commas)
// may also be group names (hygiene, typography, structure, script). disable-next-line
// silences the next non-blank line; disable takes effect on its own line, enable after its
// own line; disable without enable lasts to the end of the file. A diagnostic is
// suppressed by the line it starts on. Unknown directive words are ignored here.
class Suppressions {
 public:
  explicit Suppressions(const Document& document);

  bool Suppresses(const Diagnostic& diagnostic) const;
  bool empty() const { return file_wide_.empty() && lines_.empty() && regions_.empty(); }

 private:
  // A rule id or a group name, as written in a directive.
  struct Selector {
    std::string name;
    std::optional<RuleGroup> group;  // set when `name` is a group name
  };
  // Selectors of one directive; empty means every rule.
  using Selectors = std::vector<Selector>;
  // disable-line and disable-next-line: one line.
  struct LineSpan {
    std::size_t line;  // 0-based
    Selectors rules;
  };
  // One disable or enable of a selector; the last toggle matching a rule decides.
  struct Toggle {
    Selector selector;
    bool all = false;  // matches every rule
    bool disabled = true;
  };
  // The disable/enable state from `first_line` to the next region.
  struct Region {
    std::size_t first_line;
    std::vector<Toggle> toggles;
  };

  void Add(std::string_view directive, ByteRange where);
  void SetState(const Selectors& selectors, bool disabled, std::size_t from_line);
  static bool Matches(const Selector& selector, const RuleMeta& rule);
  static bool Matches(const Selectors& selectors, const RuleMeta& rule);

  const Document& document_;
  std::vector<Selectors> file_wide_;  // disable-file
  std::vector<LineSpan> lines_;       // sorted by line
  std::vector<Region> regions_;       // sorted by first_line
};

}  // namespace ocrlint

#endif  // OCRLINT_ENGINE_SUPPRESSION_H_
