#include "output/json_writer.h"

#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

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

// Keys and strings of every short length (the inlined copies), and ones larger than the
// writer's buffer, plain, escaped and invalid.
TEST(JsonWriterSizesTest, KeysAndStringsOfEveryLength) {
  for (int indent : {-1, 0, 2, 4}) {
    std::string out;
    JsonWriter json(out, indent);
    ordered_json expected = ordered_json::object();
    json.BeginObject();
    for (std::size_t n = 0; n <= 40; ++n) {
      const std::string key = "k" + std::string(n, static_cast<char>('a' + n % 26));
      const std::string plain(n, 'x');
      const std::string escaped = std::string(n, '"') + "\n";
      const std::string cjk = n % 2 == 0 ? std::string("\xE4\xB8\xAD") + plain : plain + "\xFF";
      json.Field(key + "p", plain).Field(key + "e", escaped).Field(key + "c", cjk);
      json.Field(key + "n", n * 1000003);
      expected[key + "p"] = plain;
      expected[key + "e"] = escaped;
      expected[key + "c"] = cjk;
      expected[key + "n"] = n * 1000003;
    }
    const std::string long_key(3000, 'K');
    const std::string long_plain(5000, 'v');
    const std::string long_escaped(3000, '\x01');
    json.Field(long_key, long_plain).Field("escaped", long_escaped);
    json.Key("max").Number(std::numeric_limits<std::size_t>::max());
    expected[long_key] = long_plain;
    expected["escaped"] = long_escaped;
    expected["max"] = std::numeric_limits<std::size_t>::max();
    json.EndObject();
    EXPECT_EQ(out, Dump(expected, indent)) << indent;
  }
}

// Deeper than the 64 levels the writer tracks in one word, and indented by more than its
// buffer holds.
TEST(JsonWriterSizesTest, DeepNesting) {
  for (int indent : {-1, 2, 20}) {
    std::string out;
    JsonWriter json(out, indent);
    ordered_json expected = ordered_json::array({1, 2});
    for (int level = 0; level < 70; ++level) {
      expected = level % 2 == 0 ? ordered_json::array({expected, level})
                                : ordered_json::object({{"a", expected}, {"b", level}});
    }
    for (int level = 69; level >= 0; --level) {
      if (level % 2 == 0) {
        json.BeginArray();
      } else {
        json.BeginObject().Key("a");
      }
    }
    json.BeginArray().Number(1).Number(2).EndArray();
    for (int level = 0; level < 70; ++level) {
      if (level % 2 == 0) {
        json.Number(static_cast<std::size_t>(level)).EndArray();
      } else {
        json.Field("b", static_cast<std::size_t>(level)).EndObject();
      }
    }
    EXPECT_EQ(out, Dump(expected, indent)) << indent;
  }
}

// The bytes reach the string when a top-level value is complete, so the string can be
// used and cleared between values.
TEST(JsonWriterFlushTest, TopLevelValuesReachTheString) {
  std::string out;
  JsonWriter json(out, -1);
  json.BeginObject().Field("a", std::size_t{1});
  json.EndObject();
  EXPECT_EQ(out, "{\"a\":1}");
  out.clear();
  json.String("s");
  EXPECT_EQ(out, "\"s\"");
  json.Number(5);
  EXPECT_EQ(out, "\"s\"5");
  out.clear();
  json.BeginArray().Null().Bool(false).EndArray();
  EXPECT_EQ(out, "[null,false]");
}

TEST(AppendJsonStringTest, AppendsEscapedLiterals) {
  std::string out = "x";
  AppendJsonString(out, "a\"b");
  AppendJsonString(out, "\xE4\xB8\xAD");
  AppendJsonString(out, "\xFF");
  EXPECT_EQ(out, "x\"a\\\"b\"\"\xE4\xB8\xAD\"\"\xEF\xBF\xBD\"");
}

// A special byte (escaped, non-ASCII, invalid) at every position of strings of every
// short length: the 8-byte and overlapping tail checks must see it wherever it is.
TEST(AppendJsonStringTest, SpecialByteAtEveryPosition) {
  for (const std::string special : {"\"", "\\", "\x1f", "\xE4\xB8\xAD", "\xFF", "\xE4\xB8"}) {
    for (std::size_t n = 0; n <= 24; ++n) {
      for (std::size_t at = 0; at <= n; ++at) {
        const std::string value = std::string(at, 'a') + special + std::string(n - at, 'b');
        std::string out;
        AppendJsonString(out, value);
        EXPECT_EQ(out, Dump(ordered_json(value), -1)) << n << " " << at;
      }
    }
  }
}

}  // namespace
}  // namespace ocrlint
