#include "core/markdown_parser.h"

#include "core/plain_text_parser.h"

namespace ocrlint {

// Temporary: Markdown falls back to the plain-text block splitter until the md4c parser
// lands.
Outline ParseMarkdown(std::string_view text, const LineIndex& lines, std::size_t body_begin) {
  (void)lines;
  return ParsePlainText(text, body_begin);
}

}  // namespace ocrlint
