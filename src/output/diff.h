#ifndef OCRLINT_OUTPUT_DIFF_H_
#define OCRLINT_OUTPUT_DIFF_H_

#include <string>
#include <string_view>

namespace ocrlint {

// A unified diff of `before` and `after` as `diff -u` prints it: "--- a/PATH" and
// "+++ b/PATH" headers, then "@@ -l,n +l,n @@" hunks with `context` lines of context.
// Lines keep their terminators, so a CRLF line stays CRLF and a changed line ending is a
// change; a last line without a newline is followed by "\ No newline at end of file".
// Returns an empty string when the texts are equal.
//
// The line diff is Myers' O(ND) algorithm in linear space, after stripping the common
// prefix and suffix, so a 1 MB file with a few changes costs about one pass over it.
std::string UnifiedDiff(std::string_view path, std::string_view before, std::string_view after,
                        int context = 3);

}  // namespace ocrlint

#endif  // OCRLINT_OUTPUT_DIFF_H_
