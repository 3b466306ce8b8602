#include "packs/pack_rule.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "engine/config.h"
#include "engine/linter.h"
#include "packs/embedded_packs.h"
#include "packs/pack_catalog.h"
#include "packs/pack_loader.h"
#include "testing/run_ocrlint.h"

namespace ocrlint {
namespace {

namespace fs = std::filesystem;
using testing::RunOcrlint;
using testing::TempDir;
using testing::WriteFile;

struct Found {
  std::string rule;
  std::string text;
  std::string message;
  std::string fixed_to;
  bool operator==(const Found&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Found& f) {
  return out << f.rule << " \"" << f.text << "\" " << f.message << " -> \"" << f.fixed_to << "\"";
}

const RuleCatalog& Catalog() {
  static const RuleCatalog catalog = DefaultCatalog();
  return catalog;
}

// The rule set the CLI builds for `select` (packs fused into one rule).
std::shared_ptr<const RuleSet> RulesFor(std::optional<std::vector<std::string>> select,
                                        const std::string& config = "") {
  static int counter = 0;
  const fs::path folder =
      fs::temp_directory_path() /
      ("ocrlint-pack-rule-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::create_directories(folder);
  WriteFile(folder / "ocrlint.toml", config);
  CommandLineSelection command_line;
  command_line.select = select;
  ConfigResolver resolver(Catalog(), std::nullopt, command_line);
  auto rules = resolver.RulesFor(folder / "page.txt");
  fs::remove_all(folder);
  return rules;
}

std::vector<Found> Check(const std::string& text, const RuleSet& rules) {
  auto document = Document::Create("page.txt", text);
  std::vector<Found> out;
  for (const Diagnostic& d : Lint(*document, rules)) {
    // What the finding's range reads after its fix (the fix may be several edits inside it).
    std::string fixed_to;
    if (d.fix) {
      std::size_t at = d.range.begin;
      for (const Edit& edit : d.fix->edits) {
        fixed_to += text.substr(at, edit.range.begin - at) + edit.replacement;
        at = edit.range.end;
      }
      fixed_to += text.substr(at, d.range.end - at);
    }
    out.push_back({d.rule->id, std::string(d.range.In(text)), d.message.str(), fixed_to});
  }
  return out;
}

std::vector<Found> Check(const std::string& text) {
  return Check(text, *RulesFor(std::vector<std::string>{"halfwidth-punctuation", "dash-form"}));
}

TEST(PackRuleTest, PackRulesAreFusedIntoOneRuleThatReportsUnderEachId) {
  auto rules =
      RulesFor(std::vector<std::string>{"halfwidth-punctuation", "dash-form", "trailing-space"});
  ASSERT_EQ(rules->rules.size(), 2u);
  EXPECT_EQ(rules->rules[0].rule->meta().id, "trailing-space");
  EXPECT_EQ(rules->rules[1].rule->meta().id, "rule-packs");
  EXPECT_EQ(Check("路线,访问\n-访市生态环境局 \n", *rules),
            (std::vector<Found>{
                {"halfwidth-punctuation", ",", "ASCII \",\" in Chinese text", "，"},
                {"dash-form", "-", "a hyphen used as a Chinese dash", "——"},
                {"trailing-space", " ", "trailing white space at the end of the line", ""},
            }));
}

TEST(PackRuleTest, FusedAndStandaloneRulesFindTheSame) {
  const std::string text =
      "本报讯(洛报融媒记者 郭旭光)13日,市长徐衣显调研。会议于10:30开始,共1,000人参加.\n"
      "\n-访市生态环境局党组书记\n\n等待...终于。。。\n";
  RuleSet standalone;
  for (const char* id : {"dash-form", "halfwidth-punctuation"}) {
    for (const auto& rule : Catalog().rules()) {
      if (rule->meta().id == id) standalone.rules.push_back({rule, Severity::kWarning});
    }
  }
  const std::vector<Found> expected = {
      {"halfwidth-punctuation", "(洛报融媒记者 郭旭光)",
       "ASCII parentheses around \"洛报融媒记者 郭旭光\" in Chinese text",
       "（洛报融媒记者 郭旭光）"},
      {"halfwidth-punctuation", ",", "ASCII \",\" in Chinese text", "，"},
      {"halfwidth-punctuation", ",", "ASCII \",\" in Chinese text", "，"},
      {"halfwidth-punctuation", ".", "ASCII \".\" in Chinese text", "。"},
      {"dash-form", "-", "a hyphen used as a Chinese dash", "——"},
      {"dash-form", "...", "\"...\" used as a Chinese ellipsis", "……"},
      {"dash-form", "。。。", "\"。。。\" used as a Chinese ellipsis", "……"},
  };
  EXPECT_EQ(Check(text, standalone), expected);
  EXPECT_EQ(Check(text), expected);
}

TEST(PackRuleTest, EachPackRuleKeepsItsConfiguredSeverityAndCanBeIgnored) {
  auto rules = RulesFor(std::nullopt,
                        "select = [\"typography\"]\nignore = [\"dash-form\"]\n"
                        "[rules.halfwidth-punctuation]\nseverity = \"error\"\n");
  auto document = Document::Create("page.txt", std::string("路线,访问\n-访市\n"));
  const std::vector<Diagnostic> found = Lint(*document, *rules);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule->id, "halfwidth-punctuation");
  EXPECT_EQ(found[0].severity, Severity::kError);
}

TEST(PackRuleTest, NumbersUrlsEmailsAndLatinSentencesKeepTheirPunctuation) {
  EXPECT_EQ(Check("接待游客16.9824万人次,同比增长214.22%,惠及1.6万户5.3万人。\n"),
            (std::vector<Found>{
                {"halfwidth-punctuation", ",", "ASCII \",\" in Chinese text", "，"},
                {"halfwidth-punctuation", ",", "ASCII \",\" in Chinese text", "，"},
            }));
  EXPECT_EQ(Check("时间10:30，人数1,000，版本2024.1。\n"), std::vector<Found>{});
  EXPECT_EQ(Check("网址https://a.cn/x?y=1,2，邮箱a.b@c.cn。\n"), std::vector<Found>{});
  EXPECT_EQ(Check("他说：“Yes, we can!”然后走了。\n"), std::vector<Found>{});
}

TEST(PackRuleTest, CodeSpansInMarkdownAreSkipped) {
  auto document = Document::Create("page.md", std::string("命令`a,b`很好,对\n"));
  std::vector<std::string> found;
  for (const Diagnostic& d :
       Lint(*document, *RulesFor(std::vector<std::string>{"halfwidth-punctuation"}))) {
    found.push_back(std::string(d.range.In(document->text())));
  }
  EXPECT_EQ(found, std::vector<std::string>{","});
}

TEST(PackRuleTest, UserPackFromConfigIsLoadedAndBadPackIsAnError) {
  TempDir dir;
  WriteFile(dir.path() / "house.toml",
            "[[rule]]\nid = \"no-etc\"\ngroup = \"typography\"\nseverity = \"info\"\n"
            "summary = \"s\"\nexplanation = \"e\"\nmessage = \"write 等 instead of {match}\"\n"
            "pattern = \"etc\\\\.\"\nnear = \"cjk\"\nreplacement = \"等\"\n"
            "[[rule.bad]]\ntext = \"苹果⟦etc.⟧\"\nfixed = \"苹果等\"\n"
            "[[rule.good]]\ntext = \"apples etc.\"\n");
  WriteFile(dir.path() / "ocrlint.toml", "rule-packs = [\"house.toml\"]\n");
  WriteFile(dir.path() / "a.txt", "苹果etc.\n");
  auto result = RunOcrlint({"check", "--format", "text", "a.txt"}, dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;  // info findings do not fail a run
  EXPECT_NE(result.out.find("a.txt:1:3: info[no-etc] write 等 instead of etc."), std::string::npos)
      << result.out;
  result = RunOcrlint({"explain", "no-etc"}, dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;

  WriteFile(dir.path() / "house.toml", "[[rule]]\nid = \"no-etc\"\npattern = \"(\"\n");
  result = RunOcrlint({"check", "a.txt"}, dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("house.toml:1:1: rule no-etc:"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace ocrlint

namespace ocrlint {
namespace {

// Findings of `rule` on `document` as (range, message, fix) triples, for comparing paths.
std::vector<std::string> Describe(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) {
    std::string line =
        std::to_string(d.range.begin) + "-" + std::to_string(d.range.end) + " " + d.message;
    if (d.fix) line += " => " + d.fix->message + " [" + d.fix->edits.at(0).replacement + "]";
    out.push_back(std::move(line));
  }
  return out;
}

// The byte scan of PackScanner must find exactly what RE2's unanchored search finds.
TEST(PackScannerTest, ByteScanFindsWhatTheRe2SearchFindsOnTheRealPages) {
  std::vector<std::shared_ptr<const PackRuleSpec>> specs;
  for (const EmbeddedPack& pack : EmbeddedPacks()) {
    for (auto& spec : ParsePack(pack.toml, std::string(pack.file_name))) specs.push_back(spec);
  }
  ASSERT_FALSE(specs.empty());
  int pages = 0;
  for (const auto& entry :
       fs::directory_iterator(fs::path(OCRLINT_SOURCE_DIR) / "corpus_samples")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("luoyang-", 0) != 0) continue;
    ++pages;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto document = Document::Create(entry.path().string(), text);
    for (const auto& spec : specs) {
      ASSERT_TRUE(StartBytes(*spec).has_value()) << spec->meta.id;  // takes the scan path
      std::vector<Diagnostic> scanned, searched;
      DiagnosticSink scan_sink(spec->meta, Severity::kWarning, scanned);
      DiagnosticSink search_sink(spec->meta, Severity::kWarning, searched);
      PackRule(spec).Check(*document, scan_sink);
      CheckPackRule(*spec, *document, search_sink);
      EXPECT_EQ(Describe(scanned), Describe(searched)) << spec->meta.id << " on " << name;
    }
  }
  EXPECT_EQ(pages, 5);
}

TEST(PackScannerTest, PatternsStartingWithHanCharactersGoThroughTheSet) {
  const std::string toml = R"toml(
[[rule]]
id = "han-pattern"
group = "typography"
summary = "s"
explanation = "e"
message = "found {match}"
pattern = "\\p{Han}的的"
replacement = "x"
[[rule.bad]]
text = "这⟦是的的⟧"
fixed = "这x"
[[rule.good]]
text = "这是的"
)toml";
  const auto specs = ParsePack(toml, "han.toml");
  ASSERT_EQ(specs.size(), 1u);
  EXPECT_FALSE(StartBytes(*specs[0]).has_value());
  auto document = Document::Create("a.txt", "一是的的二，三的的的");
  std::vector<Diagnostic> found;
  DiagnosticSink sink(specs[0]->meta, Severity::kWarning, found);
  PackGroupRule({{specs[0], Severity::kWarning}}).Check(*document, sink);
  EXPECT_EQ(Describe(found),
            (std::vector<std::string>{"3-12 found 是的的 => replace with x [x]",
                                      "18-27 found 三的的 => replace with x [x]"}));
}

}  // namespace
}  // namespace ocrlint

namespace ocrlint {
namespace {

// A replacement that keeps a capture group in place is two edits, one per bracket, so that
// another rule's fix inside the brackets (a stray space) applies in the same pass.
TEST(PackRuleTest, BracketPairFixEditsOnlyTheBrackets) {
  auto document = Document::Create("page.txt", "本报讯(洛报融媒记者 郭旭光)今天");
  std::vector<Diagnostic> found;
  for (const Diagnostic& d :
       Lint(*document, *RulesFor(std::vector<std::string>{"halfwidth-punctuation"}))) {
    found.push_back(d);
  }
  ASSERT_EQ(found.size(), 1u);
  ASSERT_TRUE(found[0].fix);
  const std::vector<Edit> expected = {Edit{ByteRange{9, 10}, "（"}, Edit{ByteRange{38, 39}, "）"}};
  EXPECT_EQ(found[0].fix->edits, expected);
  EXPECT_EQ(found[0].range, (ByteRange{9, 39}));
}

}  // namespace
}  // namespace ocrlint
