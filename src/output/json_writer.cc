#include "output/json_writer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <nlohmann/json.hpp>

#include "text/utf8.h"

namespace ocrlint {
namespace {

enum class StringKind {
  kPlain,    // well-formed UTF-8 with nothing to escape: copied as is
  kEscapes,  // well-formed UTF-8 with quotes, backslashes or control characters
  kInvalid,  // not well-formed UTF-8: nlohmann replaces the bad bytes
};

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// Bit 7 of each byte of `word` that is zero (exact when every byte is below 0x80).
std::uint64_t ZeroBytes(std::uint64_t word) { return (word - kOnes) & ~word & kHighBits; }

// Whether any byte of `word`, all of whose bytes are ASCII, must be escaped: a control
// character, '"' or '\\'.
bool AnyEscape(std::uint64_t word) {
  return ((word - 0x20 * kOnes) & ~word & kHighBits) != 0 || ZeroBytes(word ^ ('"' * kOnes)) != 0 ||
         ZeroBytes(word ^ ('\\' * kOnes)) != 0;
}

std::uint64_t Load8(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}

// The bytes [i, n) of `text` in one word, 4 <= n - i <= 8, some of them twice: enough to
// ask whether any of them is special.
std::uint64_t LoadTail(std::string_view text, std::size_t i) {
  const std::size_t n = text.size();
  if (n >= 8) return Load8(text.data() + n - 8);  // includes bytes before i: already seen
  std::uint32_t low;
  std::uint32_t high;
  std::memcpy(&low, text.data() + i, 4);
  std::memcpy(&high, text.data() + n - 4, 4);
  return (std::uint64_t{high} << 32) | low;
}

// One pass over `text`: 8 ASCII bytes at a time, well-formed CJK characters inline.
StringKind Classify(std::string_view text) {
  bool escapes = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t left = text.size() - i;
    if (left >= 4) {
      const std::uint64_t word = left >= 8 ? Load8(text.data() + i) : LoadTail(text, i);
      if ((word & kHighBits) == 0) {
        escapes = escapes || AnyEscape(word);
        i += std::min<std::size_t>(left, 8);
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      escapes = escapes || c < 0x20 || c == '"' || c == '\\';
      ++i;
      continue;
    }
    const Decoded decoded = DecodeUtf8Fast(text, i);
    if (decoded.code_point == kInvalidCodePoint) return StringKind::kInvalid;
    i += decoded.length;
  }
  return escapes ? StringKind::kEscapes : StringKind::kPlain;
}

// Copies `text` to `p` and returns the end. Texts of up to 16 bytes (keys, mostly) take
// two overlapping fixed-size copies, which the compiler inlines, instead of a memcpy call.
inline char* CopyShort(char* p, std::string_view text) {
  const char* s = text.data();
  const std::size_t n = text.size();
  if (n >= 8 && n <= 16) {
    std::memcpy(p, s, 8);
    std::memcpy(p + n - 8, s + n - 8, 8);
  } else if (n >= 4 && n < 8) {
    std::memcpy(p, s, 4);
    std::memcpy(p + n - 4, s + n - 4, 4);
  } else if (n >= 2 && n < 4) {
    std::memcpy(p, s, 2);
    std::memcpy(p + n - 2, s + n - 2, 2);
  } else if (n == 1) {
    *p = *s;
  } else if (n > 16) {
    std::memcpy(p, s, n);
  }
  return p + n;
}

// The most bytes PutEscaped writes for `value`: "\u00XX" for each byte.
std::size_t EscapedSizeBound(std::string_view value) { return 6 * value.size() + 2; }

// Writes `value`, well-formed UTF-8, as a string literal escaped as nlohmann escapes it.
char* PutEscaped(char* p, std::string_view value) {
  static constexpr char kHex[] = "0123456789abcdef";
  *p++ = '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    p = CopyShort(p, value.substr(run, i - run));
    run = i + 1;
    *p++ = '\\';
    switch (c) {
      case '"':
        *p++ = '"';
        break;
      case '\\':
        *p++ = '\\';
        break;
      case '\b':
        *p++ = 'b';
        break;
      case '\f':
        *p++ = 'f';
        break;
      case '\n':
        *p++ = 'n';
        break;
      case '\r':
        *p++ = 'r';
        break;
      case '\t':
        *p++ = 't';
        break;
      default:
        p = CopyShort(p, "u00");
        *p++ = kHex[c >> 4];
        *p++ = kHex[c & 0xF];
    }
  }
  p = CopyShort(p, value.substr(run));
  *p++ = '"';
  return p;
}

// What nlohmann writes for a string that is not well-formed UTF-8.
std::string ReplacedString(std::string_view value) {
  return nlohmann::json(std::string(value))
      .dump(-1, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
}

// 32 spaces: indentation is copied in runs of this fixed size.
constexpr std::array<char, 32> kSpaceRun = [] {
  std::array<char, 32> spaces{};
  spaces.fill(' ');
  return spaces;
}();

// Writes a line break and `spaces` spaces; writes up to kSpaceRun.size() bytes beyond them.
char* PutBreak(char* p, std::size_t spaces) {
  *p++ = '\n';
  while (true) {
    std::memcpy(p, kSpaceRun.data(), kSpaceRun.size());
    const std::size_t kept = std::min(spaces, kSpaceRun.size());
    p += kept;
    spaces -= kept;
    if (spaces == 0) return p;
  }
}

constexpr std::size_t kMaxDigits = 20;  // of a 64-bit number

}  // namespace

void AppendJsonString(std::string& out, std::string_view value) {
  switch (Classify(value)) {
    case StringKind::kPlain:
      out.push_back('"');
      out.append(value);
      out.push_back('"');
      return;
    case StringKind::kEscapes: {
      const std::size_t at = out.size();
      out.resize(at + EscapedSizeBound(value));
      char* end = PutEscaped(out.data() + at, value);
      out.resize(static_cast<std::size_t>(end - out.data()));
      return;
    }
    case StringKind::kInvalid:
      out += ReplacedString(value);
      return;
  }
}

JsonWriter::JsonWriter(std::string& out, int indent, int depth)
    : out_(out), indent_(indent), depth_(depth) {}

char* JsonWriter::Room(std::size_t count) {
  if (static_cast<std::size_t>(limit_ - end_) >= count) return end_;
  Flush();
  if (static_cast<std::size_t>(limit_ - begin_) < count) {
    large_buffer_ = std::make_unique<char[]>(count);
    begin_ = end_ = large_buffer_.get();
    limit_ = begin_ + count;
  }
  return end_;
}

void JsonWriter::Flush() {
  out_.append(begin_, static_cast<std::size_t>(end_ - begin_));
  end_ = begin_;
}

void JsonWriter::EndValue() {
  if (levels_ == 0) Flush();
}

inline bool JsonWriter::LevelNonEmpty() const {
  const int level = levels_ - 1;
  if (level < 64) return (nonempty_ >> level) & 1;
  return deep_nonempty_[static_cast<std::size_t>(level - 64)];
}

inline void JsonWriter::SetLevelNonEmpty() {
  const int level = levels_ - 1;
  if (level < 64) {
    nonempty_ |= std::uint64_t{1} << level;
    return;
  }
  deep_nonempty_[static_cast<std::size_t>(level - 64)] = true;
}

void JsonWriter::PushLevel() {
  if (levels_ < 64) {
    nonempty_ &= ~(std::uint64_t{1} << levels_);
  } else {
    deep_nonempty_.push_back(false);
  }
  ++levels_;
}

void JsonWriter::PopLevel() {
  --levels_;
  if (levels_ >= 64) deep_nonempty_.pop_back();
}

inline std::size_t JsonWriter::BeforeValueSize() const {
  // A comma, a line break, the indentation and the slack of PutBreak.
  return 2 + static_cast<std::size_t>(std::max(0, (depth_ + levels_) * indent_)) + kSpaceRun.size();
}

inline char* JsonWriter::BeforeValue(char* p) {
  if (after_key_) {
    after_key_ = false;
    return p;
  }
  if (levels_ == 0) return p;
  *p = ',';
  p += LevelNonEmpty() ? 1 : 0;
  SetLevelNonEmpty();
  if (indent_ < 0) return p;
  return PutBreak(p, static_cast<std::size_t>((depth_ + levels_) * indent_));
}

inline char* JsonWriter::PutKey(char* p, std::string_view key) {
  *p++ = '"';
  p = CopyShort(p, key);  // keys are the contract's ASCII names: nothing to escape
  *p++ = '"';
  *p++ = ':';
  if (indent_ >= 0) *p++ = ' ';
  after_key_ = true;
  return p;
}

void JsonWriter::PutString(std::string_view value) {
  switch (Classify(value)) {
    case StringKind::kPlain: {
      char* p = Room(value.size() + 2);
      *p++ = '"';
      p = CopyShort(p, value);
      *p++ = '"';
      Commit(p);
      return;
    }
    case StringKind::kEscapes:
      Commit(PutEscaped(Room(EscapedSizeBound(value)), value));
      return;
    case StringKind::kInvalid:
      Flush();
      out_ += ReplacedString(value);
      return;
  }
}

void JsonWriter::Open(char bracket) {
  char* p = BeforeValue(Room(BeforeValueSize() + 1));
  *p++ = bracket;
  Commit(p);
  PushLevel();
}

void JsonWriter::Close(char bracket) {
  const bool nonempty = LevelNonEmpty();
  PopLevel();
  char* p = Room(BeforeValueSize() + 1);
  if (nonempty && indent_ >= 0) {
    p = PutBreak(p, static_cast<std::size_t>((depth_ + levels_) * indent_));
  }
  *p++ = bracket;
  Commit(p);
  EndValue();
}

JsonWriter& JsonWriter::BeginObject() {
  Open('{');
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  Open('[');
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  Close('}');
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  Close(']');
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  char* p = Room(BeforeValueSize() + key.size() + 4);
  Commit(PutKey(BeforeValue(p), key));
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  Commit(BeforeValue(Room(BeforeValueSize())));
  PutString(value);
  EndValue();
  return *this;
}

JsonWriter& JsonWriter::Number(std::size_t value) {
  char* p = BeforeValue(Room(BeforeValueSize() + kMaxDigits));
  Commit(std::to_chars(p, p + kMaxDigits, value).ptr);
  EndValue();
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  char* p = BeforeValue(Room(BeforeValueSize() + 5));
  Commit(CopyShort(p, value ? "true" : "false"));
  EndValue();
  return *this;
}

JsonWriter& JsonWriter::Null() {
  char* p = BeforeValue(Room(BeforeValueSize() + 4));
  Commit(CopyShort(p, "null"));
  EndValue();
  return *this;
}

JsonWriter& JsonWriter::Field(std::string_view key, std::string_view value) {
  Key(key);
  after_key_ = false;
  PutString(value);
  return *this;
}

JsonWriter& JsonWriter::Field(std::string_view key, std::size_t value) {
  char* p = PutKey(BeforeValue(Room(BeforeValueSize() + key.size() + 4 + kMaxDigits)), key);
  after_key_ = false;
  Commit(std::to_chars(p, p + kMaxDigits, value).ptr);
  return *this;
}

}  // namespace ocrlint
