#ifndef OCRLINT_CORE_MARKDOWN_PARSER_H_
#define OCRLINT_CORE_MARKDOWN_PARSER_H_

#include <cstddef>
#include <string_view>

#include "core/line_index.h"
#include "core/outline.h"

namespace ocrlint {

// Parses CommonMark with GFM tables and strikethrough (md4c) into blocks, prose segments
// and excluded ranges (code, raw HTML, link destinations, YAML front matter).
// `body_begin` is where the text proper starts (after a BOM).
Outline ParseMarkdown(std::string_view text, const LineIndex& lines, std::size_t body_begin);

}  // namespace ocrlint

#endif  // OCRLINT_CORE_MARKDOWN_PARSER_H_
