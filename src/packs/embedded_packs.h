#ifndef OCRLINT_PACKS_EMBEDDED_PACKS_H_
#define OCRLINT_PACKS_EMBEDDED_PACKS_H_

#include <span>
#include <string_view>

namespace ocrlint {

// A default rule pack from rules/, compiled into the binary by cmake/EmbedPacks.cmake.
struct EmbeddedPack {
  std::string_view file_name;
  std::string_view toml;
};

std::span<const EmbeddedPack> EmbeddedPacks();

}  // namespace ocrlint

#endif  // OCRLINT_PACKS_EMBEDDED_PACKS_H_
