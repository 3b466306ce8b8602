#ifndef OCRLINT_OUTPUT_JSON_WRITER_H_
#define OCRLINT_OUTPUT_JSON_WRITER_H_

#include <cstddef>
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
class JsonWriter {
 public:
  // `depth`: the level the first value starts at (its closing bracket is indented by it).
  JsonWriter(std::string& out, int indent, int depth = 0);

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
  JsonWriter& Field(std::string_view key, std::string_view value) { return Key(key).String(value); }
  JsonWriter& Field(std::string_view key, const char* value) { return Key(key).String(value); }
  JsonWriter& Field(std::string_view key, std::size_t value) { return Key(key).Number(value); }

 private:
  void BeforeValue();
  void Close(char bracket);
  void NewLine(int level);

  struct Level {
    bool empty = true;
  };
  std::string& out_;
  int indent_;
  int depth_;
  bool after_key_ = false;
  std::vector<Level> levels_;
};

// Appends `value` as a JSON string literal (quotes included), escaped as nlohmann does with
// ensure_ascii off.
void AppendJsonString(std::string& out, std::string_view value);

}  // namespace ocrlint

#endif  // OCRLINT_OUTPUT_JSON_WRITER_H_
