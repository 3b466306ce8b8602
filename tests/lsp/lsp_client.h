#ifndef OCRLINT_TESTS_LSP_LSP_CLIENT_H_
#define OCRLINT_TESTS_LSP_LSP_CLIENT_H_

#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>
#include <thread>

#include <chrono>
#include <deque>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/line_index.h"

namespace ocrlint::testing {

using nlohmann::json;

// A minimal LSP client for protocol tests: starts `build/ocrlint lsp` as a child process
// with pipes for its standard input and output, frames messages, and waits for replies
// with timeouts so that a hung server fails the test instead of hanging it.
class LspClient {
 public:
  // Generous: CI machines are shared and slow; a hung server still fails the test.
  static constexpr std::chrono::milliseconds kTimeout{30000};

  explicit LspClient(const std::filesystem::path& cwd = std::filesystem::current_path());
  ~LspClient();  // closes the server's input and reaps it (killing it if it hangs)
  LspClient(const LspClient&) = delete;
  LspClient& operator=(const LspClient&) = delete;

  void SendRaw(const std::string& bytes);
  static std::string Frame(const json& message);
  void Send(const json& message) { SendRaw(Frame(message)); }
  // Sends a request and returns its id.
  int Request(const std::string& method, json params);
  void Notify(const std::string& method, json params);

  // The first message (buffered or new) matching `match`; nullopt on timeout. Messages
  // that do not match stay buffered for later calls.
  std::optional<json> WaitFor(const std::function<bool(const json&)>& match,
                              std::chrono::milliseconds timeout = kTimeout);
  std::optional<json> Response(const json& id, std::chrono::milliseconds timeout = kTimeout);
  // The next publishDiagnostics for `uri` (with `version` when given).
  std::optional<json> Diagnostics(const std::string& uri, std::optional<int> version = {},
                                  std::chrono::milliseconds timeout = kTimeout);
  // Every message received so far and not taken by WaitFor.
  const std::deque<json>& backlog() const { return backlog_; }

  // initialize (offering `encodings`) + initialized; returns the initialize result.
  json Initialize(const std::vector<std::string>& encodings = {}, json init_options = nullptr);
  // shutdown + exit; returns the exit code (-1 when it had to be killed).
  int Shutdown();
  // Closes the server's input and waits for it to exit; the exit code or -1.
  int CloseAndWait(std::chrono::milliseconds timeout = kTimeout);

 private:
  // Reads one more message into backlog_; false on timeout or end of output.
  bool ReadOne(std::chrono::steady_clock::time_point deadline);

  pid_t pid_ = -1;
  int to_server_ = -1;
  int from_server_ = -1;
  int next_id_ = 1;
  std::string buffer_;
  std::deque<json> backlog_;
  std::optional<int> exit_code_;
};

inline LspClient::LspClient(const std::filesystem::path& cwd) {
  ::signal(SIGPIPE, SIG_IGN);  // a dead server must fail a test, not kill the test binary
  int in_pipe[2];
  int out_pipe[2];
  if (::pipe(in_pipe) != 0 || ::pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    if (::chdir(cwd.c_str()) != 0) ::_exit(127);
    ::dup2(in_pipe[0], 0);
    ::dup2(out_pipe[1], 1);
    ::close(in_pipe[0]);
    ::close(in_pipe[1]);
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    std::string binary = OCRLINT_BINARY;
    std::string command = "lsp";
    char* argv[] = {binary.data(), command.data(), nullptr};
    ::execv(binary.c_str(), argv);
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  to_server_ = in_pipe[1];
  from_server_ = out_pipe[0];
}

inline LspClient::~LspClient() {
  CloseAndWait(std::chrono::milliseconds(5000));
  if (from_server_ >= 0) ::close(from_server_);
}

inline std::string LspClient::Frame(const json& message) {
  const std::string body = message.dump();
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

inline void LspClient::SendRaw(const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(to_server_, bytes.data() + done, bytes.size() - done);
    if (n <= 0) throw std::runtime_error("cannot write to the server");
    done += static_cast<std::size_t>(n);
  }
}

inline int LspClient::Request(const std::string& method, json params) {
  const int id = next_id_++;
  Send(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  return id;
}

inline void LspClient::Notify(const std::string& method, json params) {
  Send(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

inline bool LspClient::ReadOne(std::chrono::steady_clock::time_point deadline) {
  while (true) {
    const std::size_t header_end = buffer_.find("\r\n\r\n");
    if (header_end != std::string::npos) {
      const std::size_t at = buffer_.find("Content-Length: ");
      if (at == std::string::npos || at > header_end) throw std::runtime_error("bad frame");
      const std::size_t length = std::stoul(buffer_.substr(at + 16, header_end - at - 16));
      if (buffer_.size() >= header_end + 4 + length) {
        backlog_.push_back(json::parse(buffer_.substr(header_end + 4, length)));
        buffer_.erase(0, header_end + 4 + length);
        return true;
      }
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) return false;
    pollfd fd{from_server_, POLLIN, 0};
    if (::poll(&fd, 1, static_cast<int>(left)) <= 0) continue;
    char chunk[65536];
    const ssize_t n = ::read(from_server_, chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
}

inline std::optional<json> LspClient::WaitFor(const std::function<bool(const json&)>& match,
                                              std::chrono::milliseconds timeout) {
  const std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::now() + timeout;
  std::size_t checked = 0;
  while (true) {
    for (; checked < backlog_.size(); ++checked) {
      if (match(backlog_[checked])) {
        json found = std::move(backlog_[checked]);
        backlog_.erase(backlog_.begin() + static_cast<std::ptrdiff_t>(checked));
        return found;
      }
    }
    if (!ReadOne(deadline)) return std::nullopt;
  }
}

inline std::optional<json> LspClient::Response(const json& id, std::chrono::milliseconds timeout) {
  return WaitFor(
      [&](const json& m) { return m.contains("id") && m.at("id") == id && !m.contains("method"); },
      timeout);
}

inline std::optional<json> LspClient::Diagnostics(const std::string& uri,
                                                  std::optional<int> version,
                                                  std::chrono::milliseconds timeout) {
  return WaitFor(
      [&](const json& m) {
        if (m.value("method", "") != "textDocument/publishDiagnostics") return false;
        const json& params = m.at("params");
        if (params.at("uri") != uri) return false;
        return !version || (params.contains("version") && params.at("version") == *version);
      },
      timeout);
}

inline json LspClient::Initialize(const std::vector<std::string>& encodings, json init_options) {
  json capabilities = json::object();
  if (!encodings.empty()) capabilities["general"] = json{{"positionEncodings", encodings}};
  json params{{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", capabilities}};
  if (!init_options.is_null()) params["initializationOptions"] = std::move(init_options);
  const int id = Request("initialize", std::move(params));
  auto response = Response(id);
  if (!response) throw std::runtime_error("no answer to initialize");
  Notify("initialized", json::object());
  return response->at("result");
}

inline int LspClient::Shutdown() {
  const int id = Request("shutdown", nullptr);
  if (!Response(id)) return -1;
  Notify("exit", nullptr);
  return CloseAndWait();
}

inline int LspClient::CloseAndWait(std::chrono::milliseconds timeout) {
  if (exit_code_) return *exit_code_;
  if (to_server_ >= 0) {
    ::close(to_server_);
    to_server_ = -1;
  }
  const std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (true) {
    const pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      exit_code_ = -1;
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return *exit_code_;
}

// Applies LSP TextEdits (positions in `encoding`, "utf-16" or "utf-8") to `text`.
inline std::string ApplyTextEdits(const std::string& text, const json& edits,
                                  const std::string& encoding = "utf-16") {
  const LineIndex lines(text);
  auto offset = [&](const json& position) {
    const auto line = position.at("line").get<std::size_t>();
    const auto character = position.at("character").get<std::size_t>();
    return encoding == "utf-8" ? lines.OffsetFromBytes(line, character)
                               : lines.OffsetFromUtf16(line, character);
  };
  struct Resolved {
    std::size_t begin, end;
    std::string text;
  };
  std::vector<Resolved> resolved;
  for (const json& edit : edits) {
    resolved.push_back({offset(edit.at("range").at("start")), offset(edit.at("range").at("end")),
                        edit.at("newText").get<std::string>()});
  }
  std::stable_sort(resolved.begin(), resolved.end(),
                   [](const Resolved& a, const Resolved& b) { return a.begin > b.begin; });
  std::string out = text;
  for (const Resolved& edit : resolved) out.replace(edit.begin, edit.end - edit.begin, edit.text);
  return out;
}

// "file:///…" for an absolute path (no characters in our tests need escaping).
inline std::string FileUri(const std::filesystem::path& path) { return "file://" + path.string(); }

}  // namespace ocrlint::testing

#endif  // OCRLINT_TESTS_LSP_LSP_CLIENT_H_
