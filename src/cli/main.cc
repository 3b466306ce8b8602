#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return ocrlint::RunCli(argc, argv, std::cin, std::cout, std::cerr);
}
