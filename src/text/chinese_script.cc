#include "text/chinese_script.h"

#include <opencc/Config.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/Segmentation.hpp>
#include <opencc/Segments.hpp>

#include "text/script_table_data.h"

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

const ScriptTable& ScriptTable::Get() {
  static const ScriptTable table;
  return table;
}

ScriptTable::ScriptTable() : flags_(kLimit, 0) {
  for (const std::uint32_t entry : script_table_data::Entries()) {
    flags_[entry >> script_table_data::kFlagBits] =
        static_cast<std::uint16_t>(entry & ((1u << script_table_data::kFlagBits) - 1));
  }
}

}  // namespace ocrlint
