#!/usr/bin/env python3
"""Scores ocrlint's rules on injected defects (standard library only).

Generates documents with inject.py, runs `ocrlint --format json` on them and on the
uninjected clean corpus, and reports per rule: true positives, false positives, false
negatives, precision, recall, F1, false positives per 100k characters of clean text, and
the share of documents that `ocrlint --fix --unsafe-fixes` restores byte for byte.

    python3 bench/quality/score.py --ocrlint build/ocrlint
    python3 bench/quality/score.py --ocrlint build/ocrlint --docs 3000 --markdown out.md
    python3 bench/quality/score.py --ocrlint build/ocrlint --check bench/quality/thresholds.json

A finding is a true positive when it has the injected defect's rule and its byte range
overlaps the defect's expected range (closed intervals, widened by --tolerance bytes on
both sides); each finding matches at most one defect and each defect at most one finding.
Findings that match nothing are false positives, except where the manifest says a rule's
findings are an acceptable side effect (e.g. ASCII punctuation inside a duplicated copy
whose punctuation width was changed). Rules missing from the binary are reported as
"missing". With --check the exit status is 1 when a rule named in the thresholds file is
missing or below its precision or recall (or above its max_fp_per_100k).
"""

import argparse
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import inject  # noqa: E402

REPO = HERE.parent.parent


def run_ocrlint(ocrlint, config, rules, paths, fix=False):
    cmd = [ocrlint, "--config", str(config), "--select", ",".join(rules), "--exit-zero"]
    if fix:
        cmd += ["--unsafe-fixes", "--format", "json"]
    else:
        cmd += ["--format", "json"]
    cmd += [str(p) for p in paths]
    proc = subprocess.run(cmd, capture_output=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(
            f"ocrlint failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode(errors='replace')}"
        )
    out = json.loads(proc.stdout)
    by_file = {}
    for f in out["files"]:
        if f.get("error"):
            raise SystemExit(f"ocrlint could not check {f['path']}: {f['error']}")
        by_file[pathlib.Path(f["path"]).name] = [
            {
                "rule": d["rule"],
                "start": d["range"]["start"]["offset"],
                "end": d["range"]["end"]["offset"],
                "message": d["message"],
            }
            for d in f["diagnostics"]
        ]
    return by_file


def available_rules(ocrlint):
    proc = subprocess.run([ocrlint, "rules", "--format", "json"], capture_output=True, check=True)
    return {r["id"] for r in json.loads(proc.stdout)}


def overlaps(f, d, tol):
    return f["start"] <= d["end"] + tol and f["end"] >= d["start"] - tol


def match_doc(findings, defects, ignores, tol):
    """Returns (matched defect indices, unmatched findings that count, ignored findings)."""
    used = set()
    matched = set()
    for di, d in enumerate(defects):
        best = None
        for fi, f in enumerate(findings):
            if fi in used or f["rule"] != d["rule"] or not overlaps(f, d, tol):
                continue
            ov = min(f["end"], d["end"]) - max(f["start"], d["start"])
            if best is None or ov > best[0]:
                best = (ov, fi)
        if best is not None:
            used.add(best[1])
            matched.add(di)
    extra = []
    ignored = []
    for fi, f in enumerate(findings):
        if fi in used:
            continue
        if any(f["rule"] in g["rules"] and overlaps(f, g, 0) for g in ignores):
            ignored.append(f)
            continue
        extra.append(f)
    return matched, extra, ignored


def ratio(a, b):
    return a / b if b else None


def score(args):
    ocrlint = args.ocrlint
    have = available_rules(ocrlint)
    rules = [r for r in (args.rules.split(",") if args.rules else inject.KINDS)]
    present = [r for r in rules if r in have]

    work = pathlib.Path(args.work) if args.work else pathlib.Path(tempfile.mkdtemp(prefix="ocrlint-quality-"))
    work.mkdir(parents=True, exist_ok=True)
    config = work / "ocrlint.toml"
    config.write_text("# empty: the harness uses each rule's defaults\n")
    docs_dir = work / "docs"
    docs = inject.generate(args.clean, args.docs, args.seed)
    manifest = inject.write(docs, docs_dir, args.seed)

    stats = {r: {"injected": 0, "tp": 0, "fp": 0, "fn": 0, "ignored": 0, "fp_clean": 0} for r in rules}
    examples = {r: {"fp": [], "fn": [], "fp_clean": []} for r in rules}
    variants = {r: {} for r in rules}  # recall by injection variant
    findings = run_ocrlint(ocrlint, config, present, [docs_dir]) if present else {}
    for doc in manifest["docs"]:
        defects = [d for d in doc["defects"] if d["rule"] in stats]
        for d in defects:
            stats[d["rule"]]["injected"] += 1
        if not present:
            continue
        fs = findings.get(doc["path"], [])
        matched, extra, ignored = match_doc(fs, defects, doc["ignore"], args.tolerance)
        text = (docs_dir / doc["path"]).read_bytes()
        for di, d in enumerate(defects):
            if d["rule"] not in present:
                continue
            v = variants[d["rule"]].setdefault(d["variant"], {"tp": 0, "fn": 0})
            if di in matched:
                stats[d["rule"]]["tp"] += 1
                v["tp"] += 1
            else:
                stats[d["rule"]]["fn"] += 1
                v["fn"] += 1
                examples[d["rule"]]["fn"].append(
                    {"doc": doc["path"], "variant": d["variant"], "context": context(text, d["start"], d["end"])}
                )
        for f in ignored:
            stats[f["rule"]]["ignored"] += 1
        for f in extra:
            stats[f["rule"]]["fp"] += 1
            examples[f["rule"]]["fp"].append(
                {"doc": doc["path"], "message": f["message"], "context": context(text, f["start"], f["end"])}
            )

    # False positives on the uninjected clean corpus.
    clean_files = sorted(p for p in pathlib.Path(args.clean).iterdir() if p.suffix in (".txt", ".md"))
    clean_chars = sum(len(p.read_text(encoding="utf-8")) for p in clean_files)
    if present:
        clean_findings = run_ocrlint(ocrlint, config, present, clean_files)
        for p in clean_files:
            text = p.read_bytes()
            for f in clean_findings.get(p.name, []):
                stats[f["rule"]]["fp_clean"] += 1
                examples[f["rule"]]["fp_clean"].append(
                    {"doc": p.name, "message": f["message"], "context": context(text, f["start"], f["end"])}
                )

    # Byte-exact restoration by --fix --unsafe-fixes.
    fix_dir = work / "fixed"
    if fix_dir.exists():
        shutil.rmtree(fix_dir)
    shutil.copytree(docs_dir, fix_dir, ignore=shutil.ignore_patterns("manifest.json"))
    if present:
        run_ocrlint(ocrlint, config, present, [fix_dir], fix=True)
    restore = {"eligible": 0, "restored": 0, "by_rule": {r: {"eligible": 0, "restored": 0} for r in rules}}
    for doc in manifest["docs"]:
        if not all(d["fixable"] for d in doc["defects"]):
            continue
        ok = (fix_dir / doc["path"]).read_bytes() == doc["clean"].encode("utf-8")
        restore["eligible"] += 1
        restore["restored"] += ok
        kinds = {d["rule"] for d in doc["defects"]}
        if len(kinds) == 1:
            (rule,) = kinds
            if rule in restore["by_rule"]:
                restore["by_rule"][rule]["eligible"] += 1
                restore["by_rule"][rule]["restored"] += ok

    report = {
        "version": 1,
        "ocrlint": str(ocrlint),
        "seed": args.seed,
        "docs": len(manifest["docs"]),
        "tolerance": args.tolerance,
        "clean_chars": clean_chars,
        "clean_files": [p.name for p in clean_files],
        "rules": {},
        "restore": {
            "eligible": restore["eligible"],
            "restored": restore["restored"],
            "share": ratio(restore["restored"], restore["eligible"]),
        },
    }
    for r in rules:
        s = stats[r]
        if r not in present:
            report["rules"][r] = {"status": "missing", "injected": s["injected"]}
            continue
        p = ratio(s["tp"], s["tp"] + s["fp"])
        rec = ratio(s["tp"], s["tp"] + s["fn"])
        f1 = 2 * p * rec / (p + rec) if p is not None and rec and p + rec > 0 else (0.0 if rec == 0 else None)
        rb = restore["by_rule"][r]
        report["rules"][r] = {
            "status": "ok",
            "injected": s["injected"],
            "tp": s["tp"],
            "fp": s["fp"],
            "fn": s["fn"],
            "ignored": s["ignored"],
            "precision": p,
            "recall": rec,
            "f1": f1,
            "fp_clean": s["fp_clean"],
            "fp_per_100k_chars": s["fp_clean"] * 100000 / clean_chars,
            "restore_eligible": rb["eligible"],
            "restored": rb["restored"],
            "restore_share": ratio(rb["restored"], rb["eligible"]),
            "by_variant": dict(sorted(variants[r].items())),
            "examples": {k: v[: args.examples] for k, v in examples[r].items()},
        }
    if not args.work and not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        report["work"] = str(work)
    return report


def context(text, start, end, width=24):
    before = text[max(0, start - width * 3) : start].decode("utf-8", errors="ignore")[-width:]
    mid = text[start:end].decode("utf-8", errors="replace")
    after = text[end : end + width * 3].decode("utf-8", errors="ignore")[:width]
    return (before + "⟦" + mid + "⟧" + after).replace("\n", "⏎")


def fmt(x, digits=3):
    return "–" if x is None else f"{x:.{digits}f}"


def markdown(report):
    lines = [
        f"{report['docs']} injected documents (seed {report['seed']}); clean text "
        f"{report['clean_chars']:,} characters in {len(report['clean_files'])} files.",
        "",
        "| rule | injected | TP | FP | FN | precision | recall | F1 | FP / 100k clean chars | restored by --fix --unsafe-fixes |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r, s in report["rules"].items():
        if s["status"] == "missing":
            lines.append(f"| `{r}` | {s['injected']} | missing | | | | | | | |")
            continue
        restored = (
            f"{s['restored']}/{s['restore_eligible']}" if s["restore_eligible"] else "– (no fix)"
        )
        lines.append(
            f"| `{r}` | {s['injected']} | {s['tp']} | {s['fp']} | {s['fn']} | {fmt(s['precision'])} | "
            f"{fmt(s['recall'])} | {fmt(s['f1'])} | {s['fp_per_100k_chars']:.1f} | {restored} |"
        )
    rs = report["restore"]
    lines += [
        "",
        f"Restored byte for byte by `--fix --unsafe-fixes`: {rs['restored']}/{rs['eligible']} documents "
        f"({fmt(rs['share'], 3)}) of those whose defects all have a fix (the per-rule column counts "
        "documents with defects of that rule only).",
    ]
    return "\n".join(lines) + "\n"


def check(report, thresholds_path):
    spec = json.loads(pathlib.Path(thresholds_path).read_text())
    failures = []
    for rule, t in spec["rules"].items():
        s = report["rules"].get(rule)
        if s is None:
            failures.append(f"{rule}: not scored (not an injected kind?)")
            continue
        if s["status"] == "missing":
            failures.append(f"{rule}: missing from the binary")
            continue
        for key in ("precision", "recall"):
            if key in t and (s[key] is None or s[key] < t[key]):
                failures.append(f"{rule}: {key} {fmt(s[key])} < {t[key]}")
        if "max_fp_per_100k" in t and s["fp_per_100k_chars"] > t["max_fp_per_100k"]:
            failures.append(
                f"{rule}: {s['fp_per_100k_chars']:.1f} false positives per 100k clean characters > {t['max_fp_per_100k']}"
            )
    if "min_restore_share" in spec:
        share = report["restore"]["share"] or 0.0
        if share < spec["min_restore_share"]:
            failures.append(f"restored share {share:.3f} < {spec['min_restore_share']}")
    return failures


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ocrlint", default=str(REPO / "build" / "ocrlint"), help="the binary to score")
    ap.add_argument("--docs", type=int, default=300, help="injected documents (default 300)")
    ap.add_argument("--seed", type=int, default=20240115)
    ap.add_argument("--clean", default=str(HERE / "clean"))
    ap.add_argument("--rules", help="comma-separated rule ids to score (default: every injected kind)")
    ap.add_argument("--tolerance", type=int, default=3, help="bytes a finding may miss its defect by")
    ap.add_argument("--work", help="keep documents, fixed copies and manifest in this folder")
    ap.add_argument("--keep", action="store_true", help="keep the temporary work folder")
    ap.add_argument("--json", help="write the full report (with example misses) here")
    ap.add_argument("--markdown", help="write the Markdown table here")
    ap.add_argument("--examples", type=int, default=10, help="example misses per rule in the JSON")
    ap.add_argument("--check", help="thresholds JSON; exit 1 when a listed rule falls short")
    args = ap.parse_args(argv)
    if not os.access(args.ocrlint, os.X_OK):
        raise SystemExit(f"not an executable: {args.ocrlint}")

    report = score(args)
    table = markdown(report)
    print(table, end="")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    if args.markdown:
        pathlib.Path(args.markdown).write_text(table)
    if args.check:
        failures = check(report, args.check)
        for f in failures:
            print(f"FAIL {f}", file=sys.stderr)
        if failures:
            return 1
        print(f"all thresholds of {args.check} met", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
