#ifndef OCRLINT_OUTPUT_RULE_DOCS_H_
#define OCRLINT_OUTPUT_RULE_DOCS_H_

#include <ostream>

#include "engine/catalog.h"
#include "engine/rule.h"

namespace ocrlint {

// `ocrlint rules`: one row per rule (id, group, default severity, fixable, summary).
void WriteRuleTable(const RuleCatalog& catalog, std::ostream& out);
// `ocrlint rules --format json`: the same as a JSON array.
void WriteRuleJson(const RuleCatalog& catalog, std::ostream& out);
// `ocrlint explain RULE`: everything RuleMeta documents, examples with markers shown.
void WriteRuleExplanation(const RuleMeta& meta, std::ostream& out);
// The Markdown rule reference (README section), generated from RuleMeta.
void WriteRuleMarkdown(const RuleCatalog& catalog, std::ostream& out);

}  // namespace ocrlint

#endif  // OCRLINT_OUTPUT_RULE_DOCS_H_
