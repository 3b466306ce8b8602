// In-process, single-thread throughput of the engine, without file I/O, discovery or
// output: Document::Create alone, and Create + Lint with the default rules and with the
// hygiene group only. The input is a few MB of the real pages in corpus_samples/,
// repeated; they are read once at start.
//
//   build/bench/ocrlint_engine_benchmark [--benchmark_filter=Lint]
//
// bytes_per_second is the figure to compare; `findings` (per document) shows that the
// rules did real work and catches a benchmark that silently lints nothing.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "engine/catalog.h"
#include "engine/config.h"
#include "engine/linter.h"
#include "packs/pack_catalog.h"

namespace ocrlint {
namespace {

namespace fs = std::filesystem;

// Big enough that per-document setup is amortised, small enough for a quick run.
constexpr std::size_t kInputBytes = 4 * 1000 * 1000;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "engine_benchmark: cannot read " << path << "\n";
    std::exit(2);
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The five pages (sorted by name) concatenated, separated by a blank line, repeated
// until the text holds kInputBytes.
std::string BuildInput() {
  const fs::path samples = fs::path(OCRLINT_SOURCE_DIR) / "corpus_samples";
  std::vector<fs::path> pages;
  for (const auto& entry : fs::directory_iterator(samples)) {
    if (entry.path().filename().string().starts_with("luoyang-")) pages.push_back(entry.path());
  }
  std::sort(pages.begin(), pages.end());
  std::string all;
  for (const auto& page : pages) all += ReadFile(page) + "\n\n";
  if (all.empty()) {
    std::cerr << "engine_benchmark: no luoyang-* pages in " << samples << "\n";
    std::exit(2);
  }
  std::string input;
  input.reserve(kInputBytes + all.size());
  while (input.size() < kInputBytes) input += all;
  return input;
}

const std::string& Input() {
  static const std::string input = BuildInput();
  return input;
}

// The rule set the CLI would use for a file with no settings: resolved through
// ConfigResolver from an empty ocrlint.toml in a private folder, so that no config file
// around the build tree can change what is measured.
std::shared_ptr<const RuleSet> ResolveRules(const RuleCatalog& catalog,
                                            std::optional<std::vector<std::string>> select,
                                            std::vector<std::string> ignore = {}) {
  const fs::path folder = fs::temp_directory_path() / "ocrlint-engine-benchmark";
  fs::create_directories(folder);
  std::ofstream(folder / "ocrlint.toml").flush();
  CommandLineSelection command_line;
  command_line.select = std::move(select);
  command_line.ignore = std::move(ignore);
  ConfigResolver resolver(catalog, std::nullopt, std::move(command_line));
  return resolver.RulesFor(folder / "input.txt");
}

const RuleCatalog& Catalog() {
  static const RuleCatalog catalog = DefaultCatalog();
  return catalog;
}

const RuleSet& DefaultRules() {
  static const std::shared_ptr<const RuleSet> rules = ResolveRules(Catalog(), std::nullopt);
  return *rules;
}

const RuleSet& HygieneRules() {
  static const std::shared_ptr<const RuleSet> rules =
      ResolveRules(Catalog(), std::vector<std::string>{"hygiene"});
  return *rules;
}

const RuleSet& ScriptRules() {
  static const std::shared_ptr<const RuleSet> rules =
      ResolveRules(Catalog(), std::vector<std::string>{"script-mix"});
  return *rules;
}

// The input with about one traditional-character slip per 10 KB, as in the target
// for script-mix: after every 10,000-byte mark the next 国 or 学 becomes 國 or 學.
const std::string& InputWithSlips() {
  static const std::string input = [] {
    std::string text = Input();
    for (std::size_t mark = 10000; mark < text.size(); mark += 10000) {
      const std::size_t guo = text.find("国", mark);
      const std::size_t xue = text.find("学", mark);
      const std::size_t at = std::min(guo, xue);
      if (at == std::string::npos) break;
      text.replace(at, 3, at == guo ? "國" : "學");
      mark = at;
    }
    return text;
  }();
  return input;
}

// The default set minus every typography rule (packs and C++ rules): what the
// typography group adds is the difference to DefaultRules.
const RuleSet& DefaultWithoutTypographyRules() {
  static const std::shared_ptr<const RuleSet> rules =
      ResolveRules(Catalog(), std::nullopt, std::vector<std::string>{"typography"});
  return *rules;
}

// The default set minus the rules of the built-in pack (rules/typography.toml): what the
// declarative typography pack adds is the difference to DefaultRules.
const RuleSet& DefaultWithoutPackRules() {
  static const std::shared_ptr<const RuleSet> rules = ResolveRules(
      Catalog(), std::nullopt, std::vector<std::string>{"halfwidth-punctuation", "dash-form"});
  return *rules;
}

// The structure group alone (duplicates, broken and truncated text, stutters, furniture).
const RuleSet& StructureRules() {
  static const std::shared_ptr<const RuleSet> rules =
      ResolveRules(Catalog(), std::vector<std::string>{"structure"});
  return *rules;
}

// big.txt of the 100 MB benchmark corpus (bench/make_corpus.py; bench/run_throughput.sh
// makes it in build/bench-corpus/, OCRLINT_BENCH_CORPUS may point elsewhere); empty when
// it has not been generated.
const std::string& CorpusInput() {
  static const std::string input = [] {
    const char* env = std::getenv("OCRLINT_BENCH_CORPUS");
    const fs::path folder =
        env != nullptr ? fs::path(env) : fs::path(OCRLINT_SOURCE_DIR) / "build" / "bench-corpus";
    std::ifstream in(folder / "big.txt", std::ios::binary);
    if (!in) return std::string();
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }();
  return input;
}

// The small documents of the benchmark corpus (small/, about 2000 pages of some 50 KB),
// in name order; empty when the corpus has not been generated.
const std::vector<std::string>& SmallCorpus() {
  static const std::vector<std::string> pages = [] {
    const char* env = std::getenv("OCRLINT_BENCH_CORPUS");
    const fs::path folder =
        env != nullptr ? fs::path(env) : fs::path(OCRLINT_SOURCE_DIR) / "build" / "bench-corpus";
    std::vector<fs::path> paths;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder / "small", error)) {
      paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> out;
    for (const fs::path& path : paths) {
      std::ifstream in(path, std::ios::binary);
      out.emplace_back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
    return out;
  }();
  return pages;
}

std::string_view PathFor(DocumentFormat format) {
  return format == DocumentFormat::kMarkdown ? "input.md" : "input.txt";
}

// Copies the input outside the timed region: Create takes its bytes by value.
std::string UntimedCopy(benchmark::State& state, const std::string& (*input)() = &Input) {
  state.PauseTiming();
  std::string bytes = input();
  state.ResumeTiming();
  return bytes;
}

void BM_CreateDocument(benchmark::State& state, DocumentFormat format) {
  for (auto _ : state) {
    auto document = Document::Create(std::string(PathFor(format)), UntimedCopy(state), format);
    benchmark::DoNotOptimize(document);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * Input().size()));
}

// `rules` is resolved on first use, not when the benchmarks are registered (before main).
void BM_CreateAndLint(benchmark::State& state, DocumentFormat format,
                      const RuleSet& (*rule_set)()) {
  const RuleSet& rules = rule_set();
  std::size_t findings = 0;
  for (auto _ : state) {
    auto document = Document::Create(std::string(PathFor(format)), UntimedCopy(state), format);
    std::vector<Diagnostic> diagnostics = Lint(*document, rules);
    findings = diagnostics.size();
    benchmark::DoNotOptimize(diagnostics);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * Input().size()));
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["rules"] = static_cast<double>(rules.rules.size());
}

// Create + Lint on the 100 MB benchmark corpus (one document), the issues' reference input.
void BM_CorpusCreateAndLint(benchmark::State& state, const RuleSet& (*rule_set)()) {
  if (CorpusInput().empty()) {
    state.SkipWithError("no build/bench-corpus/big.txt: run bench/run_throughput.sh once");
    return;
  }
  const RuleSet& rules = rule_set();
  std::size_t findings = 0;
  for (auto _ : state) {
    auto document =
        Document::Create("big.txt", UntimedCopy(state, &CorpusInput), DocumentFormat::kPlainText);
    std::vector<Diagnostic> diagnostics = Lint(*document, rules);
    findings = diagnostics.size();
    benchmark::DoNotOptimize(diagnostics);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * CorpusInput().size()));
  state.counters["findings"] = static_cast<double>(findings);
}

// The rules alone on a document built once: what a rule group costs on top of the engine.
void BM_LintOnly(benchmark::State& state, const std::string& (*input)(),
                 const RuleSet& (*rule_set)()) {
  const RuleSet& rules = rule_set();
  const auto document = Document::Create("input.txt", input(), DocumentFormat::kPlainText);
  std::size_t findings = 0;
  for (auto _ : state) {
    std::vector<Diagnostic> diagnostics = Lint(*document, rules);
    findings = diagnostics.size();
    benchmark::DoNotOptimize(diagnostics);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input().size()));
  state.counters["findings"] = static_cast<double>(findings);
}

// The rules on a document built for each iteration, outside the timed region. Unlike
// BM_LintOnly, every iteration pays for the analyses that rules share through
// Document::Shared (paragraph ends, duplicate paragraphs), which a document keeps once
// made: what linting a newly opened document costs.
void BM_LintFresh(benchmark::State& state, const std::string& (*input)(),
                  const RuleSet& (*rule_set)()) {
  if (input().empty()) {
    state.SkipWithError("no input (for the corpus: run bench/run_throughput.sh once)");
    return;
  }
  const RuleSet& rules = rule_set();
  std::unique_ptr<Document> document;
  std::size_t findings = 0;
  for (auto _ : state) {
    state.PauseTiming();
    document.reset();  // never two documents of the input at once
    document = Document::Create("input.txt", input(), DocumentFormat::kPlainText);
    state.ResumeTiming();
    std::vector<Diagnostic> diagnostics = Lint(*document, rules);
    findings = diagnostics.size();
    benchmark::DoNotOptimize(diagnostics);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input().size()));
  state.counters["findings"] = static_cast<double>(findings);
}

BENCHMARK_CAPTURE(BM_LintOnly, hygiene, &Input, &HygieneRules)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LintOnly, script_mix_slip_per_10kb, &InputWithSlips, &ScriptRules)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CreateDocument, plain_text, DocumentFormat::kPlainText)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CreateDocument, markdown, DocumentFormat::kMarkdown)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CreateAndLint, plain_text_default_rules, DocumentFormat::kPlainText,
                  &DefaultRules)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CreateAndLint, plain_text_default_without_typography,
                  DocumentFormat::kPlainText, &DefaultWithoutTypographyRules)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LintOnly, structure, &Input, &StructureRules)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CreateAndLint, plain_text_hygiene, DocumentFormat::kPlainText, &HygieneRules)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CreateAndLint, markdown_default_rules, DocumentFormat::kMarkdown,
                  &DefaultRules)
    ->Unit(benchmark::kMillisecond);
// One iteration each is 100 MB: run them with --benchmark_filter=Corpus.
BENCHMARK_CAPTURE(BM_CorpusCreateAndLint, default_rules, &DefaultRules)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(BM_CorpusCreateAndLint, default_without_typography,
                  &DefaultWithoutTypographyRules)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(BM_CorpusCreateAndLint, default_without_pack, &DefaultWithoutPackRules)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(BM_LintOnly, corpus_structure, &CorpusInput, &StructureRules)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
// BM_LintFresh over the small documents of the corpus: every page built (untimed) and
// linted with its own shared analyses, as a batch run over an archive of pages does.
// The small pages and their bytes, or nullptr (the benchmark skipped) when there are none.
const std::vector<std::string>* SmallPagesFor(benchmark::State& state, std::size_t& bytes) {
  const std::vector<std::string>& pages = SmallCorpus();
  if (pages.empty()) {
    state.SkipWithError("no small/ in the corpus: run bench/run_throughput.sh once");
    return nullptr;
  }
  bytes = 0;
  for (const std::string& page : pages) bytes += page.size();
  return &pages;
}

void SmallCorpusLintFresh(benchmark::State& state, const RuleSet& rules) {
  std::size_t bytes = 0;
  const std::vector<std::string>* small = SmallPagesFor(state, bytes);
  if (small == nullptr) return;
  const std::vector<std::string>& pages = *small;
  std::size_t findings = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<std::unique_ptr<Document>> documents;
    documents.reserve(pages.size());
    for (const std::string& page : pages) {
      documents.push_back(Document::Create("page.txt", page, DocumentFormat::kPlainText));
    }
    state.ResumeTiming();
    findings = 0;
    for (const auto& document : documents) findings += Lint(*document, rules).size();
    state.PauseTiming();
    documents.clear();
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["documents"] = static_cast<double>(pages.size());
}
void BM_SmallCorpusLintFresh(benchmark::State& state, const RuleSet& (*rule_set)()) {
  SmallCorpusLintFresh(state, rule_set());
}

// SmallCorpusLintFresh as the command line runs: each page built (untimed) just before it
// is linted, and its document and findings freed before the next, so that the heap holds
// one page's data instead of all 2000 documents. A check for gains that only the batch's
// large heap shows (an allocator's, say): the time is Lint's, as there.
void BM_SmallCorpusLintEachInTurn(benchmark::State& state, const RuleSet& (*rule_set)()) {
  std::size_t bytes = 0;
  const std::vector<std::string>* small = SmallPagesFor(state, bytes);
  if (small == nullptr) return;
  const std::vector<std::string>& pages = *small;
  const RuleSet& rules = rule_set();
  std::size_t findings = 0;
  for (auto _ : state) {
    findings = 0;
    for (const std::string& page : pages) {
      state.PauseTiming();
      std::unique_ptr<Document> document =
          Document::Create("page.txt", page, DocumentFormat::kPlainText);
      state.ResumeTiming();
      findings += Lint(*document, rules).size();
      state.PauseTiming();
      document.reset();
      state.ResumeTiming();
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["findings"] = static_cast<double>(findings);
}

BENCHMARK_CAPTURE(BM_LintFresh, corpus_structure, &CorpusInput, &StructureRules)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
BENCHMARK_CAPTURE(BM_SmallCorpusLintFresh, small_corpus_structure, &StructureRules)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
BENCHMARK_CAPTURE(BM_SmallCorpusLintEachInTurn, small_corpus_structure_in_turn, &StructureRules)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
// Each structure rule alone over the small pages: where the group's time goes. A rule's
// figure includes the shared analysis it asks for (the duplicate-paragraph analysis for
// duplicate-span, the paragraph-end analysis for broken-sentence and truncated-text), which
// the group run makes once.
const RuleSet& OneRule(const std::string& id) {
  static std::map<std::string, std::shared_ptr<const RuleSet>> rules;
  std::shared_ptr<const RuleSet>& set = rules[id];
  if (set == nullptr) set = ResolveRules(Catalog(), std::vector<std::string>{id});
  return *set;
}
[[maybe_unused]] const bool kOneRuleBenchmarksRegistered = [] {
  for (const std::string id : {"duplicate-paragraph", "duplicate-span", "broken-sentence",
                               "truncated-text", "doubled-word", "page-furniture"}) {
    std::string name = "BM_SmallCorpusLintFresh/small_rule_" + id;
    std::replace(name.begin(), name.end(), '-', '_');
    benchmark::RegisterBenchmark(
        name.c_str(), [id](benchmark::State& state) { SmallCorpusLintFresh(state, OneRule(id)); })
        ->Unit(benchmark::kMillisecond)
        ->Iterations(3);
  }
  // OCRLINT_BENCH_RULES=id,id,...: those rules (or groups) together over the small pages
  // (small_rules_custom). The group costs more than the sum of its rules alone: run
  // together, the rules evict each other's data; this shows which combinations do.
  if (const char* custom = std::getenv("OCRLINT_BENCH_RULES"); custom != nullptr) {
    std::vector<std::string> ids;
    std::string_view rest = custom;
    while (!rest.empty()) {
      const std::size_t comma = std::min(rest.find(','), rest.size());
      if (comma > 0) ids.emplace_back(rest.substr(0, comma));
      rest.remove_prefix(std::min(comma + 1, rest.size()));
    }
    benchmark::RegisterBenchmark("BM_SmallCorpusLintFresh/small_rules_custom",
                                 [ids](benchmark::State& state) {
                                   static const std::shared_ptr<const RuleSet> rules =
                                       ResolveRules(Catalog(), ids);
                                   SmallCorpusLintFresh(state, *rules);
                                 })
        ->Unit(benchmark::kMillisecond)
        ->Iterations(3);
  }
  return true;
}();
BENCHMARK_CAPTURE(BM_CorpusCreateAndLint, hygiene, &HygieneRules)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
}  // namespace ocrlint

BENCHMARK_MAIN();
