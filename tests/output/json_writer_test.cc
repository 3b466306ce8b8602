#include "output/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace ocrlint {
namespace {

using nlohmann::ordered_json;

std::string Dump(const ordered_json& json, int indent) {
  return json.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
}

// Writes the same value with JsonWriter: an object with every kind of member.
std::string Written(int indent, const std::string& text) {
  std::string out;
  JsonWriter json(out, indent);
  json.BeginObject()
      .Field("text", text)
      .Field("number", std::size_t{1234567})
      .Key("empty_array")
      .BeginArray()
      .EndArray()
      .Key("empty_object")
      .BeginObject()
      .EndObject()
      .Key("null")
      .Null()
      .Key("flag")
      .Bool(true)
      .Key("items")
      .BeginArray();
  json.BeginObject()
      .Field("a", std::size_t{0})
      .Key("b")
      .BeginArray()
      .String("x")
      .EndArray()
      .EndObject();
  json.String(text).Number(7).EndArray().EndObject();
  return out;
}

ordered_json Expected(const std::string& text) {
  ordered_json json;
  json["text"] = text;
  json["number"] = 1234567;
  json["empty_array"] = ordered_json::array();
  json["empty_object"] = ordered_json::object();
  json["null"] = nullptr;
  json["flag"] = true;
  ordered_json item;
  item["a"] = 0;
  item["b"] = ordered_json::array({"x"});
  json["items"] = ordered_json::array({item, text, 7});
  return json;
}

class JsonWriterTest : public ::testing::TestWithParam<std::string> {};

TEST_P(JsonWriterTest, WritesTheBytesNlohmannDumps) {
  const std::string& text = GetParam();
  EXPECT_EQ(Written(2, text), Dump(Expected(text), 2));
  EXPECT_EQ(Written(-1, text), Dump(Expected(text), -1));
  EXPECT_EQ(Written(4, text), Dump(Expected(text), 4));
}

INSTANTIATE_TEST_SUITE_P(Strings, JsonWriterTest,
                         ::testing::Values("", "ASCII \",\" in Chinese text", "学\\校\t\n\r\b\f",
                                           std::string("nul\0one\x01\x1f\x7f", 10),
                                           "\xE2\x80\x8B\xF0\x9F\x98\x80 astral",
                                           "bad \xFF\xC3 utf8", "\xE6\x96",
                                           "\xED\xA0\x80 surrogate"));

TEST(JsonWriterDepthTest, NestedValueIsIndentedFromItsDepth) {
  std::string out;
  JsonWriter(out, 2, 3).BeginObject().Field("k", "v").EndObject();
  EXPECT_EQ(out, "{\n        \"k\": \"v\"\n      }");
}

}  // namespace
}  // namespace ocrlint
