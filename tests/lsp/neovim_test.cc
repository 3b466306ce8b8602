// End-to-end: Neovim's built-in LSP client drives `ocrlint lsp` (tests/lsp/neovim_e2e.lua).

#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "testing/run_ocrlint.h"

namespace ocrlint::testing {
namespace {

using nlohmann::json;

bool HaveNeovim() { return std::system("command -v nvim >/dev/null 2>&1") == 0; }

TEST(NeovimEndToEndTest, DiagnosticsFixAllAndWrite) {
  if (!HaveNeovim()) {
    GTEST_SKIP() << "nvim is not installed (scripts/install-deps installs it); skipping the "
                    "Neovim end-to-end test";
  }
  const std::string original = ReadFile(SourceDir() / "corpus_samples/crafted-hygiene.md");
  const RunResult cli =
      RunOcrlint({"--fix", "--stdin-filename", "crafted-hygiene.md", "-"}, SourceDir(), original);
  ASSERT_NE(cli.out, original);

  TempDir dir;
  const auto file = dir.path() / "crafted-hygiene.md";
  const auto result_path = dir.path() / "result.json";
  WriteFile(file, original);
  const std::string command =
      "cd '" + dir.path().string() + "' && OCRLINT_BINARY='" + std::string(OCRLINT_BINARY) +
      "' OCRLINT_FILE='" + file.string() + "' OCRLINT_RESULT='" + result_path.string() +
      "' HOME='" + dir.path().string() + "' XDG_STATE_HOME='" + dir.path().string() +
      "' timeout 60 nvim --headless -u NONE -i NONE --noplugin -n -c 'luafile " +
      (SourceDir() / "tests/lsp/neovim_e2e.lua").string() + "' >/dev/null 2>&1 </dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;

  const json result = json::parse(ReadFile(result_path));
  ASSERT_TRUE(result.at("error").is_null()) << result.dump(2);
  // The findings on the sample, as Neovim shows them (0-based lines).
  std::set<std::pair<int, std::string>> seen;
  for (const json& d : result.at("diagnostics")) {
    seen.emplace(d.at("lnum").get<int>(), d.at("code").get<std::string>());
  }
  EXPECT_TRUE(seen.count({4, "fullwidth-alnum"})) << result.dump(2);
  EXPECT_TRUE(seen.count({8, "invisible-char"})) << result.dump(2);
  EXPECT_TRUE(seen.count({8, "trailing-space"})) << result.dump(2);
  EXPECT_TRUE(seen.count({10, "replacement-char"})) << result.dump(2);
  EXPECT_EQ(result.at("action_title"), "Fix all safe problems (ocrlint)");
  // The written file is what `ocrlint --fix` makes of it.
  EXPECT_EQ(ReadFile(file), cli.out);
  // What remains has no safe fix (the replacement character needs a human).
  for (const json& d : result.at("remaining")) {
    EXPECT_NE(d.at("code"), "fullwidth-alnum") << result.dump(2);
  }
}

}  // namespace
}  // namespace ocrlint::testing
