#include <cstdio>
#include <memory>
#include <string>

#include "rules/hygiene/hygiene_rules.h"

namespace ocrlint {
namespace {

// The message lists at most this many bytes of a run, then "…".
constexpr std::size_t kMaxBytesShown = 8;

RuleMeta InvalidUtf8Meta() {
  return RuleMeta{
      .id = "invalid-utf8",
      .group = RuleGroup::kHygiene,
      .default_severity = Severity::kError,
      .enabled_by_default = true,
      .fix = FixAvailability::kNone,
      .summary = "Bytes that are not valid UTF-8",
      .explanation =
          "Flags every maximal run of bytes that is not well-formed UTF-8 (truncated "
          "sequences, stray continuation bytes, overlong forms, surrogates).\n\n"
          "Such bytes come from a file cut in the middle of a character or from text in "
          "another encoding (GBK, Big5) pasted into a UTF-8 file. Editors show them as "
          "U+FFFD or refuse the file, and every other rule skips them.\n\n"
          "There is no fix: the lost character cannot be guessed. ocrlint never changes a "
          "file that holds invalid UTF-8.",
      .bad_examples =
          {
              BadExample("中\u27E6\xE4\xB8"
                         "\u27E7文",
                         std::nullopt),
              // Nine bytes: the message shows eight.
              BadExample("\u27E6\xFF\xFE\xFD\xFC\xFB\xFA\xF9\xF8\xF7\u27E7", std::nullopt),
          },
      .good_examples = {GoodExample("中文")},
      .options = {},
  };
}

std::string DescribeBytes(std::string_view bytes) {
  std::string out = "invalid UTF-8 byte sequence";
  for (std::size_t i = 0; i < bytes.size() && i < kMaxBytesShown; ++i) {
    char hex[4];
    std::snprintf(hex, sizeof hex, " %02X", static_cast<unsigned char>(bytes[i]));
    out += hex;
  }
  if (bytes.size() > kMaxBytesShown) out += " \u2026";
  return out;
}

class InvalidUtf8Rule final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void Check(const Document& document, DiagnosticSink& sink) const override {
    // The sanitised text() hides the bytes; the message needs the raw ones.
    for (const ByteRange& run : document.invalid_utf8()) {
      sink.Report(run, DescribeBytes(run.In(document.raw())));
    }
  }

 private:
  RuleMeta meta_ = InvalidUtf8Meta();
};

}  // namespace

std::unique_ptr<Rule> MakeInvalidUtf8Rule(RuleOptions& /*options*/) {
  return std::make_unique<InvalidUtf8Rule>();
}

}  // namespace ocrlint
