#include "lsp/conversions.h"

#include "output/json_writer.h"

namespace ocrlint::lsp {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int hi = HexValue(text[i + 1]);
      const int lo = HexValue(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace

std::string_view ToString(PositionEncoding encoding) {
  return encoding == PositionEncoding::kUtf8 ? "utf-8" : "utf-16";
}

std::string PathFromUri(std::string_view uri) {
  static constexpr std::string_view kFile = "file://";
  if (uri.substr(0, kFile.size()) == kFile) {
    std::string_view rest = uri.substr(kFile.size());
    // Skip an authority ("localhost"): the path starts at the first '/'.
    const std::size_t slash = rest.find('/');
    if (slash != std::string_view::npos) rest = rest.substr(slash);
    return PercentDecode(rest);
  }
  const std::size_t colon = uri.find(':');
  if (colon == std::string_view::npos) return PercentDecode(uri);
  return PercentDecode(uri.substr(colon + 1));
}

json ToLspPosition(const LineIndex& lines, std::size_t offset, PositionEncoding encoding) {
  const Position position = lines.Locate(offset);
  const std::size_t character =
      encoding == PositionEncoding::kUtf8 ? position.byte_column : position.utf16_column;
  return json{{"line", position.line}, {"character", character}};
}

json ToLspRange(const LineIndex& lines, ByteRange range, PositionEncoding encoding) {
  return json{{"start", ToLspPosition(lines, range.begin, encoding)},
              {"end", ToLspPosition(lines, range.end, encoding)}};
}

std::size_t OffsetFromLsp(const LineIndex& lines, const json& position, PositionEncoding encoding) {
  const auto line = position.at("line").get<std::size_t>();
  const auto character = position.at("character").get<std::size_t>();
  return encoding == PositionEncoding::kUtf8 ? lines.OffsetFromBytes(line, character)
                                             : lines.OffsetFromUtf16(line, character);
}

ByteRange RangeFromLsp(const LineIndex& lines, const json& range, PositionEncoding encoding) {
  ByteRange out{OffsetFromLsp(lines, range.at("start"), encoding),
                OffsetFromLsp(lines, range.at("end"), encoding)};
  if (out.end < out.begin) std::swap(out.begin, out.end);
  return out;
}

int ToLspSeverity(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return 1;
    case Severity::kWarning:
      return 2;
    case Severity::kInfo:
      return 3;
  }
  return 2;
}

namespace {

void WriteLspPosition(JsonWriter& out, const LineIndex& lines, std::size_t offset,
                      PositionEncoding encoding) {
  const Position position = lines.Locate(offset);
  const std::size_t character =
      encoding == PositionEncoding::kUtf8 ? position.byte_column : position.utf16_column;
  out.BeginObject().Field("line", position.line).Field("character", character).EndObject();
}

void WriteLspRange(JsonWriter& out, const LineIndex& lines, ByteRange range,
                   PositionEncoding encoding) {
  out.BeginObject().Key("start");
  WriteLspPosition(out, lines, range.begin, encoding);
  out.Key("end");
  WriteLspPosition(out, lines, range.end, encoding);
  out.EndObject();
}

}  // namespace

void WriteLspDiagnostic(JsonWriter& out, const Diagnostic& diagnostic, const LineIndex& lines,
                        std::string_view uri, PositionEncoding encoding) {
  const std::string_view id =
      diagnostic.rule != nullptr ? std::string_view(diagnostic.rule->id) : "internal-error";
  out.BeginObject().Key("range");
  WriteLspRange(out, lines, diagnostic.range, encoding);
  out.Key("severity")
      .Number(static_cast<std::size_t>(ToLspSeverity(diagnostic.severity)))
      .Field("code", id)
      .Field("source", "ocrlint")
      .Field("message", diagnostic.message);
  // Where the explanation lives: `ocrlint explain ID` prints the rule's documentation.
  out.Key("data").BeginObject().Field("rule", id);
  out.Key("explain").String("ocrlint explain " + std::string(id));
  if (diagnostic.fix) {
    out.Field("fix", diagnostic.fix->message)
        .Field("fixApplicability", ToString(diagnostic.fix->applicability));
  }
  out.EndObject();
  if (!diagnostic.related.empty()) {
    out.Key("relatedInformation").BeginArray();
    for (const RelatedLocation& location : diagnostic.related) {
      out.BeginObject().Key("location").BeginObject().Field("uri", uri).Key("range");
      WriteLspRange(out, lines, location.range, encoding);
      out.EndObject().Field("message", location.message).EndObject();
    }
    out.EndArray();
  }
  out.EndObject();
}

json ToLspDiagnostic(const Diagnostic& diagnostic, const LineIndex& lines, std::string_view uri,
                     PositionEncoding encoding) {
  std::string text;
  JsonWriter out(text, -1);
  WriteLspDiagnostic(out, diagnostic, lines, uri, encoding);
  return json::parse(text);
}

json ToTextEdit(const LineIndex& lines, const Edit& edit, PositionEncoding encoding) {
  return json{{"range", ToLspRange(lines, edit.range, encoding)}, {"newText", edit.replacement}};
}

}  // namespace ocrlint::lsp
