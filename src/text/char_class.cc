#include "text/char_class.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <cstdio>
#include <string_view>

namespace ocrlint {

bool IsLatinLetterSlow(char32_t c) {
  const auto cp = static_cast<UChar32>(c);
  if (!u_isalpha(cp)) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(cp, &status) == USCRIPT_LATIN && U_SUCCESS(status);
}

bool IsPunctuation(char32_t c) { return u_ispunct(static_cast<UChar32>(c)); }

bool IsWhiteSpace(char32_t c) {
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_WHITE_SPACE);
}

bool IsExtendedPictographic(char32_t c) {
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EXTENDED_PICTOGRAPHIC);
}

bool IsEmojiComponent(char32_t c) {
  return c >= 0x80 && u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EMOJI_COMPONENT);
}

namespace {

// ICU has no names for C0 and C1 controls (and leaves out the "control" aliases of
// NameAliases.txt), so these are those aliases.
constexpr std::array<std::string_view, 32> kC0Names = {
    "NULL",
    "START OF HEADING",
    "START OF TEXT",
    "END OF TEXT",
    "END OF TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "ALERT",
    "BACKSPACE",
    "CHARACTER TABULATION",
    "LINE FEED",
    "LINE TABULATION",
    "FORM FEED",
    "CARRIAGE RETURN",
    "SHIFT OUT",
    "SHIFT IN",
    "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK",
    "CANCEL",
    "END OF MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "FILE SEPARATOR",
    "GROUP SEPARATOR",
    "RECORD SEPARATOR",
    "UNIT SEPARATOR",
};
constexpr std::array<std::string_view, 32> kC1Names = {
    "PADDING CHARACTER",
    "HIGH OCTET PRESET",
    "BREAK PERMITTED HERE",
    "NO BREAK HERE",
    "INDEX",
    "NEXT LINE",
    "START OF SELECTED AREA",
    "END OF SELECTED AREA",
    "CHARACTER TABULATION SET",
    "CHARACTER TABULATION WITH JUSTIFICATION",
    "LINE TABULATION SET",
    "PARTIAL LINE FORWARD",
    "PARTIAL LINE BACKWARD",
    "REVERSE LINE FEED",
    "SINGLE SHIFT TWO",
    "SINGLE SHIFT THREE",
    "DEVICE CONTROL STRING",
    "PRIVATE USE ONE",
    "PRIVATE USE TWO",
    "SET TRANSMIT STATE",
    "CANCEL CHARACTER",
    "MESSAGE WAITING",
    "START OF GUARDED AREA",
    "END OF GUARDED AREA",
    "START OF STRING",
    "SINGLE GRAPHIC CHARACTER INTRODUCER",
    "SINGLE CHARACTER INTRODUCER",
    "CONTROL SEQUENCE INTRODUCER",
    "STRING TERMINATOR",
    "OPERATING SYSTEM COMMAND",
    "PRIVACY MESSAGE",
    "APPLICATION PROGRAM COMMAND",
};

std::string_view ControlName(char32_t c) {
  if (c < 0x20) return kC0Names[c];
  if (c == 0x7F) return "DELETE";
  if (c >= 0x80 && c < 0xA0) return kC1Names[c - 0x80];
  return {};
}

}  // namespace

std::string DescribeCodePoint(char32_t c) {
  char buffer[128];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  std::string out = buffer;
  if (std::string_view control = ControlName(c); !control.empty()) {
    return out.append(" ").append(control);
  }
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length =
      u_charName(static_cast<UChar32>(c), U_UNICODE_CHAR_NAME, buffer, sizeof buffer, &status);
  if (U_SUCCESS(status) && length > 0) {
    out += ' ';
    out.append(buffer, static_cast<std::size_t>(length));
  }
  return out;
}

}  // namespace ocrlint
