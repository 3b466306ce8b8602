#ifndef OCRLINT_LSP_DOCUMENT_STORE_H_
#define OCRLINT_LSP_DOCUMENT_STORE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "engine/catalog.h"
#include "lsp/conversions.h"

namespace ocrlint::lsp {

// The result of linting one version of an open document. Keeps the RuleSet alive: the
// diagnostics point at RuleMeta owned by its rules.
struct LintResult {
  int version = 0;
  std::uint64_t config_generation = 0;  // which configuration it was linted with
  std::shared_ptr<const RuleSet> rules;
  std::shared_ptr<const Document> document;
  std::vector<Diagnostic> diagnostics;
  std::string error;  // set when the check failed (config error, exception): no diagnostics
};

struct OpenDocument {
  std::string uri;
  std::string path;  // from the URI: selects format and config
  std::string text;
  int version = 0;
};

// The documents the client has open, with their latest lint result. Thread-safe: the
// dispatcher edits documents while the diagnostics worker reads them.
class DocumentStore {
 public:
  void Open(const std::string& uri, std::string text, int version);
  // Applies TextDocumentContentChangeEvent[] in order: ranged changes are converted with a
  // LineIndex of the text as it is before each change. Throws std::out_of_range for an
  // unknown document, json::exception for malformed changes.
  void Change(const std::string& uri, const nlohmann::json& changes, int version,
              PositionEncoding encoding);
  void Close(const std::string& uri);

  std::optional<OpenDocument> Get(const std::string& uri) const;
  std::vector<std::string> Uris() const;
  bool IsCurrent(const std::string& uri, int version) const;

  // Stores `result` unless the document changed or closed meanwhile.
  void SetLint(const std::string& uri, std::shared_ptr<const LintResult> result);
  // Drops the stored result (the configuration changed).
  void Invalidate(const std::string& uri);
  // The stored result, only when it is for the current version.
  std::shared_ptr<const LintResult> CurrentLint(const std::string& uri) const;

 private:
  struct Entry {
    OpenDocument document;
    std::shared_ptr<const LintResult> lint;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

}  // namespace ocrlint::lsp

#endif  // OCRLINT_LSP_DOCUMENT_STORE_H_
