#include "text/chinese_script.h"

#include <algorithm>
#include <list>
#include <stdexcept>
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
#include <opencc/Segmentation.hpp>
#include <opencc/Segments.hpp>

#include "text/utf8.h"

namespace ocrlint {

struct ChineseConverter::Impl {
  opencc::ConverterPtr converter;
};

ChineseConverter::ChineseConverter(const char* config) : impl_(std::make_unique<Impl>()) {
  // OpenCC resolves a bare config name in its data directory (/usr/share/opencc).
  impl_->converter = opencc::Config().NewFromFile(config);
}

ChineseConverter::~ChineseConverter() = default;

const ChineseConverter& ChineseConverter::ToSimplified() {
  static const ChineseConverter converter("t2s.json");
  return converter;
}

const ChineseConverter& ChineseConverter::ToTraditional(ChineseVariant variant) {
  // Loaded lazily and separately: a simplified corpus never pays for s2tw or s2hk.
  switch (variant) {
    case ChineseVariant::kTaiwan: {
      static const ChineseConverter converter("s2tw.json");
      return converter;
    }
    case ChineseVariant::kHongKong: {
      static const ChineseConverter converter("s2hk.json");
      return converter;
    }
    case ChineseVariant::kSimplified:
    case ChineseVariant::kTraditional:
      break;
  }
  static const ChineseConverter converter("s2t.json");
  return converter;
}

std::vector<ConvertedPiece> ChineseConverter::Convert(std::string_view text) const {
  std::vector<ConvertedPiece> pieces;
  if (text.empty()) return pieces;
  const opencc::SegmentsPtr input = impl_->converter->GetSegmentation()->Segment(std::string(text));
  const opencc::SegmentsPtr output = impl_->converter->GetConversionChain()->Convert(input);
  if (input->Length() != output->Length()) {
    // Never happens with OpenCC 1.1 (each conversion maps segment to segment); fall back
    // to one piece so that callers still get a covering result.
    pieces.push_back({text, output->ToString()});
    return pieces;
  }
  pieces.reserve(input->Length());
  std::size_t offset = 0;
  for (std::size_t i = 0; i < input->Length(); ++i) {
    const std::string_view segment = input->At(i);
    pieces.push_back({text.substr(offset, segment.size()), output->At(i)});
    offset += segment.size();
  }
  return pieces;
}

std::string ChineseConverter::ConvertToString(std::string_view text) const {
  if (text.empty()) return {};
  return impl_->converter->Convert(std::string(text));
}

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

const ScriptTable& ScriptTable::Get() {
  static const ScriptTable table;
  return table;
}

ScriptTable::ScriptTable() : flags_(kLimit, 0) {
  auto conversions = [](const ChineseConverter& converter) {
    return converter.impl_->converter->GetConversionChain()->GetConversions();
  };
  const CharMap t2s = CharactersOf(conversions(ChineseConverter::ToSimplified()).front());
  const CharMap s2t = CharactersOf(
      conversions(ChineseConverter::ToTraditional(ChineseVariant::kTraditional)).front());
  // The last step of s2tw and s2hk is the variant table (TWVariants, HKVariants).
  const CharMap tw =
      CharactersOf(conversions(ChineseConverter::ToTraditional(ChineseVariant::kTaiwan)).back());
  const CharMap hk =
      CharactersOf(conversions(ChineseConverter::ToTraditional(ChineseVariant::kHongKong)).back());

  for (const auto& [cp, values] : t2s) {
    if (Contains(values, cp)) {
      flags_[cp] |= script_flag::kTraditionalAmbiguous;
      continue;
    }
    flags_[cp] |= script_flag::kTraditionalOnly;
    if (values.size() != 1) continue;
    const auto back = s2t.find(values.front());
    if (back != s2t.end() && back->second.size() == 1 && back->second.front() == cp) {
      flags_[cp] |= script_flag::kT2SOneToOne;
    }
  }
  for (const auto& [cp, values] : s2t) {
    if (Contains(values, cp)) continue;
    flags_[cp] |= script_flag::kSimplifiedOnly;
    if (values.size() == 1) flags_[cp] |= script_flag::kS2TOneToOne;
  }
  // A variant table also rewrites traditional characters (爲 -> 為); only forms that are
  // not traditional at all (着 -> 著) are foreign to that variant.
  auto mark_variant = [&](const CharMap& variant, std::uint16_t foreign, bool forms) {
    for (const auto& [cp, values] : variant) {
      if (Contains(values, cp)) continue;
      if (!t2s.contains(cp)) {
        flags_[cp] |= foreign;
        continue;
      }
      if (!forms) continue;
      flags_[cp] |= script_flag::kStandardForm;
      for (char32_t value : values) {
        if (value < kLimit) flags_[value] |= script_flag::kTaiwanForm;
      }
    }
  };
  mark_variant(tw, script_flag::kTaiwanForeign, /*forms=*/true);
  mark_variant(hk, script_flag::kHongKongForeign, /*forms=*/false);
}

}  // namespace ocrlint
