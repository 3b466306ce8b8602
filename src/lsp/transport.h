#ifndef OCRLINT_LSP_TRANSPORT_H_
#define OCRLINT_LSP_TRANSPORT_H_

#include <cstddef>
#include <istream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

namespace ocrlint::lsp {

using nlohmann::json;

// JSON-RPC error codes used by the server (JSON-RPC 2.0 and LSP 3.17).
namespace error_code {
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerNotInitialized = -32002;
inline constexpr int kRequestCancelled = -32800;
}  // namespace error_code

// One framed message read from the client.
struct Incoming {
  enum class Kind { kMessage, kParseError, kEof };
  Kind kind = Kind::kEof;
  json message;       // kMessage
  std::string error;  // kParseError: why the frame or its JSON was rejected
};

// Reads one "Content-Length: N\r\n\r\n<N bytes of JSON>" frame. A frame whose header has no
// usable Content-Length, or whose body is not JSON, gives kParseError and reading goes on
// with the next frame (a "Content-Length:" anywhere in a header line resynchronises).
Incoming ReadMessage(std::istream& in);

// Frames and writes whole messages; safe to call from several threads.
class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}
  void Write(const json& message);
  // Sends a message already serialised as JSON text.
  void WriteRaw(std::string_view body);

 private:
  std::mutex mutex_;
  std::ostream& out_;
};

json MakeResponse(const json& id, json result);
json MakeError(const json& id, int code, std::string message);
json MakeNotification(std::string method, json params);

}  // namespace ocrlint::lsp

#endif  // OCRLINT_LSP_TRANSPORT_H_
