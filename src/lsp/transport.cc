#include "lsp/transport.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace ocrlint::lsp {
namespace {

// Larger frames are rejected rather than buffered.
constexpr std::size_t kMaxContentLength = std::size_t{256} << 20;

// The value of a "Content-Length:" header anywhere in `line`, or -1 when absent, or -2
// when present but not a number.
long long ContentLength(std::string_view line) {
  static constexpr std::string_view kName = "content-length:";
  std::string lower(line);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::size_t at = lower.find(kName);
  if (at == std::string::npos) return -1;
  std::string_view value = line.substr(at + kName.size());
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  unsigned long long n = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc() || end != value.data() + value.size() || value.empty()) return -2;
  if (n > kMaxContentLength) return -2;
  return static_cast<long long>(n);
}

}  // namespace

Incoming ReadMessage(std::istream& in) {
  long long length = -1;
  bool saw_header = false;
  bool bad_length = false;
  std::string line;
  while (true) {
    if (!std::getline(in, line)) return Incoming{};
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!saw_header) continue;  // stray blank lines between frames
      break;
    }
    saw_header = true;
    const long long value = ContentLength(line);
    if (value >= 0) {
      length = value;
      bad_length = false;
    } else if (value == -2) {
      bad_length = true;
    }
  }
  Incoming result;
  if (length < 0 || bad_length) {
    result.kind = Incoming::Kind::kParseError;
    result.error = "missing or invalid Content-Length header";
    return result;
  }
  std::string body(static_cast<std::size_t>(length), '\0');
  in.read(body.data(), length);
  if (in.gcount() != length) return Incoming{};
  json message = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) {
    result.kind = Incoming::Kind::kParseError;
    result.error = "the message body is not valid JSON";
    return result;
  }
  result.kind = Incoming::Kind::kMessage;
  result.message = std::move(message);
  return result;
}

void Writer::Write(const json& message) {
  // Invalid UTF-8 (a document with undecodable bytes) becomes U+FFFD instead of throwing.
  WriteRaw(message.dump(-1, ' ', false, json::error_handler_t::replace));
}

void Writer::WriteRaw(std::string_view body) {
  std::lock_guard<std::mutex> lock(mutex_);
  out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out_.flush();
}

json MakeResponse(const json& id, json result) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json MakeError(const json& id, int code, std::string message) {
  return json{{"jsonrpc", "2.0"},
              {"id", id},
              {"error", json{{"code", code}, {"message", std::move(message)}}}};
}

json MakeNotification(std::string method, json params) {
  return json{{"jsonrpc", "2.0"}, {"method", std::move(method)}, {"params", std::move(params)}};
}

}  // namespace ocrlint::lsp
