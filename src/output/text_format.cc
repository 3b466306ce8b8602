// The human-readable format: one header line per finding, the source line with a caret
// under the range, notes, and a summary.

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <iterator>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "output/formats.h"
#include "text/utf8.h"
#include "text/width.h"

namespace ocrlint::output_internal {
namespace {

// Long OCR paragraphs are one line of several hundred characters: only a window of about
// this many display columns around the range is shown.
constexpr std::size_t kWindowColumns = 100;
// When the range itself is wider than the window, this much context precedes it.
constexpr std::size_t kLeadContext = 10;
// Bytes decoded on each side of a range on a long line: enough for kWindowColumns even of
// ASCII, so that a multi-megabyte line costs no more than a short one.
constexpr std::size_t kSideBytes = 4 * kWindowColumns;
constexpr std::string_view kEllipsis = "\u2026";  // …, one column wide

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";

std::string_view SeverityColor(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "\x1b[1;31m";
    case Severity::kWarning:
      return "\x1b[1;33m";
    case Severity::kInfo:
      return "\x1b[1;34m";
  }
  return "";
}

// One character of a source line, as decoded; its glyph is only built when it is shown.
struct Cell {
  std::size_t offset = 0;                   // byte offset of the character in the document
  std::size_t column = 0;                   // display column where it starts
  char32_t code_point = kInvalidCodePoint;  // kInvalidCodePoint for an invalid byte
  std::uint8_t width = 0;                   // at most kTabStop
  std::uint8_t length = 1;                  // bytes of the character in the document
};

// Whether a character is printed as its own bytes: not an invalid byte, a tab or a control.
bool PrintedAsIs(char32_t cp) {
  return (cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp != kInvalidCodePoint);
}

// Appends what is printed for `cell` of `raw` when it is not printed as is: tabs expanded
// (at most kTabStop spaces), controls and bad bytes replaced.
void AppendReplacement(std::string& out, const Cell& cell) {
  const char32_t cp = cell.code_point;
  if (cp == kInvalidCodePoint || (cp >= 0x80 && cp < 0xA0)) {
    out += "\uFFFD";
  } else if (cp == U'\t') {
    out.append(cell.width, ' ');
  } else {
    // Control Pictures (U+2400 block): a stray \r or U+001A stays visible and cannot
    // move the terminal's cursor.
    out += EncodeUtf8(cp == 0x7F ? U'\u2421' : U'\u2400' + cp);
  }
}

// The display width of `cp` starting at `column`: invalid bytes, C1 controls and C0
// controls (shown as replacement characters) take one column.
std::size_t CellWidth(char32_t cp, std::size_t column) {
  if (cp == kInvalidCodePoint || (cp >= 0x80 && cp < 0xA0)) return 1;
  if (cp == U'\t') return AdvanceColumn(column, cp) - column;
  if (cp < 0x20 || cp == 0x7F) return 1;
  return static_cast<std::size_t>(CharWidth(cp));
}

// Decodes raw[begin, end) into cells, in `buffer` (grown when too small); invalid bytes
// become one U+FFFD each, as LineIndex counts them.
std::span<const Cell> Decode(std::string_view raw, std::size_t begin, std::size_t end,
                             std::vector<Cell>& buffer) {
  if (buffer.size() < end - begin) buffer.resize(end - begin);  // at most one cell per byte
  Cell* out = buffer.data();
  std::size_t column = 0;
  const std::string_view text = raw.substr(0, end);
  std::size_t offset = begin;
  while (offset < end) {
    const auto byte = static_cast<unsigned char>(text[offset]);
    if (byte >= 0x20 && byte < 0x7F) {  // printable ASCII: one column, one byte
      *out++ = Cell{offset, column, byte, 1, 1};
      ++column;
      ++offset;
      continue;
    }
    if (byte >= 0xE1 && byte < 0xF0 && byte != 0xED && offset + 3 <= end) {
      // A well-formed three-byte sequence (most of a CJK line), as DecodeUtf8Fast reads it;
      // at U+1000 and above, neither a control nor a tab.
      const auto second = static_cast<unsigned char>(text[offset + 1]);
      const auto third = static_cast<unsigned char>(text[offset + 2]);
      if ((second & 0xC0) == 0x80 && (third & 0xC0) == 0x80) {
        const auto cp =
            static_cast<char32_t>(((byte & 0x0F) << 12) | ((second & 0x3F) << 6) | (third & 0x3F));
        const int width = CharWidth(cp);
        *out++ = Cell{offset, column, cp, static_cast<std::uint8_t>(width), 3};
        column += static_cast<std::size_t>(width);
        offset += 3;
        continue;
      }
    }
    const Decoded decoded = DecodeUtf8Fast(text, offset);
    if (decoded.code_point == kInvalidCodePoint) {
      for (std::size_t i = 0; i < decoded.length; ++i) {
        *out++ = Cell{offset + i, column, kInvalidCodePoint, 1, 1};
        ++column;
      }
    } else {
      const std::size_t width = CellWidth(decoded.code_point, column);
      *out++ = Cell{offset, column, decoded.code_point, static_cast<std::uint8_t>(width),
                    static_cast<std::uint8_t>(decoded.length)};
      column += width;
    }
    offset += decoded.length;
  }
  return {buffer.data(), out};
}

// The cells of the stretch of a document decoded last, kept for the next finding: findings
// come in document order, and those of one short line all show the whole line.
class CellCache {
 public:
  std::span<const Cell> Get(std::string_view raw, std::size_t begin, std::size_t end) {
    if (raw.data() != raw_.data() || raw.size() != raw_.size() || begin != begin_ || end != end_) {
      cells_ = Decode(raw, begin, end, buffer_);
      raw_ = raw;
      begin_ = begin;
      end_ = end;
    }
    return cells_;
  }

 private:
  std::vector<Cell> buffer_;  // reused from one stretch to the next
  std::span<const Cell> cells_;
  std::string_view raw_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
};

// Display column of byte `offset` among `cells` (the end column when past the last).
std::size_t ColumnAt(std::span<const Cell> cells, std::size_t offset) {
  auto it = std::lower_bound(cells.begin(), cells.end(), offset,
                             [](const Cell& cell, std::size_t o) { return cell.offset < o; });
  if (it == cells.end()) return cells.empty() ? 0 : cells.back().column + cells.back().width;
  return it->column;
}

struct Snippet {
  std::string line;          // the shown text, with "…" at cut ends
  std::size_t caret_at = 0;  // display column of the first caret within `line`
  std::size_t carets = 1;
};

// Sets `snippet` to the part of the line around `range` (clipped to the line) and the caret
// under it. `cache` and `snippet` are kept by the caller, from one finding to the next.
void MakeSnippet(const Document& document, std::size_t line, ByteRange range, CellCache& cache,
                 Snippet& snippet) {
  const std::string_view raw = document.raw();
  ByteRange bounds = document.lines().LineRange(line);
  if (line == 0 && raw.substr(bounds.begin, 3) == "\xEF\xBB\xBF") bounds.begin += 3;
  const std::size_t begin = std::clamp(range.begin, bounds.begin, bounds.end);
  const std::size_t end = std::clamp(range.end, begin, bounds.end);

  // Decode only near the range on long lines.
  std::size_t from = bounds.begin;
  std::size_t to = bounds.end;
  if (begin - from > kSideBytes) from = CharStart(raw, begin - kSideBytes);
  const std::size_t shown_end = std::min(end, begin + kSideBytes);
  if (to - shown_end > kSideBytes) to = CharStart(raw, shown_end + kSideBytes);
  const std::span<const Cell> cells = cache.Get(raw, from, to);
  const std::size_t total = cells.empty() ? 0 : cells.back().column + cells.back().width;

  const std::size_t caret_begin = ColumnAt(cells, begin);
  const std::size_t caret_end = std::max(ColumnAt(cells, end), caret_begin + 1);

  std::size_t window_begin = 0;
  std::size_t window_end = total;
  if (from > bounds.begin || to < bounds.end || total > kWindowColumns) {
    const std::size_t span = caret_end - caret_begin;
    const std::size_t lead =
        span + kLeadContext >= kWindowColumns ? kLeadContext : (kWindowColumns - span) / 2;
    window_begin = caret_begin - std::min(caret_begin, lead);
    window_end = window_begin + kWindowColumns;
    if (window_end > total) {
      window_end = total;
      window_begin = std::min(caret_begin, total > kWindowColumns ? total - kWindowColumns : 0);
    }
  }

  // Columns never decrease from one cell to the next, nor do the columns where cells end:
  // the cells that fit in the window are one run, from the first that starts in it to the
  // last that ends in it.
  const auto shown_begin = std::partition_point(
      cells.begin(), cells.end(), [&](const Cell& cell) { return cell.column < window_begin; });
  const auto shown_end_cell = std::partition_point(shown_begin, cells.end(), [&](const Cell& cell) {
    return cell.column + cell.width <= window_end;
  });
  std::size_t first_column = std::min(window_begin, total);
  std::size_t last_column = first_column;
  if (shown_begin != shown_end_cell) {
    first_column = shown_begin->column;
    last_column = std::prev(shown_end_cell)->column + std::prev(shown_end_cell)->width;
  }
  const bool cut_left = from > bounds.begin || first_column > 0;
  const bool cut_right = to < bounds.end || last_column < total;
  snippet.line.clear();
  if (cut_left) snippet.line += kEllipsis;
  // Characters printed as they are follow each other in `raw`: copied a run at a time.
  for (auto cell = shown_begin; cell != shown_end_cell;) {
    if (!PrintedAsIs(cell->code_point)) {
      AppendReplacement(snippet.line, *cell);
      ++cell;
      continue;
    }
    const std::size_t run_begin = cell->offset;
    std::size_t run_end = run_begin;
    for (; cell != shown_end_cell && PrintedAsIs(cell->code_point); ++cell) {
      run_end = cell->offset + cell->length;
    }
    snippet.line += raw.substr(run_begin, run_end - run_begin);
  }
  if (cut_right) snippet.line += kEllipsis;

  const std::size_t lead_width = cut_left ? 1 : 0;
  snippet.caret_at = lead_width + (caret_begin - std::min(caret_begin, first_column));
  const std::size_t clipped_end = std::min(caret_end, std::max(last_column, caret_begin + 1));
  snippet.carets = std::max<std::size_t>(1, clipped_end - caret_begin);
}

std::string Plural(std::size_t count, std::string_view singular, std::string_view plural) {
  return std::to_string(count) + " " + std::string(count == 1 ? singular : plural);
}

// Findings are composed in one buffer, written out in large pieces: a finding is a dozen
// short pieces, each a call into the stream otherwise.
class TextWriter {
 public:
  TextWriter(const OutputOptions& options, std::ostream& out) : options_(options), out_(out) {}

  void Write(std::span<const FileReport> reports) {
    for (const FileReport& report : reports) {
      if (!report.error.empty()) {
        Separate();
        buffer_ += report.path;
        buffer_ += ": ";
        AppendPainted("error", SeverityColor(Severity::kError));
        buffer_ += ": ";
        buffer_ += report.error;
        buffer_ += '\n';
      }
      for (const Diagnostic& diagnostic : report.diagnostics) {
        WriteFinding(report, diagnostic);
        if (buffer_.size() >= kFlushSize) Flush();
      }
    }
    Flush();
    WriteSummary(reports);
  }

 private:
  static constexpr std::size_t kFlushSize = 1 << 16;

  bool Color() const { return options_.color; }

  void Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

  void AppendNumber(std::size_t number) {
    std::array<char, 24> digits;
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), number);
    buffer_.append(digits.data(), result.ptr);
  }

  // `text` between `color` and a reset when colours are on.
  void AppendPainted(std::string_view text, std::string_view color) {
    if (Color()) buffer_ += color;
    buffer_ += text;
    if (Color()) buffer_ += kReset;
  }

  // "path:line:column: ".
  void AppendLocation(std::string_view path, const OutputPosition& at) {
    buffer_ += path;
    buffer_ += ':';
    AppendNumber(at.line);
    buffer_ += ':';
    AppendNumber(at.column);
    buffer_ += ": ";
  }

  // With source snippets, a blank line separates findings, as compilers do.
  void Separate() {
    if (printed_ && options_.show_source) buffer_ += '\n';
    printed_ = true;
  }

  void WriteFinding(const FileReport& report, const Diagnostic& diagnostic) {
    Separate();
    const OutputPosition start = Locate(report, diagnostic.range.begin);
    const std::string_view color = SeverityColor(diagnostic.severity);
    AppendLocation(report.path, start);
    AppendPainted(ToString(diagnostic.severity), color);
    if (Color()) buffer_ += kDim;
    buffer_ += '[';
    buffer_ += RuleId(diagnostic);
    buffer_ += ']';
    if (Color()) buffer_ += kReset;
    buffer_ += ' ';
    buffer_ += diagnostic.message.view();
    buffer_ += '\n';
    if (options_.show_source && report.document != nullptr) {
      WriteSnippet(*report.document, start.line - 1, diagnostic.range, color);
    }
    if (options_.show_fixes && diagnostic.fix) {
      buffer_ += "  = fix (";
      buffer_ += ToString(diagnostic.fix->applicability);
      buffer_ += "): ";
      buffer_ += diagnostic.fix->message.view();
      buffer_ += '\n';
    }
    for (const RelatedLocation& related : diagnostic.related) {
      const OutputPosition at = Locate(report, related.range.begin);
      buffer_ += "  = ";
      AppendPainted("note", kBold);
      buffer_ += ": ";
      AppendLocation(report.path, at);
      buffer_ += related.message.view();
      buffer_ += '\n';
    }
  }

  void WriteSnippet(const Document& document, std::size_t line, ByteRange range,
                    std::string_view color) {
    MakeSnippet(document, line, range, cells_, snippet_);
    buffer_ += ' ';
    const std::size_t number_start = buffer_.size();
    AppendNumber(line + 1);
    const std::size_t number_size = buffer_.size() - number_start;
    buffer_ += " | ";
    buffer_ += snippet_.line;
    buffer_ += '\n';
    buffer_ += ' ';
    buffer_.append(number_size, ' ');
    buffer_ += " | ";
    buffer_.append(snippet_.caret_at, ' ');
    if (Color()) buffer_ += color;
    buffer_.append(snippet_.carets, '^');
    if (Color()) buffer_ += kReset;
    buffer_ += '\n';
  }

  void WriteSummary(std::span<const FileReport> reports) {
    const Summary summary = Summarize(reports);
    if (printed_) out_ << '\n';
    std::map<std::string_view, std::size_t> per_rule;
    std::size_t safe = 0;
    std::size_t unsafe = 0;
    for (const FileReport& report : reports) {
      for (const Diagnostic& diagnostic : report.diagnostics) {
        ++per_rule[RuleId(diagnostic)];
        if (!diagnostic.fix) continue;
        ++(diagnostic.fix->applicability == Applicability::kSafe ? safe : unsafe);
      }
    }
    // Most frequent first; ties by id, so the output is stable.
    std::vector<std::pair<std::string_view, std::size_t>> counts(per_rule.begin(), per_rule.end());
    std::stable_sort(counts.begin(), counts.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [id, count] : counts) {
      std::string number = std::to_string(count);
      if (number.size() < 5) number.insert(0, 5 - number.size(), ' ');
      out_ << number << "  " << id << '\n';
    }
    if (summary.fixes_applied > 0) {
      out_ << "Applied " << Plural(summary.fixes_applied, "fix", "fixes") << ".\n";
    }
    const std::string files = Plural(summary.files, "file", "files");
    if (summary.diagnostics == 0) {
      out_ << "No problems found in " << files << ".\n";
    } else {
      out_ << "Found " << Plural(summary.diagnostics, "problem", "problems") << " ("
           << Plural(summary.errors, "error", "errors") << ", "
           << Plural(summary.warnings, "warning", "warnings") << ", "
           << Plural(summary.infos, "info", "infos") << ") in " << files << ".\n";
    }
    if (safe + unsafe > 0) {
      out_ << safe << " fixable with --fix, " << unsafe << " more with --unsafe-fixes.\n";
    }
    if (summary.failed_files > 0) {
      out_ << Plural(summary.failed_files, "file", "files") << " could not be checked.\n";
    }
  }

  const OutputOptions& options_;
  std::ostream& out_;
  bool printed_ = false;
  std::string buffer_;  // findings not yet written to out_
  CellCache cells_;
  Snippet snippet_;
};

}  // namespace

void WriteText(std::span<const FileReport> reports, const OutputOptions& options,
               std::ostream& out) {
  TextWriter(options, out).Write(reports);
}

}  // namespace ocrlint::output_internal
