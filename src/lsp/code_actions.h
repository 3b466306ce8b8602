#ifndef OCRLINT_LSP_CODE_ACTIONS_H_
#define OCRLINT_LSP_CODE_ACTIONS_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "lsp/conversions.h"
#include "lsp/document_store.h"

namespace ocrlint::lsp {

inline constexpr std::string_view kFixAllKind = "source.fixAll.ocrlint";

// One edit turning `before` into `after`: the differing middle between their common prefix
// and suffix, cut at character boundaries (never inside a UTF-8 sequence or a CRLF).
Edit MinimalEdit(std::string_view before, std::string_view after);

// The TextEdits applying every safe fix to the linted text (ApplyFixes, as `ocrlint --fix`);
// empty when nothing changes. Used by fix-all and textDocument/formatting.
json FixAllEdits(const LintResult& lint, PositionEncoding encoding);

// The suppression line that silences `rule_id` on the next line, in the document's syntax.
std::string DisableNextLineComment(DocumentFormat format, std::string_view rule_id);

// textDocument/codeAction: for each diagnostic touching `requested`, a quick fix when it
// has a fix ("(unsafe)" appended to unsafe ones) and "Disable RULE for this line"; then
// "Fix all safe problems" as source.fixAll.ocrlint. `only` filters by kind prefix.
json CodeActions(const LintResult& lint, const std::string& uri, PositionEncoding encoding,
                 ByteRange requested, const std::optional<std::vector<std::string>>& only);

}  // namespace ocrlint::lsp

#endif  // OCRLINT_LSP_CODE_ACTIONS_H_
