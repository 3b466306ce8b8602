#ifndef OCRLINT_LSP_SERVER_H_
#define OCRLINT_LSP_SERVER_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <istream>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <utility>

#include "engine/catalog.h"
#include "engine/config.h"
#include "lsp/conversions.h"
#include "lsp/document_store.h"
#include "lsp/scheduler.h"
#include "lsp/transport.h"

namespace ocrlint {
class JsonWriter;
}  // namespace ocrlint

namespace ocrlint::lsp {

// `ocrlint lsp`: a Language Server Protocol 3.17 server over `in`/`out`. Returns the exit
// code: 0 after shutdown + exit, 1 when the client exits or disconnects without shutdown.
int RunLanguageServer(std::istream& in, std::ostream& out);

// The server. A reader thread frames messages into a queue (and records $/cancelRequest
// at once, so that queued requests can be cancelled); the calling thread dispatches them;
// a DiagnosticScheduler worker lints and publishes. All state lives in this object.
class Server {
 public:
  Server(std::istream& in, std::ostream& out);
  int Run();

 private:
  // Dispatch.
  void ReadLoop();
  void Handle(const json& message);
  void HandleRequest(const json& id, const std::string& method, const json& params);
  void HandleNotification(const std::string& method, const json& params);
  json Initialize(const json& params);
  void Initialized();

  // Cancellation.
  bool TakeCancelled(const json& id);
  bool IsCancelled(const json& id);

  // Text sync and diagnostics.
  void DidOpen(const json& params);
  void DidChange(const json& params);
  void DidSave(const json& params);
  void DidClose(const json& params);
  void Publish(const std::string& uri);
  std::shared_ptr<const LintResult> Analyse(const OpenDocument& document);
  std::shared_ptr<const LintResult> LintFor(const std::string& uri);
  void WriteDiagnostics(JsonWriter& out, const LintResult& lint, const std::string& uri) const;
  json DiagnosticsJson(const LintResult& lint, const std::string& uri) const;

  // Requests on documents.
  json PullDiagnostics(const json& params);
  json CodeAction(const json& params);
  json Formatting(const json& params);

  // Configuration.
  void ApplySettings(const json& settings);
  void ReloadConfig();
  // The current resolver and its generation.
  std::pair<std::shared_ptr<ConfigResolver>, std::uint64_t> Resolver();
  void ShowMessage(int type, const std::string& message);

  std::istream& in_;
  Writer writer_;
  const RuleCatalog catalog_;
  std::atomic<PositionEncoding> encoding_{PositionEncoding::kUtf16};
  DocumentStore store_;
  // Held while a document changes or closes and while a publication checks its version and
  // is written, so that no publication is written for a version already replaced.
  std::mutex publish_mutex_;

  std::mutex config_mutex_;
  CommandLineSelection selection_;
  std::shared_ptr<ConfigResolver> resolver_;
  std::uint64_t config_generation_ = 0;  // bumped by every reload

  std::mutex queue_mutex_;
  std::condition_variable queue_ready_;
  std::deque<json> queue_;
  bool reader_done_ = false;
  std::set<std::string> cancelled_;  // ids (as JSON text) of cancelled requests

  bool initialized_ = false;
  bool shutdown_ = false;
  bool watch_registration_ = false;  // client can register file watchers dynamically

  // Last: its worker calls Publish, which uses the members above.
  std::unique_ptr<DiagnosticScheduler> scheduler_;
};

}  // namespace ocrlint::lsp

#endif  // OCRLINT_LSP_SERVER_H_
