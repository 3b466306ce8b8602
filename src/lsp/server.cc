#include "lsp/server.h"

#include "output/json_writer.h"

#include <exception>
#include <thread>

#include "core/document.h"
#include "engine/linter.h"
#include "engine/rule_options.h"
#include "lsp/code_actions.h"

namespace ocrlint::lsp {
namespace {

constexpr std::chrono::milliseconds kDefaultDebounce{50};

// window/showMessage types.
constexpr int kMessageError = 1;

std::string IdKey(const json& id) { return id.dump(); }

std::optional<std::vector<std::string>> StringList(const json& object, const char* key) {
  if (!object.is_object() || !object.contains(key)) return std::nullopt;
  return object.at(key).get<std::vector<std::string>>();
}

bool IsConfigFile(std::string_view path) {
  static constexpr std::string_view kName = "ocrlint.toml";
  return path.size() >= kName.size() && path.substr(path.size() - kName.size()) == kName;
}

}  // namespace

int RunLanguageServer(std::istream& in, std::ostream& out) {
  Server server(in, out);
  return server.Run();
}

Server::Server(std::istream& in, std::ostream& out)
    : in_(in),
      writer_(out),
      catalog_(RuleCatalog::Builtin()),
      resolver_(std::make_shared<ConfigResolver>(catalog_, std::nullopt, selection_)),
      scheduler_(std::make_unique<DiagnosticScheduler>(
          kDefaultDebounce, [this](const std::string& uri) { Publish(uri); })) {
  // std::cin is tied to std::cout: every read would flush the output from the reader
  // thread, racing with the writer (duplicated frames). Writer flushes each message itself.
  in_.tie(nullptr);
}

int Server::Run() {
  std::thread reader([this] { ReadLoop(); });
  int code = 1;
  while (true) {
    json message;
    {
      std::unique_lock<std::mutex> lock(queue_mutex_);
      queue_ready_.wait(lock, [this] { return !queue_.empty() || reader_done_; });
      if (queue_.empty()) break;  // end of input
      message = std::move(queue_.front());
      queue_.pop_front();
    }
    if (message.is_object() && message.value("method", json()) == "exit") {
      code = shutdown_ ? 0 : 1;
      break;
    }
    Handle(message);
  }
  scheduler_.reset();  // stop publishing before the output goes away
  // The reader has ended: it stops after queueing `exit` and at the end of input.
  reader.join();
  return code;
}

void Server::ReadLoop() {
  while (true) {
    Incoming incoming = ReadMessage(in_);
    if (incoming.kind == Incoming::Kind::kEof) break;
    if (incoming.kind == Incoming::Kind::kParseError) {
      writer_.Write(MakeError(nullptr, error_code::kParseError, incoming.error));
      continue;
    }
    const json& message = incoming.message;
    if (message.is_object() && message.value("method", json()) == "$/cancelRequest") {
      const json params = message.value("params", json::object());
      if (params.is_object() && params.contains("id")) {
        std::lock_guard<std::mutex> lock(queue_mutex_);
        if (cancelled_.size() > 10000) cancelled_.clear();  // ids of long-finished requests
        cancelled_.insert(IdKey(params.at("id")));
      }
      continue;
    }
    const bool is_exit = message.is_object() && message.value("method", json()) == "exit";
    {
      std::lock_guard<std::mutex> lock(queue_mutex_);
      queue_.push_back(std::move(incoming.message));
    }
    queue_ready_.notify_one();
    if (is_exit) return;
  }
  {
    std::lock_guard<std::mutex> lock(queue_mutex_);
    reader_done_ = true;
  }
  queue_ready_.notify_one();
}

bool Server::TakeCancelled(const json& id) {
  std::lock_guard<std::mutex> lock(queue_mutex_);
  return cancelled_.erase(IdKey(id)) > 0;
}

bool Server::IsCancelled(const json& id) {
  std::lock_guard<std::mutex> lock(queue_mutex_);
  return cancelled_.count(IdKey(id)) > 0;
}

void Server::Handle(const json& message) {
  if (!message.is_object()) {
    writer_.Write(MakeError(nullptr, error_code::kInvalidRequest, "a message must be an object"));
    return;
  }
  const json id = message.contains("id") ? message.at("id") : json();
  const bool has_id = message.contains("id") && (id.is_number_integer() || id.is_string());
  if (!message.contains("method")) {
    if (has_id && (message.contains("result") || message.contains("error"))) return;  // reply
    writer_.Write(MakeError(has_id ? id : json(), error_code::kInvalidRequest, "no method"));
    return;
  }
  if (!message.at("method").is_string() || (message.contains("id") && !has_id)) {
    writer_.Write(MakeError(has_id ? id : json(), error_code::kInvalidRequest,
                            "method must be a string and id a number or string"));
    return;
  }
  const std::string method = message.at("method").get<std::string>();
  const json params = message.value("params", json::object());
  if (has_id) {
    HandleRequest(id, method, params);
    return;
  }
  try {
    HandleNotification(method, params);
  } catch (const std::exception& e) {
    // A notification has no reply; tell the user instead of dying.
    ShowMessage(kMessageError, "ocrlint: " + method + " failed: " + e.what());
  }
}

void Server::HandleRequest(const json& id, const std::string& method, const json& params) {
  if (TakeCancelled(id)) {
    writer_.Write(MakeError(id, error_code::kRequestCancelled, "request cancelled"));
    return;
  }
  if (method == "initialize") {
    if (initialized_) {
      writer_.Write(MakeError(id, error_code::kInvalidRequest, "already initialized"));
      return;
    }
    json result;
    try {
      result = Initialize(params);
    } catch (const json::exception& e) {
      writer_.Write(MakeError(id, error_code::kInvalidParams, e.what()));
      return;
    }
    initialized_ = true;
    writer_.Write(MakeResponse(id, std::move(result)));
    return;
  }
  if (!initialized_) {
    writer_.Write(MakeError(id, error_code::kServerNotInitialized, "server not initialized"));
    return;
  }
  if (shutdown_) {
    writer_.Write(MakeError(id, error_code::kInvalidRequest, "server is shutting down"));
    return;
  }
  json result;
  try {
    if (method == "shutdown") {
      shutdown_ = true;
      result = nullptr;
    } else if (method == "textDocument/diagnostic") {
      result = PullDiagnostics(params);
    } else if (method == "textDocument/codeAction") {
      result = CodeAction(params);
    } else if (method == "textDocument/formatting") {
      result = Formatting(params);
    } else {
      writer_.Write(MakeError(id, error_code::kMethodNotFound, "unknown method: " + method));
      return;
    }
  } catch (const json::exception& e) {
    writer_.Write(MakeError(id, error_code::kInvalidParams, e.what()));
    return;
  } catch (const std::out_of_range& e) {
    writer_.Write(MakeError(id, error_code::kInvalidParams, e.what()));
    return;
  } catch (const std::exception& e) {
    writer_.Write(MakeError(id, error_code::kInternalError, e.what()));
    return;
  }
  if (TakeCancelled(id)) {
    writer_.Write(MakeError(id, error_code::kRequestCancelled, "request cancelled"));
    return;
  }
  writer_.Write(MakeResponse(id, std::move(result)));
}

void Server::HandleNotification(const std::string& method, const json& params) {
  if (!initialized_ || shutdown_) return;  // dropped, as the protocol says
  if (method == "initialized") {
    Initialized();
  } else if (method == "textDocument/didOpen") {
    DidOpen(params);
  } else if (method == "textDocument/didChange") {
    DidChange(params);
  } else if (method == "textDocument/didSave") {
    DidSave(params);
  } else if (method == "textDocument/didClose") {
    DidClose(params);
  } else if (method == "workspace/didChangeConfiguration") {
    ApplySettings(params.value("settings", json()));
  } else if (method == "workspace/didChangeWatchedFiles") {
    ReloadConfig();
  }
  // Anything else ($/setTrace, unknown notifications) is ignored.
}

json Server::Initialize(const json& params) {
  const json capabilities = params.value("capabilities", json::object());
  const json encodings =
      capabilities.value("general", json::object()).value("positionEncodings", json::array());
  for (const json& encoding : encodings) {
    if (encoding == "utf-8") encoding_ = PositionEncoding::kUtf8;
  }
  watch_registration_ = capabilities.value("workspace", json::object())
                            .value("didChangeWatchedFiles", json::object())
                            .value("dynamicRegistration", false);
  const json options = params.value("initializationOptions", json());
  if (options.is_object()) {
    if (options.contains("debounceMs")) {
      scheduler_->set_debounce(std::chrono::milliseconds(options.at("debounceMs").get<int>()));
    }
    if (options.contains("settings")) ApplySettings(options.at("settings"));
  }
  json server_capabilities{
      {"positionEncoding", ToString(encoding_.load())},
      {"textDocumentSync",
       json{{"openClose", true}, {"change", 2}, {"save", json{{"includeText", false}}}}},
      {"codeActionProvider",
       json{{"codeActionKinds", json::array({"quickfix", std::string(kFixAllKind)})}}},
      {"documentFormattingProvider", true},
      {"diagnosticProvider", json{{"identifier", "ocrlint"},
                                  {"interFileDependencies", false},
                                  {"workspaceDiagnostics", false}}}};
  return json{{"capabilities", std::move(server_capabilities)},
              {"serverInfo", json{{"name", "ocrlint"}, {"version", OCRLINT_VERSION}}}};
}

void Server::Initialized() {
  if (!watch_registration_) return;
  json watcher{{"globPattern", "**/ocrlint.toml"}};
  json registration{{"id", "ocrlint-config-watch"},
                    {"method", "workspace/didChangeWatchedFiles"},
                    {"registerOptions", json{{"watchers", json::array({watcher})}}}};
  writer_.Write(json{{"jsonrpc", "2.0"},
                     {"id", "ocrlint-register-watchers"},
                     {"method", "client/registerCapability"},
                     {"params", json{{"registrations", json::array({registration})}}}});
}

void Server::DidOpen(const json& params) {
  const json& item = params.at("textDocument");
  const std::string uri = item.at("uri").get<std::string>();
  store_.Open(uri, item.at("text").get<std::string>(), item.value("version", 0));
  scheduler_->Now(uri);
}

void Server::DidChange(const json& params) {
  const json& item = params.at("textDocument");
  const std::string uri = item.at("uri").get<std::string>();
  {
    std::lock_guard<std::mutex> lock(publish_mutex_);
    store_.Change(uri, params.at("contentChanges"), item.at("version").get<int>(), encoding_);
  }
  scheduler_->Changed(uri);
}

void Server::DidSave(const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  if (IsConfigFile(uri)) {
    ReloadConfig();
    return;
  }
  scheduler_->Now(uri);
}

void Server::DidClose(const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  std::lock_guard<std::mutex> lock(publish_mutex_);
  store_.Close(uri);
  // Clear what the editor shows for the closed document.
  writer_.Write(MakeNotification("textDocument/publishDiagnostics",
                                 json{{"uri", uri}, {"diagnostics", json::array()}}));
}

std::shared_ptr<const LintResult> Server::Analyse(const OpenDocument& document) {
  auto result = std::make_shared<LintResult>();
  result->version = document.version;
  try {
    auto [resolver, generation] = Resolver();
    result->config_generation = generation;
    result->rules = resolver->RulesFor(document.path);
    std::shared_ptr<const Document> parsed = Document::Create(document.path, document.text);
    result->document = parsed;
    result->diagnostics = Lint(*parsed, *result->rules);
  } catch (const std::exception& e) {
    // A bad ocrlint.toml or a failing check: reported on this document only.
    result->diagnostics.clear();
    result->error = e.what();
    if (!result->document) {
      result->document = Document::Create(document.path, document.text);
    }
  }
  return result;
}

std::shared_ptr<const LintResult> Server::LintFor(const std::string& uri) {
  auto cached = store_.CurrentLint(uri);
  if (cached && cached->config_generation == Resolver().second) return cached;
  const std::optional<OpenDocument> document = store_.Get(uri);
  if (!document) throw std::out_of_range("document is not open: " + uri);
  auto result = Analyse(*document);
  store_.SetLint(uri, result);
  return result;
}

void Server::WriteDiagnostics(JsonWriter& out, const LintResult& lint,
                              const std::string& uri) const {
  out.BeginArray();
  if (!lint.error.empty()) {
    // The check failed (a configuration error, say): one error at the top of the document.
    const auto origin = [&] {
      out.BeginObject()
          .Field("line", std::size_t{0})
          .Field("character", std::size_t{0})
          .EndObject();
    };
    out.BeginObject().Key("range").BeginObject().Key("start");
    origin();
    out.Key("end");
    origin();
    out.EndObject()
        .Key("severity")
        .Number(1)
        .Field("code", "internal-error")
        .Field("source", "ocrlint")
        .Field("message", "ocrlint could not check this document: " + lint.error)
        .EndObject();
  } else {
    for (const Diagnostic& diagnostic : lint.diagnostics) {
      WriteLspDiagnostic(out, diagnostic, lint.document->lines(), uri, encoding_);
    }
  }
  out.EndArray();
}

json Server::DiagnosticsJson(const LintResult& lint, const std::string& uri) const {
  std::string text;
  JsonWriter out(text, -1);
  WriteDiagnostics(out, lint, uri);
  return json::parse(text);
}

void Server::Publish(const std::string& uri) {
  if (!store_.Get(uri)) return;
  std::shared_ptr<const LintResult> lint;
  try {
    lint = LintFor(uri);
  } catch (const std::out_of_range&) {
    return;  // closed meanwhile
  }
  std::lock_guard<std::mutex> lock(publish_mutex_);
  if (!store_.IsCurrent(uri, lint->version)) return;
  // Written as text, not as a json DOM: the publication is most of an edit's latency.
  std::string body;
  JsonWriter out(body, -1);
  out.BeginObject()
      .Field("jsonrpc", "2.0")
      .Field("method", "textDocument/publishDiagnostics")
      .Key("params")
      .BeginObject()
      .Field("uri", uri)
      .Field("version", static_cast<std::size_t>(lint->version))
      .Key("diagnostics");
  WriteDiagnostics(out, *lint, uri);
  out.EndObject().EndObject();
  writer_.WriteRaw(body);
}

json Server::PullDiagnostics(const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  const auto lint = LintFor(uri);
  return json{{"kind", "full"},
              {"resultId", std::to_string(lint->version)},
              {"items", DiagnosticsJson(*lint, uri)}};
}

json Server::CodeAction(const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  const auto lint = LintFor(uri);
  const ByteRange requested = RangeFromLsp(lint->document->lines(), params.at("range"), encoding_);
  const json context = params.value("context", json::object());
  return CodeActions(*lint, uri, encoding_, requested, StringList(context, "only"));
}

json Server::Formatting(const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  return FixAllEdits(*LintFor(uri), encoding_);
}

void Server::ApplySettings(const json& settings) {
  json ours = settings;
  if (ours.is_object() && ours.contains("ocrlint")) ours = ours.at("ocrlint");
  if (!ours.is_object()) return;
  CommandLineSelection selection;
  try {
    selection.select = StringList(ours, "select");
    selection.ignore = StringList(ours, "ignore").value_or(std::vector<std::string>());
    selection.extend_select =
        StringList(ours, "extendSelect")
            .value_or(StringList(ours, "extend-select").value_or(std::vector<std::string>()));
    if (selection.select) catalog_.Expand(*selection.select, "settings ocrlint.select");
    catalog_.Expand(selection.extend_select, "settings ocrlint.extendSelect");
    catalog_.Expand(selection.ignore, "settings ocrlint.ignore");
  } catch (const std::exception& e) {
    ShowMessage(kMessageError, std::string("ocrlint: settings ignored: ") + e.what());
    return;
  }
  {
    std::lock_guard<std::mutex> lock(config_mutex_);
    selection_ = std::move(selection);
  }
  ReloadConfig();
}

void Server::ReloadConfig() {
  {
    std::lock_guard<std::mutex> lock(config_mutex_);
    resolver_ = std::make_shared<ConfigResolver>(catalog_, std::nullopt, selection_);
    ++config_generation_;
  }
  for (const std::string& uri : store_.Uris()) {
    store_.Invalidate(uri);
    scheduler_->Now(uri);
  }
}

std::pair<std::shared_ptr<ConfigResolver>, std::uint64_t> Server::Resolver() {
  std::lock_guard<std::mutex> lock(config_mutex_);
  return {resolver_, config_generation_};
}

void Server::ShowMessage(int type, const std::string& message) {
  writer_.Write(MakeNotification("window/showMessage", json{{"type", type}, {"message", message}}));
}

}  // namespace ocrlint::lsp
