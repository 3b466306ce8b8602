#ifndef OCRLINT_LSP_CONVERSIONS_H_
#define OCRLINT_LSP_CONVERSIONS_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/byte_range.h"
#include "core/diagnostic.h"
#include "core/line_index.h"

// Conversions between engine values (byte offsets, Diagnostic, Edit) and LSP JSON. Byte
// offsets become positions only here, in the negotiated encoding.
namespace ocrlint {
class JsonWriter;
}  // namespace ocrlint

namespace ocrlint::lsp {

using nlohmann::json;

enum class PositionEncoding { kUtf16, kUtf8 };

std::string_view ToString(PositionEncoding encoding);

// "file:///a/b%20c.md" -> "/a/b c.md". Other schemes (untitled:) keep their path part, so
// that the file name still selects the format.
std::string PathFromUri(std::string_view uri);

json ToLspPosition(const LineIndex& lines, std::size_t offset, PositionEncoding encoding);
json ToLspRange(const LineIndex& lines, ByteRange range, PositionEncoding encoding);
// Throws json::exception when `position` is not {line, character}.
std::size_t OffsetFromLsp(const LineIndex& lines, const json& position, PositionEncoding encoding);
ByteRange RangeFromLsp(const LineIndex& lines, const json& range, PositionEncoding encoding);

// error 1, warning 2, info 3.
int ToLspSeverity(Severity severity);

// Writes the LSP Diagnostic of `diagnostic` (straight to text: a publication of a raw OCR
// page holds thousands, and building a json DOM for each was most of an edit's latency).
void WriteLspDiagnostic(JsonWriter& out, const Diagnostic& diagnostic, const LineIndex& lines,
                        std::string_view uri, PositionEncoding encoding);
// The same, as a json value (code actions quote the diagnostic they fix).
json ToLspDiagnostic(const Diagnostic& diagnostic, const LineIndex& lines, std::string_view uri,
                     PositionEncoding encoding);

json ToTextEdit(const LineIndex& lines, const Edit& edit, PositionEncoding encoding);

}  // namespace ocrlint::lsp

#endif  // OCRLINT_LSP_CONVERSIONS_H_
