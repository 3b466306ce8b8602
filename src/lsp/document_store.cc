#include "lsp/document_store.h"

#include <stdexcept>

namespace ocrlint::lsp {

void DocumentStore::Open(const std::string& uri, std::string text, int version) {
  std::lock_guard<std::mutex> lock(mutex_);
  Entry& entry = entries_[uri];
  entry.document = OpenDocument{uri, PathFromUri(uri), std::move(text), version};
  entry.lint.reset();
}

void DocumentStore::Change(const std::string& uri, const nlohmann::json& changes, int version,
                           PositionEncoding encoding) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(uri);
  if (it == entries_.end()) throw std::out_of_range("document is not open: " + uri);
  // Work on a copy so that a malformed change leaves the document as it was.
  std::string text = it->second.document.text;
  for (const nlohmann::json& change : changes) {
    std::string replacement = change.at("text").get<std::string>();
    if (!change.contains("range")) {
      text = std::move(replacement);
      continue;
    }
    const LineIndex lines(text);
    const ByteRange range = RangeFromLsp(lines, change.at("range"), encoding);
    text.replace(range.begin, range.size(), replacement);
  }
  it->second.document.text = std::move(text);
  it->second.document.version = version;
  it->second.lint.reset();
}

void DocumentStore::Close(const std::string& uri) {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.erase(uri);
}

std::optional<OpenDocument> DocumentStore::Get(const std::string& uri) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(uri);
  if (it == entries_.end()) return std::nullopt;
  return it->second.document;
}

std::vector<std::string> DocumentStore::Uris() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> uris;
  for (const auto& [uri, entry] : entries_) uris.push_back(uri);
  return uris;
}

bool DocumentStore::IsCurrent(const std::string& uri, int version) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(uri);
  return it != entries_.end() && it->second.document.version == version;
}

void DocumentStore::SetLint(const std::string& uri, std::shared_ptr<const LintResult> result) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(uri);
  if (it == entries_.end() || it->second.document.version != result->version) return;
  it->second.lint = std::move(result);
}

void DocumentStore::Invalidate(const std::string& uri) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(uri);
  if (it != entries_.end()) it->second.lint.reset();
}

std::shared_ptr<const LintResult> DocumentStore::CurrentLint(const std::string& uri) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(uri);
  if (it == entries_.end()) return nullptr;
  return it->second.lint;
}

}  // namespace ocrlint::lsp
