#ifndef OCRLINT_CLI_CLI_H_
#define OCRLINT_CLI_CLI_H_

#include <iostream>

namespace ocrlint {

// The whole command line: parses argv, runs the command, returns the exit code (0 clean,
// 1 findings, 2 usage, configuration or I/O error).
int RunCli(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace ocrlint

#endif  // OCRLINT_CLI_CLI_H_
