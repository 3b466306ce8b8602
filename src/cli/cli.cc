#include "cli/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "app/check.h"
#include "app/file_io.h"
#include "app/files.h"
#include "engine/catalog.h"
#include "engine/config.h"
#include "lsp/server.h"
#include "output/diff.h"
#include "output/formatter.h"
#include "output/rule_docs.h"
#include "packs/pack_catalog.h"

namespace ocrlint {
namespace {

constexpr int kExitUsage = 2;

struct CheckArgs {
  std::vector<std::string> paths;
  bool fix = false;
  bool unsafe_fixes = false;
  bool diff = false;
  bool exit_zero = false;
  bool show_fixes = false;
  bool no_source = false;
  std::string format = "text";
  std::string color = "auto";
  std::vector<std::string> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  std::string config;
  std::string stdin_filename;
  unsigned threads = 0;
};

// "a,b" and repeated flags both give lists.
std::vector<std::string> SplitSelectors(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& value : values) {
    std::size_t start = 0;
    while (start <= value.size()) {
      const std::size_t comma = value.find(',', start);
      const std::size_t end = comma == std::string::npos ? value.size() : comma;
      if (end > start) out.push_back(value.substr(start, end - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

bool UseColor(const std::string& mode, std::ostream& out) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (std::getenv("NO_COLOR") != nullptr) return false;
  return &out == &std::cout && ::isatty(STDOUT_FILENO);
}

CommandLineSelection SelectionFrom(const CheckArgs& args) {
  CommandLineSelection selection;
  if (!args.select.empty()) selection.select = SplitSelectors(args.select);
  selection.extend_select = SplitSelectors(args.extend_select);
  selection.ignore = SplitSelectors(args.ignore);
  return selection;
}

void ValidateSelection(const RuleCatalog& catalog, const CommandLineSelection& selection) {
  if (selection.select) catalog.Expand(*selection.select, "--select");
  catalog.Expand(selection.extend_select, "--extend-select");
  catalog.Expand(selection.ignore, "--ignore");
}

// The user's rule packs: `rule-packs` of --config, or else of the config that applies to
// `first_path`, relative to that config's folder. One catalog serves the whole run, so
// packs named by configs of other folders are not loaded (README, "Rule packs").
std::vector<std::filesystem::path> UserPacks(
    const std::optional<std::filesystem::path>& explicit_config, const std::string& first_path) {
  const RuleCatalog builtin = RuleCatalog::Builtin();
  ConfigResolver resolver(builtin, explicit_config, {});
  const std::filesystem::path probe =
      first_path == "-" || first_path.empty()
          ? std::filesystem::path("-")
          : (std::filesystem::is_directory(first_path) ? std::filesystem::path(first_path) / "-"
                                                       : std::filesystem::path(first_path));
  std::shared_ptr<const Config> config = resolver.ConfigFor(probe);
  std::vector<std::filesystem::path> packs;
  for (const std::string& pack : config->rule_packs) packs.push_back(config->root / pack);
  return packs;
}

int RunCheck(const CheckArgs& args, std::istream& in, std::ostream& out, std::ostream& err) {
  const auto format = ParseOutputFormat(args.format);
  std::optional<std::filesystem::path> explicit_config;
  if (!args.config.empty()) explicit_config = args.config;
  const RuleCatalog catalog = DefaultCatalog(
      UserPacks(explicit_config, args.paths.empty() ? std::string(".") : args.paths.front()));
  CommandLineSelection selection = SelectionFrom(args);
  ValidateSelection(catalog, selection);
  ConfigResolver resolver(catalog, explicit_config, std::move(selection));
  if (explicit_config) resolver.ConfigFor(*explicit_config);  // fail early on a bad config

  CheckOptions options;
  if (args.fix || args.unsafe_fixes || args.diff) {
    options.fix = args.unsafe_fixes ? FixMode::kUnsafe : FixMode::kSafe;
  }
  options.write = !args.diff;
  options.threads = args.threads;

  std::vector<std::string> paths = args.paths;
  if (paths.empty()) paths.push_back(".");
  const bool from_stdin = paths.size() == 1 && paths[0] == "-";
  std::vector<FileReport> reports;
  std::ostream* report_out = &out;
  if (from_stdin) {
    ReadResult read = ReadAll(in);
    const std::string name = args.stdin_filename.empty() ? "-" : args.stdin_filename;
    if (!read.error.empty()) {
      err << "ocrlint: error: " << read.error << "\n";
      return kExitUsage;
    }
    CheckOptions stdin_options = options;
    stdin_options.write = false;
    reports.push_back(CheckText(name, std::move(read.bytes), resolver, stdin_options));
    // With --fix the fixed text is the output; findings go to standard error.
    if (options.fix && !args.diff) {
      const FileReport& report = reports.front();
      out << (report.document ? report.document->raw() : std::string_view());
      report_out = &err;
    }
  } else {
    reports = CheckFiles(DiscoverFiles(paths, resolver), resolver, options);
  }

  if (args.diff) {
    bool changed = false;
    for (const FileReport& report : reports) {
      if (!report.error.empty()) {
        err << report.path << ": error: " << report.error << "\n";
        continue;
      }
      if (!report.original) continue;
      changed = true;
      out << UnifiedDiff(report.path, *report.original, report.document->raw());
    }
    const int code = ExitCodeFor(reports);
    if (code == kExitUsage) return code;
    return changed && !args.exit_zero ? 1 : 0;
  }

  OutputOptions output;
  output.color = UseColor(args.color, *report_out);
  output.show_fixes = args.show_fixes;
  output.show_source = !args.no_source;
  WriteReports(*format, reports, catalog, output, *report_out);
  const int code = ExitCodeFor(reports);
  return args.exit_zero && code == 1 ? 0 : code;
}

void AddCheckOptions(CLI::App& command, CheckArgs& args) {
  command.add_option("paths", args.paths,
                     "Files or folders to check (default: the current folder); - reads "
                     "standard input");
  command.add_flag("--fix", args.fix, "Apply safe fixes in place");
  command.add_flag("--unsafe-fixes", args.unsafe_fixes, "Also apply unsafe fixes (implies --fix)");
  command.add_flag("--diff", args.diff,
                   "Print the fixes as a unified diff and write nothing (exit 1 when a file "
                   "would change)");
  command.add_option("--format", args.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "jsonl", "sarif", "github"}));
  command.add_option("--color", args.color, "Colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command
      .add_option("--select", args.select,
                  "Rules or groups to run instead of the configured ones (comma-separated)")
      ->allow_extra_args(false);
  command
      .add_option("--extend-select", args.extend_select,
                  "Rules or groups to run in addition (comma-separated)")
      ->allow_extra_args(false);
  command.add_option("--ignore", args.ignore, "Rules or groups to skip (comma-separated)")
      ->allow_extra_args(false);
  command
      .add_option("--config", args.config,
                  "Use this ocrlint.toml for every file instead of looking one up")
      ->check(CLI::ExistingFile);
  command.add_option("--stdin-filename", args.stdin_filename,
                     "Name of the text read from standard input (format and config lookup)");
  command.add_option("--threads", args.threads, "Files checked in parallel (default: all cores)")
      ->check(CLI::Range(0u, 1024u));
  command.add_flag("--show-fixes", args.show_fixes, "Show the fix of each finding (text)");
  command.add_flag("--no-source", args.no_source, "Do not print source lines (text)");
  command.add_flag("--exit-zero", args.exit_zero, "Exit 0 even when problems remain");
}

bool IsCommand(std::string_view arg) {
  return arg == "check" || arg == "rules" || arg == "explain" || arg == "lsp" || arg == "-h" ||
         arg == "--help" || arg == "--version";
}

}  // namespace

int RunCli(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err) {
  // `ocrlint PATH...` is `ocrlint check PATH...`.
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || !IsCommand(args[0])) args.insert(args.begin(), "check");
  std::reverse(args.begin(), args.end());  // CLI11 parses a reversed vector

  CLI::App app{"ocrlint: a linter and fixer for OCR'd Chinese text", "ocrlint"};
  app.set_version_flag("--version", std::string("ocrlint ") + OCRLINT_VERSION);
  app.require_subcommand(1);

  CheckArgs check_args;
  CLI::App* check = app.add_subcommand("check", "Lint files (the default command)");
  AddCheckOptions(*check, check_args);

  std::string rules_format = "text";
  CLI::App* rules = app.add_subcommand("rules", "List every rule");
  rules->add_option("--format", rules_format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}));

  std::string explain_id;
  CLI::App* explain = app.add_subcommand("explain", "Explain a rule, with examples");
  explain->add_option("rule", explain_id, "Rule id")->required();

  CLI::App* lsp = app.add_subcommand("lsp", "Run the language server on standard input/output");

  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, out, err);
    return code == 0 ? 0 : kExitUsage;
  }

  try {
    if (*rules) {
      const RuleCatalog catalog = DefaultCatalog(UserPacks(std::nullopt, "."));
      if (rules_format == "json") {
        WriteRuleJson(catalog, out);
      } else if (rules_format == "markdown") {
        WriteRuleMarkdown(catalog, out);
      } else {
        WriteRuleTable(catalog, out);
      }
      return 0;
    }
    if (*explain) {
      const RuleCatalog catalog = DefaultCatalog(UserPacks(std::nullopt, "."));
      const Rule* rule = catalog.Find(explain_id);
      if (rule == nullptr) {
        err << "ocrlint: error: unknown rule \"" << explain_id << "\" (see `ocrlint rules`)\n";
        return kExitUsage;
      }
      WriteRuleExplanation(rule->meta(), out);
      return 0;
    }
    if (*lsp) return lsp::RunLanguageServer(in, out);
    return RunCheck(check_args, in, out, err);
  } catch (const ConfigError& e) {
    err << "ocrlint: error: " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    err << "ocrlint: error: " << e.what() << "\n";
    return kExitUsage;
  }
}

}  // namespace ocrlint
