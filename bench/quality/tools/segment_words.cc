// Prints ICU's dictionary word segmentation of standard input, one line per input line,
// words separated by spaces. Used once to derive bench/quality/words.txt.
#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <iostream>
#include <memory>
#include <string>

int main() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
  if (U_FAILURE(status)) return 1;
  std::string line;
  while (std::getline(std::cin, line)) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(line);
    it->setText(text);
    int32_t start = it->first();
    std::string out;
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
      std::string word;
      text.tempSubStringBetween(start, end).toUTF8String(word);
      if (!out.empty()) out += ' ';
      out += word;
    }
    std::cout << out << '\n';
  }
  return 0;
}
