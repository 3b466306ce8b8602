#ifndef OCRLINT_TEXT_SCRIPT_TABLE_DATA_H_
#define OCRLINT_TEXT_SCRIPT_TABLE_DATA_H_

#include <cstdint>
#include <span>

// The flags of ScriptTable (text/chinese_script.h) compiled into the binary: the build runs
// cmake/make_script_table.cc, which derives them from the installed OpenCC dictionaries
// (ScriptFlagsFromOpenCC) and writes this table (generated source). Use it through
// ScriptTable.
namespace ocrlint::script_table_data {

// The bits of an entry that hold the flags (script_flag::*); the code point is above them.
inline constexpr unsigned kFlagBits = 9;

// One entry for each code point with flags, in ascending order: the code point shifted
// left by kFlagBits, or-ed with its flags.
std::span<const std::uint32_t> Entries();

}  // namespace ocrlint::script_table_data

#endif  // OCRLINT_TEXT_SCRIPT_TABLE_DATA_H_
