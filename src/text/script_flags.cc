// ScriptFlagsFromOpenCC() (declared in text/chinese_script.h): the derivation of
// ScriptTable's flags from OpenCC's dictionaries. The build runs it
// (cmake/make_script_table.cc) and compiles the result into the binary, so that no run
// loads four OpenCC converters just to classify characters.

#include <algorithm>
#include <unordered_map>
#include <utility>

#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/Dict.hpp>
#include <opencc/DictEntry.hpp>
#include <opencc/DictGroup.hpp>
#include <opencc/Lexicon.hpp>

#include "text/chinese_script.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

using CharMap = std::unordered_map<char32_t, std::vector<char32_t>>;

// The single code point of `text`, or kInvalidCodePoint when it holds more or less.
char32_t SingleCodePoint(std::string_view text) {
  if (text.empty()) return kInvalidCodePoint;
  const Decoded d = DecodeUtf8(text, 0);
  return d.length == text.size() ? d.code_point : kInvalidCodePoint;
}

// Adds the single-character entries of `dict` that `map` does not have yet, so that the
// first dictionary of a group wins, as in OpenCC's own DictGroup::Match.
void AddCharacterEntries(const opencc::Dict& dict, CharMap& map) {
  const opencc::LexiconPtr lexicon = dict.GetLexicon();
  for (const auto& entry : *lexicon) {
    const char32_t key = SingleCodePoint(entry->Key());
    if (key == kInvalidCodePoint || key >= ScriptTable::kLimit || map.contains(key)) continue;
    std::vector<char32_t> values;
    for (const std::string& value : entry->Values()) {
      const char32_t cp = SingleCodePoint(value);
      if (cp != kInvalidCodePoint) values.push_back(cp);
    }
    if (!values.empty()) map.emplace(key, std::move(values));
  }
}

// The character mappings of one conversion step of a converter: the dictionaries of its
// group, or its single dictionary.
CharMap CharactersOf(const opencc::ConversionPtr& conversion) {
  CharMap map;
  const opencc::DictPtr dict = conversion->GetDict();
  if (const auto group = std::dynamic_pointer_cast<opencc::DictGroup>(dict)) {
    for (const opencc::DictPtr& member : group->GetDicts()) AddCharacterEntries(*member, map);
  } else {
    AddCharacterEntries(*dict, map);
  }
  return map;
}

bool Contains(const std::vector<char32_t>& values, char32_t cp) {
  return std::find(values.begin(), values.end(), cp) != values.end();
}

}  // namespace

std::vector<std::uint16_t> ScriptFlagsFromOpenCC() {
  // OpenCC resolves a bare config name in its data directory (/usr/share/opencc).
  auto conversions = [](const char* config) {
    return opencc::Config().NewFromFile(config)->GetConversionChain()->GetConversions();
  };
  std::vector<std::uint16_t> flags(ScriptTable::kLimit, 0);
  const CharMap t2s = CharactersOf(conversions("t2s.json").front());
  const CharMap s2t = CharactersOf(conversions("s2t.json").front());
  // The last step of s2tw and s2hk is the variant table (TWVariants, HKVariants).
  const CharMap tw = CharactersOf(conversions("s2tw.json").back());
  const CharMap hk = CharactersOf(conversions("s2hk.json").back());

  for (const auto& [cp, values] : t2s) {
    if (Contains(values, cp)) {
      flags[cp] |= script_flag::kTraditionalAmbiguous;
      continue;
    }
    flags[cp] |= script_flag::kTraditionalOnly;
    if (values.size() != 1) continue;
    const auto back = s2t.find(values.front());
    if (back != s2t.end() && back->second.size() == 1 && back->second.front() == cp) {
      flags[cp] |= script_flag::kT2SOneToOne;
    }
  }
  for (const auto& [cp, values] : s2t) {
    if (Contains(values, cp)) continue;
    flags[cp] |= script_flag::kSimplifiedOnly;
    if (values.size() == 1) flags[cp] |= script_flag::kS2TOneToOne;
  }
  // A variant table also rewrites traditional characters (爲 -> 為); only forms that are
  // not traditional at all (着 -> 著) are foreign to that variant.
  auto mark_variant = [&](const CharMap& variant, std::uint16_t foreign, bool forms) {
    for (const auto& [cp, values] : variant) {
      if (Contains(values, cp)) continue;
      if (!t2s.contains(cp)) {
        flags[cp] |= foreign;
        continue;
      }
      if (!forms) continue;
      flags[cp] |= script_flag::kStandardForm;
      for (char32_t value : values) {
        if (value < ScriptTable::kLimit) flags[value] |= script_flag::kTaiwanForm;
      }
    }
  };
  mark_variant(tw, script_flag::kTaiwanForeign, /*forms=*/true);
  mark_variant(hk, script_flag::kHongKongForeign, /*forms=*/false);
  return flags;
}

}  // namespace ocrlint
