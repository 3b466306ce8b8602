#include "lsp/code_actions.h"

#include <set>
#include <utility>

#include "engine/linter.h"

namespace ocrlint::lsp {
namespace {

bool IsContinuation(std::string_view text, std::size_t offset) {
  return offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80;
}

// Whether an edit boundary at `offset` would fall inside a character or a CRLF.
bool InsideCharacter(std::string_view text, std::size_t offset) {
  if (IsContinuation(text, offset)) return true;
  return offset > 0 && offset < text.size() && text[offset - 1] == '\r' && text[offset] == '\n';
}

// Whether `kind` is selected by the client's `only` list (hierarchical prefixes).
bool KindWanted(std::string_view kind, const std::optional<std::vector<std::string>>& only) {
  if (!only) return true;
  for (const std::string& want : *only) {
    if (kind == want) return true;
    if (kind.size() > want.size() && kind.substr(0, want.size()) == want &&
        kind[want.size()] == '.') {
      return true;
    }
  }
  return false;
}

json WorkspaceEdit(const std::string& uri, json edits) {
  return json{{"changes", json{{uri, std::move(edits)}}}};
}

bool Touches(ByteRange diagnostic, ByteRange requested) {
  return diagnostic.begin <= requested.end && requested.begin <= diagnostic.end;
}

std::string LineBreak(const Document& document) {
  return document.line_ending() == LineEnding::kCrlf ? "\r\n" : "\n";
}

}  // namespace

Edit MinimalEdit(std::string_view before, std::string_view after) {
  std::size_t prefix = 0;
  const std::size_t limit = std::min(before.size(), after.size());
  while (prefix < limit && before[prefix] == after[prefix]) ++prefix;
  while (prefix > 0 && (InsideCharacter(before, prefix) || InsideCharacter(after, prefix))) {
    --prefix;
  }
  std::size_t suffix = 0;
  while (suffix < limit - prefix &&
         before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) {
    ++suffix;
  }
  while (suffix > 0 && (InsideCharacter(before, before.size() - suffix) ||
                        InsideCharacter(after, after.size() - suffix))) {
    --suffix;
  }
  return Edit{ByteRange{prefix, before.size() - suffix},
              std::string(after.substr(prefix, after.size() - suffix - prefix))};
}

json FixAllEdits(const LintResult& lint, PositionEncoding encoding) {
  json edits = json::array();
  if (!lint.document || !lint.rules) return edits;
  const Document& document = *lint.document;
  auto copy = Document::Create(document.path(), std::string(document.raw()), document.format());
  const FixResult fixed = ApplyFixes(std::move(copy), *lint.rules, FixMode::kSafe);
  if (!fixed.changed) return edits;
  const Edit edit = MinimalEdit(document.raw(), fixed.document->raw());
  edits.push_back(ToTextEdit(document.lines(), edit, encoding));
  return edits;
}

std::string DisableNextLineComment(DocumentFormat format, std::string_view rule_id) {
  if (format == DocumentFormat::kMarkdown) {
    return "<!-- ocrlint-disable-next-line " + std::string(rule_id) + " -->";
  }
  return "%% ocrlint-disable-next-line " + std::string(rule_id);
}

json CodeActions(const LintResult& lint, const std::string& uri, PositionEncoding encoding,
                 ByteRange requested, const std::optional<std::vector<std::string>>& only) {
  json actions = json::array();
  if (!lint.document) return actions;
  const Document& document = *lint.document;
  const LineIndex& lines = document.lines();
  bool any_safe_fix = false;
  std::set<std::pair<std::size_t, std::string>> disabled;  // (line, rule): one action each
  for (const Diagnostic& diagnostic : lint.diagnostics) {
    if (diagnostic.fix && diagnostic.fix->applicability == Applicability::kSafe) {
      any_safe_fix = true;
    }
    if (!Touches(diagnostic.range, requested) || !KindWanted("quickfix", only)) continue;
    const json lsp_diagnostic = ToLspDiagnostic(diagnostic, lines, uri, encoding);
    if (diagnostic.fix) {
      const Fix& fix = *diagnostic.fix;
      json edits = json::array();
      for (const Edit& edit : fix.edits) edits.push_back(ToTextEdit(lines, edit, encoding));
      const bool safe = fix.applicability == Applicability::kSafe;
      actions.push_back(json{{"title", safe ? fix.message.str() : fix.message.str() + " (unsafe)"},
                             {"kind", "quickfix"},
                             {"diagnostics", json::array({lsp_diagnostic})},
                             {"isPreferred", safe},
                             {"edit", WorkspaceEdit(uri, std::move(edits))}});
    }
    if (diagnostic.rule == nullptr) continue;
    const std::size_t line = lines.LineOf(diagnostic.range.begin);
    if (!disabled.emplace(line, diagnostic.rule->id).second) continue;
    const std::size_t line_start = lines.LineRange(line).begin;
    const Edit insert{
        ByteRange{line_start, line_start},
        DisableNextLineComment(document.format(), diagnostic.rule->id) + LineBreak(document)};
    actions.push_back(
        json{{"title", "Disable " + diagnostic.rule->id + " for this line"},
             {"kind", "quickfix"},
             {"diagnostics", json::array({lsp_diagnostic})},
             {"edit", WorkspaceEdit(uri, json::array({ToTextEdit(lines, insert, encoding)}))}});
  }
  if (any_safe_fix && KindWanted(kFixAllKind, only)) {
    json edits = FixAllEdits(lint, encoding);
    if (!edits.empty()) {
      actions.push_back(json{{"title", "Fix all safe problems (ocrlint)"},
                             {"kind", kFixAllKind},
                             {"edit", WorkspaceEdit(uri, std::move(edits))}});
    }
  }
  return actions;
}

}  // namespace ocrlint::lsp
