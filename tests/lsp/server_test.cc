// Protocol tests: `ocrlint lsp` as a child process, spoken to over pipes.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lsp/lsp_client.h"
#include "testing/run_ocrlint.h"

namespace ocrlint::testing {
namespace {

using ::testing::HasSubstr;

json Pos(int line, int character) { return json{{"line", line}, {"character", character}}; }
json Range(int l1, int c1, int l2, int c2) {
  return json{{"start", Pos(l1, c1)}, {"end", Pos(l2, c2)}};
}

void Open(LspClient& client, const std::string& uri, const std::string& text, int version = 1) {
  client.Notify(
      "textDocument/didOpen",
      json{
          {"textDocument",
           json{{"uri", uri}, {"languageId", "plaintext"}, {"version", version}, {"text", text}}}});
}

void Change(LspClient& client, const std::string& uri, int version, json changes) {
  client.Notify("textDocument/didChange",
                json{{"textDocument", json{{"uri", uri}, {"version", version}}},
                     {"contentChanges", std::move(changes)}});
}

json Result(LspClient& client, int id) {
  auto response = client.Response(id);
  if (!response) {
    ADD_FAILURE() << "no response to request " << id;
    return nullptr;
  }
  EXPECT_FALSE(response->contains("error")) << response->dump();
  return response->value("result", json());
}

int ErrorCode(const std::optional<json>& response) {
  if (!response || !response->contains("error")) return 0;
  return response->at("error").at("code").get<int>();
}

TEST(LspServerTest, LifecycleAndCapabilities) {
  LspClient client;
  // Requests before initialize are refused.
  const int early = client.Request("textDocument/diagnostic",
                                   json{{"textDocument", json{{"uri", "file:///x.txt"}}}});
  EXPECT_EQ(ErrorCode(client.Response(early)), -32002);
  const json result = client.Initialize();
  const json& capabilities = result.at("capabilities");
  EXPECT_EQ(capabilities.at("positionEncoding"), "utf-16");
  EXPECT_EQ(capabilities.at("textDocumentSync").at("change"), 2);
  EXPECT_EQ(capabilities.at("textDocumentSync").at("openClose"), true);
  EXPECT_EQ(capabilities.at("documentFormattingProvider"), true);
  EXPECT_EQ(capabilities.at("codeActionProvider").at("codeActionKinds"),
            json::array({"quickfix", "source.fixAll.ocrlint"}));
  EXPECT_EQ(result.at("serverInfo").at("name"), "ocrlint");
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST(LspServerTest, ExitWithoutShutdownExitsWithOne) {
  LspClient client;
  client.Initialize();
  client.Notify("exit", nullptr);
  EXPECT_EQ(client.CloseAndWait(), 1);
}

TEST(LspServerTest, RequestsAfterShutdownAreInvalid) {
  LspClient client;
  client.Initialize();
  const int shutdown = client.Request("shutdown", nullptr);
  EXPECT_EQ(Result(client, shutdown), nullptr);
  const int late = client.Request("textDocument/formatting",
                                  json{{"textDocument", json{{"uri", "file:///x.txt"}}}});
  EXPECT_EQ(ErrorCode(client.Response(late)), -32600);
  client.Notify("exit", nullptr);
  EXPECT_EQ(client.CloseAndWait(), 0);
}

TEST(LspServerTest, PublishesDiagnosticsWithRuleCodeAndVersion) {
  LspClient client;
  client.Initialize();
  const std::string uri = "file:///tmp/ocrlint-lsp-a.txt";
  Open(client, uri, "全市ＧＤＰ统计\n", 7);
  auto published = client.Diagnostics(uri, 7);
  ASSERT_TRUE(published);
  const json& params = published->at("params");
  EXPECT_EQ(params.at("version"), 7);
  ASSERT_EQ(params.at("diagnostics").size(), 1u);
  const json& d = params.at("diagnostics")[0];
  EXPECT_EQ(d.at("range"), Range(0, 2, 0, 5));
  EXPECT_EQ(d.at("severity"), 2);
  EXPECT_EQ(d.at("code"), "fullwidth-alnum");
  EXPECT_EQ(d.at("source"), "ocrlint");
  EXPECT_EQ(d.at("message"), "ＧＤＰ is written in full-width letters");
  EXPECT_EQ(d.at("data").at("explain"), "ocrlint explain fullwidth-alnum");
  EXPECT_EQ(d.at("data").at("fix"), "replace with GDP");

  // Pull diagnostics answer the same.
  const int pull =
      client.Request("textDocument/diagnostic", json{{"textDocument", json{{"uri", uri}}}});
  const json report = Result(client, pull);
  EXPECT_EQ(report.at("kind"), "full");
  EXPECT_EQ(report.at("items"), params.at("diagnostics"));

  // Closing clears them.
  client.Notify("textDocument/didClose", json{{"textDocument", json{{"uri", uri}}}});
  auto cleared = client.Diagnostics(uri);
  ASSERT_TRUE(cleared);
  EXPECT_TRUE(cleared->at("params").at("diagnostics").empty());
  EXPECT_EQ(client.Shutdown(), 0);
}

// 𠀀 is U+20000: 4 UTF-8 bytes, 2 UTF-16 units. 中 and 文 are 3 bytes, 1 unit.
constexpr const char* kAstralLine = "𠀀中文ＡＢ。\n";

TEST(LspServerTest, Utf16PositionsOnCjkAndAstralLines) {
  LspClient client;
  EXPECT_EQ(client.Initialize({"utf-16"}).at("capabilities").at("positionEncoding"), "utf-16");
  const std::string uri = "file:///tmp/ocrlint-lsp-u16.txt";
  Open(client, uri, std::string("第一行\n") + kAstralLine);
  auto published = client.Diagnostics(uri, 1);
  ASSERT_TRUE(published);
  const json& diagnostics = published->at("params").at("diagnostics");
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].at("range"), Range(1, 4, 1, 6));
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST(LspServerTest, Utf8PositionsWhenTheClientOffersThem) {
  LspClient client;
  EXPECT_EQ(client.Initialize({"utf-8", "utf-16"}).at("capabilities").at("positionEncoding"),
            "utf-8");
  const std::string uri = "file:///tmp/ocrlint-lsp-u8.txt";
  Open(client, uri, std::string("第一行\n") + kAstralLine);
  auto published = client.Diagnostics(uri, 1);
  ASSERT_TRUE(published);
  const json& diagnostics = published->at("params").at("diagnostics");
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].at("range"), Range(1, 10, 1, 16));
  // An incremental edit in bytes: delete 中文 (bytes 4..10 of line 1).
  Change(client, uri, 2, json::array({json{{"range", Range(1, 4, 1, 10)}, {"text", ""}}}));
  auto after = client.Diagnostics(uri, 2);
  ASSERT_TRUE(after);
  ASSERT_EQ(after->at("params").at("diagnostics").size(), 1u);
  EXPECT_EQ(after->at("params").at("diagnostics")[0].at("range"), Range(1, 4, 1, 10));
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST(LspServerTest, IncrementalEditsInUtf16) {
  LspClient client;
  client.Initialize();
  const std::string uri = "file:///tmp/ocrlint-lsp-inc.txt";
  Open(client, uri, "𠀀甲乙\n丙丁\n");
  auto clean = client.Diagnostics(uri, 1);
  ASSERT_TRUE(clean);
  EXPECT_TRUE(clean->at("params").at("diagnostics").empty());
  // Insert ＸＹ after 𠀀 (UTF-16 column 2), then ９ at the start of line 1, in one change list.
  Change(client, uri, 2,
         json::array({json{{"range", Range(0, 2, 0, 2)}, {"text", "ＸＹ"}},
                      json{{"range", Range(1, 0, 1, 0)}, {"text", "９"}}}));
  auto published = client.Diagnostics(uri, 2);
  ASSERT_TRUE(published);
  const json& diagnostics = published->at("params").at("diagnostics");
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0].at("range"), Range(0, 2, 0, 4));
  EXPECT_EQ(diagnostics[0].at("message"), "ＸＹ is written in full-width letters");
  EXPECT_EQ(diagnostics[1].at("range"), Range(1, 0, 1, 1));
  // Replace the line break between the lines: "乙\n９" -> "乙９" joins them.
  Change(client, uri, 3, json::array({json{{"range", Range(0, 6, 1, 0)}, {"text", ""}}}));
  auto joined = client.Diagnostics(uri, 3);
  ASSERT_TRUE(joined);
  ASSERT_EQ(joined->at("params").at("diagnostics").size(), 2u);
  EXPECT_EQ(joined->at("params").at("diagnostics")[1].at("range"), Range(0, 6, 0, 7));
  // A full-text change.
  Change(client, uri, 4, json::array({json{{"text", "干净\n"}}}));
  auto full = client.Diagnostics(uri, 4);
  ASSERT_TRUE(full);
  EXPECT_TRUE(full->at("params").at("diagnostics").empty());
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST(LspServerTest, NeverPublishesAStaleVersionLast) {
  LspClient client;
  client.Initialize();
  const std::string uri = "file:///tmp/ocrlint-lsp-burst.txt";
  Open(client, uri, "甲\n");
  ASSERT_TRUE(client.Diagnostics(uri, 1));
  // A burst of edits written at once: only versions that are current when linted may be
  // published, and the last one must be for the last version.
  std::string burst;
  for (int version = 2; version <= 20; ++version) {
    burst += LspClient::Frame(json{
        {"jsonrpc", "2.0"},
        {"method", "textDocument/didChange"},
        {"params", json{{"textDocument", json{{"uri", uri}, {"version", version}}},
                        {"contentChanges",
                         json::array({json{{"range", Range(0, 0, 0, 0)}, {"text", "Ａ"}}})}}}});
  }
  client.SendRaw(burst);
  // Publications come in increasing version order and end with version 20.
  std::vector<int> versions;
  json last;
  while (versions.empty() || versions.back() != 20) {
    auto published = client.Diagnostics(uri);
    ASSERT_TRUE(published) << "no diagnostics for version 20";
    versions.push_back(published->at("params").at("version").get<int>());
    last = *published;
  }
  EXPECT_TRUE(std::is_sorted(versions.begin(), versions.end()) &&
              std::adjacent_find(versions.begin(), versions.end()) == versions.end())
      << ::testing::PrintToString(versions);
  // The burst is coalesced: far fewer lints than edits.
  EXPECT_LT(versions.size(), 10u) << ::testing::PrintToString(versions);
  EXPECT_EQ(last.at("params").at("diagnostics")[0].at("range"), Range(0, 0, 0, 19));
  // Nothing older may follow.
  auto later = client.Diagnostics(uri, std::nullopt, std::chrono::milliseconds(300));
  EXPECT_FALSE(later) << later->dump();
  EXPECT_EQ(client.Shutdown(), 0);
}

// Applies the fix-all code action and formatting; both must equal `ocrlint --fix`.
TEST(LspServerTest, FixAllAndFormattingEqualCliFix) {
  const std::string text = ReadFile(SourceDir() / "corpus_samples/crafted-hygiene.md");
  const RunResult cli =
      RunOcrlint({"--fix", "--stdin-filename", "crafted-hygiene.md", "-"}, SourceDir(), text);
  ASSERT_NE(cli.out, text);
  LspClient client;
  client.Initialize();
  const std::string uri = FileUri(SourceDir() / "corpus_samples/crafted-hygiene.md");
  Open(client, uri, text);
  ASSERT_TRUE(client.Diagnostics(uri, 1));

  const int actions_id = client.Request(
      "textDocument/codeAction",
      json{{"textDocument", json{{"uri", uri}}},
           {"range", Range(0, 0, 0, 0)},
           {"context", json{{"diagnostics", json::array()}, {"only", {"source.fixAll"}}}}});
  const json actions = Result(client, actions_id);
  ASSERT_EQ(actions.size(), 1u) << actions.dump();
  EXPECT_EQ(actions[0].at("kind"), "source.fixAll.ocrlint");
  EXPECT_EQ(ApplyTextEdits(text, actions[0].at("edit").at("changes").at(uri)), cli.out);

  const int format_id = client.Request(
      "textDocument/formatting", json{{"textDocument", json{{"uri", uri}}},
                                      {"options", json{{"tabSize", 2}, {"insertSpaces", true}}}});
  EXPECT_EQ(ApplyTextEdits(text, Result(client, format_id)), cli.out);
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST(LspServerTest, QuickFixAndDisableForOneDiagnostic) {
  LspClient client;
  client.Initialize();
  const std::string uri = "file:///tmp/ocrlint-lsp-qf.md";
  const std::string text = "# 标题\n\n共有２０２４份。\n";
  Open(client, uri, text);
  ASSERT_TRUE(client.Diagnostics(uri, 1));
  const int id = client.Request(
      "textDocument/codeAction",
      json{{"textDocument", json{{"uri", uri}}},
           {"range", Range(2, 3, 2, 3)},
           {"context", json{{"diagnostics", json::array()}, {"only", {"quickfix"}}}}});
  const json actions = Result(client, id);
  ASSERT_EQ(actions.size(), 2u) << actions.dump();
  EXPECT_EQ(actions[0].at("title"), "replace with 2024");
  EXPECT_EQ(actions[0].at("kind"), "quickfix");
  EXPECT_EQ(actions[0].at("diagnostics")[0].at("code"), "fullwidth-alnum");
  EXPECT_EQ(ApplyTextEdits(text, actions[0].at("edit").at("changes").at(uri)),
            "# 标题\n\n共有2024份。\n");
  EXPECT_EQ(actions[1].at("title"), "Disable fullwidth-alnum for this line");
  const std::string disabled = ApplyTextEdits(text, actions[1].at("edit").at("changes").at(uri));
  EXPECT_EQ(disabled,
            "# 标题\n\n<!-- ocrlint-disable-next-line fullwidth-alnum -->\n共有２０２４份。\n");
  // The suppressed text lints clean.
  Change(client, uri, 2, json::array({json{{"text", disabled}}}));
  auto after = client.Diagnostics(uri, 2);
  ASSERT_TRUE(after);
  EXPECT_TRUE(after->at("params").at("diagnostics").empty()) << after->dump();
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST(LspServerTest, UnsafeQuickFixIsMarkedAndLeftOutOfFixAll) {
  LspClient client;
  client.Initialize();
  const std::string uri = "file:///tmp/ocrlint-lsp-unsafe.txt";
  const std::string text = "空气很乾燥，这里冬天很冷。\n";
  Open(client, uri, text);
  ASSERT_TRUE(client.Diagnostics(uri, 1));
  const int id = client.Request("textDocument/codeAction",
                                json{{"textDocument", json{{"uri", uri}}},
                                     {"range", Range(0, 3, 0, 3)},
                                     {"context", json{{"diagnostics", json::array()}}}});
  const json actions = Result(client, id);
  // The unsafe quick fix and the disable action; no fix-all (nothing safe to apply).
  ASSERT_EQ(actions.size(), 2u) << actions.dump();
  EXPECT_EQ(actions[0].at("title"), "replace with 干 (unsafe)");
  EXPECT_EQ(actions[0].at("isPreferred"), false);
  EXPECT_EQ(ApplyTextEdits(text, actions[0].at("edit").at("changes").at(uri)),
            "空气很干燥，这里冬天很冷。\n");
  EXPECT_EQ(actions[1].at("title"), "Disable script-mix for this line");
  const int format_id = client.Request(
      "textDocument/formatting", json{{"textDocument", json{{"uri", uri}}}, {"options", json{}}});
  EXPECT_EQ(Result(client, format_id), json::array());
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST(LspServerTest, DisableInPlainTextUsesPercentComment) {
  LspClient client;
  client.Initialize();
  const std::string uri = "file:///tmp/ocrlint-lsp-dis.txt";
  const std::string text = "甲\n共有ＡＢ。\n";
  Open(client, uri, text);
  ASSERT_TRUE(client.Diagnostics(uri, 1));
  const int id = client.Request("textDocument/codeAction",
                                json{{"textDocument", json{{"uri", uri}}},
                                     {"range", Range(1, 0, 1, 9)},
                                     {"context", json{{"diagnostics", json::array()}}}});
  const json actions = Result(client, id);
  ASSERT_EQ(actions.size(), 3u) << actions.dump();  // quick fix, disable, fix all
  EXPECT_EQ(ApplyTextEdits(text, actions[1].at("edit").at("changes").at(uri)),
            "甲\n%% ocrlint-disable-next-line fullwidth-alnum\n共有ＡＢ。\n");
  EXPECT_EQ(actions[2].at("kind"), "source.fixAll.ocrlint");
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST(LspServerTest, MalformedInputGetsErrorsAndTheServerKeepsRunning) {
  LspClient client;
  client.SendRaw("Content-Length: abc\r\n\r\n");
  EXPECT_EQ(ErrorCode(client.WaitFor([](const json& m) { return m.contains("error"); })), -32700);
  client.SendRaw("Content-Length: 9\r\n\r\n{not json");
  EXPECT_EQ(ErrorCode(client.WaitFor([](const json& m) { return m.contains("error"); })), -32700);
  client.SendRaw(LspClient::Frame(json::array({1, 2})));
  EXPECT_EQ(ErrorCode(client.WaitFor([](const json& m) { return m.contains("error"); })), -32600);
  client.SendRaw(LspClient::Frame(json{{"jsonrpc", "2.0"}, {"id", 99}, {"method", 5}}));
  EXPECT_EQ(ErrorCode(client.Response(99)), -32600);
  client.Initialize();
  const int unknown = client.Request("textDocument/hover", json::object());
  EXPECT_EQ(ErrorCode(client.Response(unknown)), -32601);
  const int bad_params = client.Request("textDocument/codeAction", json{{"range", 3}});
  EXPECT_EQ(ErrorCode(client.Response(bad_params)), -32602);
  const int not_open = client.Request("textDocument/diagnostic",
                                      json{{"textDocument", json{{"uri", "file:///nope.txt"}}}});
  EXPECT_EQ(ErrorCode(client.Response(not_open)), -32602);
  // A bad notification is reported, not fatal.
  client.Notify("textDocument/didChange", json{{"textDocument", 1}});
  auto message =
      client.WaitFor([](const json& m) { return m.value("method", "") == "window/showMessage"; });
  ASSERT_TRUE(message);
  EXPECT_THAT(message->at("params").at("message").get<std::string>(),
              HasSubstr("textDocument/didChange failed"));
  // Still alive: a document works.
  const std::string uri = "file:///tmp/ocrlint-lsp-alive.txt";
  Open(client, uri, "ＡＢ\n");
  auto published = client.Diagnostics(uri, 1);
  ASSERT_TRUE(published);
  EXPECT_EQ(published->at("params").at("diagnostics").size(), 1u);
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST(LspServerTest, CancelledRequestGetsRequestCancelled) {
  LspClient client;
  client.Initialize();
  const std::string uri = "file:///tmp/ocrlint-lsp-cancel.txt";
  // 400 KB of clean text after one finding: formatting lints it at least twice (fix, then
  // re-lint), which keeps the server busy while the cancellation arrives.
  std::string big = "ＧＤＰ\n";
  while (big.size() < 400000) big += "全市共有统计样本二千份，数据已全部入库。\n";
  Open(client, uri, big);
  ASSERT_TRUE(client.Diagnostics(uri, 1));
  const json format{{"jsonrpc", "2.0"},
                    {"id", 500},
                    {"method", "textDocument/formatting"},
                    {"params", json{{"textDocument", json{{"uri", uri}}}, {"options", json{}}}}};
  const json action{{"jsonrpc", "2.0"},
                    {"id", 501},
                    {"method", "textDocument/codeAction"},
                    {"params", json{{"textDocument", json{{"uri", uri}}},
                                    {"range", Range(0, 0, 0, 0)},
                                    {"context", json{{"diagnostics", json::array()}}}}}};
  const json cancel{
      {"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", json{{"id", 501}}}};
  // One write: the code action is still queued behind the formatting when its
  // cancellation is read.
  client.SendRaw(LspClient::Frame(format) + LspClient::Frame(action) + LspClient::Frame(cancel));
  auto formatted = client.Response(500);
  ASSERT_TRUE(formatted);
  ASSERT_EQ(formatted->at("result").size(), 1u) << formatted->dump();
  EXPECT_EQ(formatted->at("result")[0].at("newText"), "GDP");
  auto cancelled = client.Response(501);
  EXPECT_EQ(ErrorCode(cancelled), -32800) << (cancelled ? cancelled->dump() : "timeout");
  // Cancelling a request that was already answered changes nothing.
  client.Notify("$/cancelRequest", json{{"id", 500}});
  EXPECT_EQ(client.Shutdown(), 0);
}

TEST(LspServerTest, ConfigErrorIsReportedOnTheDocumentAndReloadedWhenFixed) {
  TempDir dir;
  WriteFile(dir.path() / "ocrlint.toml", "select = [\"no-such-rule\"]\n");
  const std::string uri = FileUri(dir.path() / "page.txt");
  LspClient client(dir.path());
  client.Initialize();
  Open(client, uri, "共有ＡＢ。\n");
  auto broken = client.Diagnostics(uri, 1);
  ASSERT_TRUE(broken);
  ASSERT_EQ(broken->at("params").at("diagnostics").size(), 1u);
  const json& error = broken->at("params").at("diagnostics")[0];
  EXPECT_EQ(error.at("code"), "internal-error");
  EXPECT_EQ(error.at("severity"), 1);
  EXPECT_THAT(error.at("message").get<std::string>(), HasSubstr("no-such-rule"));

  WriteFile(dir.path() / "ocrlint.toml", "select = [\"hygiene\"]\n");
  client.Notify(
      "workspace/didChangeWatchedFiles",
      json{{"changes",
            json::array({json{{"uri", FileUri(dir.path() / "ocrlint.toml")}, {"type", 2}}})}});
  auto fixed = client.Diagnostics(uri, 1);
  ASSERT_TRUE(fixed);
  ASSERT_EQ(fixed->at("params").at("diagnostics").size(), 1u);
  EXPECT_EQ(fixed->at("params").at("diagnostics")[0].at("code"), "fullwidth-alnum")
      << fixed->dump();

  // Settings from the editor win over the file.
  client.Notify("workspace/didChangeConfiguration",
                json{{"settings", json{{"ocrlint", json{{"ignore", {"fullwidth-alnum"}}}}}}});
  auto ignored = client.Diagnostics(uri, 1);
  ASSERT_TRUE(ignored);
  EXPECT_TRUE(ignored->at("params").at("diagnostics").empty()) << ignored->dump();

  // Unknown selectors in settings are refused with a message; the old settings stay.
  client.Notify("workspace/didChangeConfiguration",
                json{{"settings", json{{"ocrlint", json{{"select", {"bogus"}}}}}}});
  auto message =
      client.WaitFor([](const json& m) { return m.value("method", "") == "window/showMessage"; });
  ASSERT_TRUE(message);
  EXPECT_THAT(message->at("params").at("message").get<std::string>(), HasSubstr("bogus"));
  EXPECT_EQ(client.Shutdown(), 0);
}

}  // namespace
}  // namespace ocrlint::testing
