#include "core/document.h"

#include <algorithm>
#include <cstring>

#include "core/markdown_parser.h"
#include "core/outline.h"
#include "core/plain_text_parser.h"
#include "core/sentence_splitter.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr char kSubstitute = '\x1A';

bool IsContinuation(const unsigned char* s, std::size_t i) { return (s[i] & 0xC0) == 0x80; }

bool IsAscii(const unsigned char* s, std::size_t i) {
  std::uint64_t w;
  std::memcpy(&w, s + i, 8);
  return (w & 0x8080808080808080ULL) == 0;
}

// Maximal runs of bytes that belong to ill-formed UTF-8 sequences. ASCII is skipped a word
// at a time and the common 3-byte sequences (CJK) are checked inline; everything else goes
// through DecodeUtf8, which owns the exact rules (overlongs, surrogates, range).
std::vector<ByteRange> FindInvalidUtf8(std::string_view text) {
  std::vector<ByteRange> runs;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char lead = s[i];
    if (lead < 0x80) {
      i += (i + 8 <= n && IsAscii(s, i)) ? 8 : 1;
      continue;
    }
    // E1..EF except ED take any two continuation bytes (E0 and ED have narrower ranges).
    if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED && i + 2 < n && IsContinuation(s, i + 1) &&
        IsContinuation(s, i + 2)) {
      i += 3;
      continue;
    }
    const Decoded decoded = DecodeUtf8(text, i);
    if (decoded.code_point == kInvalidCodePoint) {
      if (!runs.empty() && runs.back().end == i) {
        runs.back().end = i + decoded.length;
      } else {
        runs.push_back({i, i + decoded.length});
      }
    }
    i += decoded.length;
  }
  return runs;
}

LineEnding DetectLineEnding(std::string_view text) {
  bool lf = false;
  bool crlf = false;
  const char* data = text.data();
  const char* end = data + text.size();
  for (const char* p = data; p < end; ++p) {
    p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (p == nullptr) break;
    if (p > data && p[-1] == '\r') {
      crlf = true;
    } else {
      lf = true;
    }
    if (lf && crlf) return LineEnding::kMixed;
  }
  if (crlf) return LineEnding::kCrlf;
  return lf ? LineEnding::kLf : LineEnding::kNone;
}

std::vector<ByteRange> SortAndMerge(std::vector<ByteRange> ranges) {
  std::erase_if(ranges, [](const ByteRange& r) { return r.empty(); });
  std::sort(ranges.begin(), ranges.end());
  std::vector<ByteRange> merged;
  merged.reserve(ranges.size());
  for (const ByteRange& range : ranges) {
    if (!merged.empty() && range.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, range.end);
    } else {
      merged.push_back(range);
    }
  }
  return merged;
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; };
           return lower(x) == lower(y);
         });
}

// The parsers reserve for the densest text so as not to regrow on a large input; a
// document lives as long as its report (the CLI keeps every file's until it writes them),
// so room it did not use is given back.
template <typename T>
void ReleaseExcess(std::vector<T>& items) {
  if (items.capacity() > items.size() + items.size() / 4 + 16) items.shrink_to_fit();
}

}  // namespace

// Builds a Document in place: the LineIndex points into the document's own strings, so
// they must be final before it is built.
class DocumentBuilder {
 public:
  static std::unique_ptr<Document> Build(std::string path, std::string bytes,
                                         DocumentFormat format) {
    std::unique_ptr<Document> doc(new Document());
    doc->path_ = std::move(path);
    doc->format_ = format;
    doc->raw_ = std::move(bytes);
    doc->has_bom_ = doc->raw_.starts_with(kBom);
    doc->invalid_utf8_ = FindInvalidUtf8(doc->raw_);
    if (!doc->invalid_utf8_.empty()) {
      doc->sanitized_ = doc->raw_;
      for (const ByteRange& run : doc->invalid_utf8_) {
        std::fill_n(doc->sanitized_.begin() + static_cast<std::ptrdiff_t>(run.begin), run.size(),
                    kSubstitute);
      }
    }
    const std::string_view text = doc->text();
    doc->lines_ = LineIndex(text);
    doc->line_ending_ = DetectLineEnding(text);

    const std::size_t body_begin = doc->has_bom_ ? kBom.size() : 0;
    Outline outline = format == DocumentFormat::kMarkdown
                          ? ParseMarkdown(text, doc->lines_, body_begin)
                          : ParsePlainText(text, body_begin);
    doc->blocks_ = std::move(outline.blocks);
    doc->segments_ = std::move(outline.segments);
    doc->excluded_ = SortAndMerge(std::move(outline.excluded));
    doc->sentences_ = SplitSentences(text, doc->blocks_, doc->segments_);
    ReleaseExcess(doc->blocks_);
    ReleaseExcess(doc->segments_);
    ReleaseExcess(doc->sentences_);
    return doc;
  }
};

DocumentFormat FormatForPath(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  const std::size_t slash = path.find_last_of("/\\");
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return DocumentFormat::kPlainText;
  }
  const std::string_view extension = path.substr(dot + 1);
  if (EqualsIgnoringAsciiCase(extension, "md") || EqualsIgnoringAsciiCase(extension, "markdown")) {
    return DocumentFormat::kMarkdown;
  }
  return DocumentFormat::kPlainText;
}

std::string_view ToString(BlockKind kind) {
  switch (kind) {
    case BlockKind::kParagraph:
      return "paragraph";
    case BlockKind::kHeading:
      return "heading";
    case BlockKind::kListItem:
      return "list-item";
    case BlockKind::kBlockQuote:
      return "block-quote";
    case BlockKind::kTableCell:
      return "table-cell";
    case BlockKind::kCode:
      return "code";
    case BlockKind::kHtml:
      return "html";
    case BlockKind::kComment:
      return "comment";
    case BlockKind::kThematicBreak:
      return "thematic-break";
  }
  return "paragraph";
}

bool Block::IsProse() const {
  switch (kind) {
    case BlockKind::kParagraph:
    case BlockKind::kHeading:
    case BlockKind::kListItem:
    case BlockKind::kBlockQuote:
    case BlockKind::kTableCell:
      return true;
    case BlockKind::kCode:
    case BlockKind::kHtml:
    case BlockKind::kComment:
    case BlockKind::kThematicBreak:
      return false;
  }
  return false;
}

std::unique_ptr<Document> Document::Create(std::string path, std::string bytes,
                                           DocumentFormat format) {
  return DocumentBuilder::Build(std::move(path), std::move(bytes), format);
}

bool Document::IsExcluded(ByteRange range) const {
  // Ranges are sorted and disjoint: only the first one ending after range.begin can
  // overlap (an empty range at an excluded range's end does not).
  const auto it = std::partition_point(excluded_.begin(), excluded_.end(),
                                       [&](const ByteRange& r) { return r.end <= range.begin; });
  return it != excluded_.end() && it->Overlaps(range);
}

}  // namespace ocrlint
