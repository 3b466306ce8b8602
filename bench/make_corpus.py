#!/usr/bin/env python3
"""Generates the deterministic benchmark corpus of ocrlint from the real OCR pages.

Output (in --out DIR):
  big.txt        one plain-text document of about --size-mb MB
  small/         --small-files files of about size-mb / small-files each (~50 KB by
                 default), about --size-mb MB in all; 40% are .md (like 2 of the 5 pages)
  manifest.json  seed, options, sizes, SHA-256 of big.txt, counts of injected slips and a
                 hash of this script (run_throughput.sh regenerates when it changes)

Recipe (every random choice comes from one random.Random(seed), in this order, so the
same seed and options give the same bytes on any machine with Python >= 3.2):
  1. Read corpus_samples/luoyang-*.txt and *.md (sorted by name) as UTF-8. Split each page
     into paragraphs at runs of blank lines; keep each paragraph's following blank-line run
     verbatim, since those runs mark where pictures stood.
  2. A paragraph is "prose" when it is at least 40 characters long and ends with 。！？!?
     (optionally followed by closing quotes or brackets). Its sentences (split after
     。！？!? plus closing quotes/brackets) go into one of two pools by punctuation style:
     full-width commas (page 000) or ASCII commas (pages 001-004), so that a rebuilt
     paragraph keeps one style. Every other paragraph (headings, captions, bylines,
     page furniture, halves of sentences broken across columns, truncated text) is kept
     byte for byte.
  3. An "article" is a run of 8-40 consecutive paragraphs of one page (random page, random
     start, clipped at the page end). Its non-prose paragraphs are copied; each prose
     paragraph is rebuilt from max(3, its sentence count) random sentences of its pool,
     so that paragraphs rarely repeat across 100 MB (which would make every paragraph a
     duplicate-paragraph finding). Identical prose paragraphs inside one article get the
     same rebuilt text, which keeps page 000's repeated block as a real duplicate.
     Sentences keep their own defects (ASCII punctuation and quotes, column-wrap spaces).
  4. Traditional-character slips: after every 5,000-15,000 bytes of output (uniform,
     mean 10 KB) the next paragraph that contains a character of TRADITIONAL gets one
     random occurrence replaced by its traditional form.
  5. big.txt is articles until it reaches the target size; then each small file is
     articles until it reaches its share (the last article of a file is cut after the
     paragraph that reaches it). Articles are separated by at least one blank line.
"""

import argparse
import hashlib
import json
import pathlib
import random
import re
import sys

RECIPE_VERSION = 1
DEFAULT_SEED = 20240101

# Common simplified characters and their traditional forms (one-to-one in news text).
TRADITIONAL = {
    "学": "學", "国": "國", "发": "發", "会": "會", "这": "這", "时": "時",
    "们": "們", "说": "說", "来": "來", "对": "對", "个": "個", "为": "為",
    "过": "過", "还": "還", "经": "經", "动": "動", "进": "進", "实": "實",
    "现": "現", "业": "業", "产": "產", "长": "長", "开": "開", "关": "關",
    "问": "問", "题": "題", "东": "東", "书": "書", "车": "車", "门": "門",
    "区": "區", "县": "縣", "镇": "鎮", "设": "設", "务": "務", "农": "農",
}

MIN_PROSE_CHARS = 40
ARTICLE_PARAGRAPHS = (8, 40)
SLIP_EVERY_BYTES = (5_000, 15_000)
MD_SHARE = (3, 4)  # small file i is Markdown when i % 5 is one of these

PARAGRAPH_BREAK = re.compile(r"(\n(?:[ \t\u3000]*\n)+)")
CLOSERS = "”\"’'」』)）】"
PROSE_END = re.compile("[。！？!?][" + re.escape(CLOSERS) + "]*$")
SENTENCE = re.compile("[^。！？!?]*[。！？!?]+[" + re.escape(CLOSERS) + "]*")
SLIP_PATTERN = re.compile(b"|".join(re.escape(s.encode()) for s in TRADITIONAL))


class Paragraph:
    def __init__(self, text, separator):
        self.text = text
        self.raw = text.encode()
        self.separator = separator.encode()
        self.sentence_count = 0
        self.pool = None  # index of the sentence pool when prose


def ReadPages(sample_dir):
    """Returns the pages as lists of Paragraph, and the two sentence pools."""
    paths = sorted(list(sample_dir.glob("luoyang-*.txt")) + list(sample_dir.glob("luoyang-*.md")))
    if not paths:
        sys.exit(f"make_corpus.py: no luoyang-*.txt/.md pages in {sample_dir}")
    pools = ([], [])
    pages = []
    for path in sorted(paths, key=lambda p: p.name):
        text = path.read_text(encoding="utf-8").lstrip("\n")
        pool_index = 0 if text.count("，") > text.count(",") else 1
        parts = PARAGRAPH_BREAK.split(text)
        page = []
        for i in range(0, len(parts), 2):
            body = parts[i]
            if not body.strip():
                continue
            separator = parts[i + 1] if i + 1 < len(parts) else "\n\n"
            body = body.rstrip("\n")  # the page's last line break
            paragraph = Paragraph(body, separator)
            if len(body) >= MIN_PROSE_CHARS and PROSE_END.search(body):
                sentences = SENTENCE.findall(body)
                if "".join(sentences) == body:  # no trailing fragment lost
                    paragraph.sentence_count = len(sentences)
                    paragraph.pool = pool_index
                    pools[pool_index].extend(s.encode() for s in sentences)
            page.append(paragraph)
        pages.append(page)
    return pages, pools


class Generator:
    def __init__(self, pages, pools, seed):
        self.pages = pages
        self.pools = pools
        self.rng = random.Random(seed)
        self.written = 0
        self.next_slip = self.rng.randint(*SLIP_EVERY_BYTES)
        self.slips = 0
        self.rebuilt_seen = set()
        self.rebuilt_repeats = 0  # rebuilt paragraphs identical to an earlier one

    def Article(self):
        """Yields the paragraphs of one article as bytes, each with its separator."""
        page = self.pages[self.rng.randrange(len(self.pages))]
        start = self.rng.randrange(len(page))
        count = self.rng.randint(*ARTICLE_PARAGRAPHS)
        rebuilt = {}
        chosen = page[start : start + count]
        for index, paragraph in enumerate(chosen):
            body = paragraph.raw
            if paragraph.pool is not None:
                if paragraph.raw not in rebuilt:
                    rebuilt[paragraph.raw] = self.Rebuild(paragraph)
                body = rebuilt[paragraph.raw]
            body = self.MaybeSlip(body)
            separator = paragraph.separator
            if index == len(chosen) - 1 and not separator.endswith(b"\n\n"):
                separator = b"\n\n"
            self.written += len(body) + len(separator)
            yield body + separator

    def Rebuild(self, paragraph):
        pool = self.pools[paragraph.pool]
        n = max(3, paragraph.sentence_count)
        body = b"".join(pool[self.rng.randrange(len(pool))] for _ in range(n))
        digest = hashlib.blake2b(body, digest_size=12).digest()
        if digest in self.rebuilt_seen:
            self.rebuilt_repeats += 1
        self.rebuilt_seen.add(digest)
        return body

    def MaybeSlip(self, body):
        if self.written < self.next_slip:
            return body
        matches = list(SLIP_PATTERN.finditer(body))
        if not matches:
            return body  # try again on the next paragraph
        match = matches[self.rng.randrange(len(matches))]
        traditional = TRADITIONAL[match.group().decode()].encode()
        self.slips += 1
        self.next_slip = self.written + self.rng.randint(*SLIP_EVERY_BYTES)
        return body[: match.start()] + traditional + body[match.end() :]

    def Write(self, path, target_bytes):
        """Writes articles to `path` until it holds at least `target_bytes`; the last
        article is cut after the paragraph that reaches the target."""
        size = 0
        with open(path, "wb") as f:
            while size < target_bytes:
                for paragraph in self.Article():
                    f.write(paragraph)
                    size += len(paragraph)
                    if size >= target_bytes:
                        break
        return size


def Sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def ScriptHash():
    return hashlib.sha256(pathlib.Path(__file__).read_bytes()).hexdigest()


def main():
    repo = pathlib.Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=repo / "build" / "bench-corpus")
    parser.add_argument("--size-mb", type=float, default=100.0,
                        help="size of big.txt and total size of small/ in MB (10^6 bytes)")
    parser.add_argument("--small-files", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--samples", type=pathlib.Path, default=repo / "corpus_samples")
    parser.add_argument("--print-hash", action="store_true",
                        help="print the hash of this script (the recipe) and exit")
    args = parser.parse_args()
    if args.print_hash:
        print(ScriptHash())
        return
    if args.size_mb <= 0 or args.small_files <= 0:
        parser.error("--size-mb and --small-files must be positive")

    pages, pools = ReadPages(args.samples)
    generator = Generator(pages, pools, args.seed)
    target = int(args.size_mb * 1_000_000)

    args.out.mkdir(parents=True, exist_ok=True)
    big_path = args.out / "big.txt"
    big_bytes = generator.Write(big_path, target)
    big_slips = generator.slips

    small_dir = args.out / "small"
    small_dir.mkdir(exist_ok=True)
    for old in small_dir.iterdir():
        old.unlink()
    per_file = target // args.small_files
    sizes = []
    digits = len(str(args.small_files - 1))
    for i in range(args.small_files):
        ext = "md" if i % 5 in MD_SHARE else "txt"
        sizes.append(generator.Write(small_dir / f"page-{i:0{digits}d}.{ext}", per_file))

    manifest = {
        "recipe_version": RECIPE_VERSION,
        "script_sha256": ScriptHash(),
        "seed": args.seed,
        "size_mb": args.size_mb,
        "python": sys.version.split()[0],
        "samples": [p.name for p in sorted(args.samples.glob("luoyang-*"))],
        "big": {"path": "big.txt", "bytes": big_bytes, "sha256": Sha256(big_path),
                "traditional_slips": big_slips},
        "small": {"dir": "small", "files": len(sizes), "bytes": sum(sizes),
                  "min_bytes": min(sizes), "max_bytes": max(sizes),
                  "markdown_files": sum(1 for i in range(len(sizes)) if i % 5 in MD_SHARE),
                  "traditional_slips": generator.slips - big_slips},
        "rebuilt_paragraph_repeats": generator.rebuilt_repeats,
    }
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"make_corpus.py: wrote {args.out}: big.txt {big_bytes / 1e6:.1f} MB, "
          f"{len(sizes)} small files {sum(sizes) / 1e6:.1f} MB, "
          f"{generator.slips} traditional slips", file=sys.stderr)


if __name__ == "__main__":
    main()
