#ifndef OCRLINT_CORE_PLAIN_TEXT_PARSER_H_
#define OCRLINT_CORE_PLAIN_TEXT_PARSER_H_

#include <cstddef>
#include <string_view>

#include "core/outline.h"

namespace ocrlint {

// Splits plain text into paragraphs (runs of non-blank lines) and directive lines
// (`<!-- ... -->` or `%% ...`, kComment blocks that are also excluded). `body_begin` is
// where the text proper starts (after a BOM).
Outline ParsePlainText(std::string_view text, std::size_t body_begin);

}  // namespace ocrlint

#endif  // OCRLINT_CORE_PLAIN_TEXT_PARSER_H_
