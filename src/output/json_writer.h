#ifndef OCRLINT_OUTPUT_JSON_WRITER_H_
#define OCRLINT_OUTPUT_JSON_WRITER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ocrlint {

// Writes JSON straight into a string, byte for byte as nlohmann::ordered_json::dump would
// (indent >= 0: one member per line, `indent` spaces per level; indent < 0: compact), but
// without building a DOM: the json, jsonl and LSP outputs write one object per finding,
// and a raw OCR page has a finding every few dozen bytes. Keys and values come in the order
// written. Strings that are not valid UTF-8 are escaped by nlohmann itself (invalid bytes
// become U+FFFD), so even those bytes match.
//
// The bytes collect in a buffer inside the writer and reach `out` whenever a top-level
// value is complete (and when the buffer fills): a finding costs a few appends to `out`,
// not one per key, bracket and indentation run. So `out` may be read, written or cleared
// between top-level values, not in the middle of one.
class JsonWriter {
 public:
  // `depth`: the level the first value starts at (its closing bracket is indented by it).
  JsonWriter(std::string& out, int indent, int depth = 0);
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // `key` is written as is: an ASCII name with nothing to escape (every key of our formats).
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Number(std::size_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();

  // Shorthands for an object member.
  JsonWriter& Field(std::string_view key, std::string_view value);
  JsonWriter& Field(std::string_view key, const char* value) {
    return Field(key, std::string_view(value));
  }
  JsonWriter& Field(std::string_view key, std::size_t value);

 private:
  // Returns where `count` more bytes may be written: the end of the buffer, flushed first
  // (or replaced by a larger one) when they do not fit. Write through the pointer, then
  // Commit it.
  char* Room(std::size_t count);
  void Commit(char* end) { end_ = end; }
  // Moves the buffered bytes to `out_`.
  void Flush();
  // Flushes when no array or object is open: a top-level value is complete.
  void EndValue();

  // The most bytes BeforeValue writes, and writes them: nothing right after a key; else
  // the comma after an earlier element and, when indenting, the line break and indentation.
  std::size_t BeforeValueSize() const;
  char* BeforeValue(char* p);
  // `"key": ` (`"key":` compact), after BeforeValue.
  char* PutKey(char* p, std::string_view key);
  void PutString(std::string_view value);
  void Open(char bracket);
  void Close(char bracket);

  // Whether the open array or object at each level already holds an element: bit i of
  // `nonempty_` for level i, and `deep_nonempty_` beyond 64 levels.
  bool LevelNonEmpty() const;
  void SetLevelNonEmpty();
  void PushLevel();
  void PopLevel();

  static constexpr std::size_t kBufferSize = 1024;

  std::string& out_;
  int indent_;
  int depth_;
  bool after_key_ = false;
  int levels_ = 0;  // open arrays and objects
  std::uint64_t nonempty_ = 0;
  std::vector<bool> deep_nonempty_;

  char buffer_[kBufferSize];
  std::unique_ptr<char[]> large_buffer_;  // for a single write larger than buffer_
  char* begin_ = buffer_;
  char* limit_ = buffer_ + kBufferSize;
  char* end_ = buffer_;
};

// Appends `value` as a JSON string literal (quotes included), escaped as nlohmann does with
// ensure_ascii off.
void AppendJsonString(std::string& out, std::string_view value);

}  // namespace ocrlint

#endif  // OCRLINT_OUTPUT_JSON_WRITER_H_
