#!/usr/bin/env python3
"""Deterministic defect injector for the ocrlint quality harness (standard library only).

Takes the clean documents in bench/quality/clean/, cuts them into windows of consecutive
paragraphs and injects a few defects of known kind into each window, the way OCR and PDF
extraction produce them. Writes the defective documents and a manifest (manifest.json)
that lists, per document, every injected defect with the rule that should find it and the
byte range of the post-injection text where the finding belongs, ranges where other
findings are acceptable side effects, and the clean original (the text a perfect
`ocrlint --fix --unsafe-fixes` run restores).

    python3 bench/quality/inject.py --docs 300 --seed 1 --out build/quality/docs

One defect kind per rule: the structure rules of issue 4 and the typography rules of
issue 3 (see KINDS). Same seed, same options and same clean corpus give the same bytes.
"""

import argparse
import json
import pathlib
import random
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent

# Rule ids, in the order the report lists them.
STRUCTURE_RULES = [
    "duplicate-paragraph",
    "duplicate-span",
    "broken-sentence",
    "truncated-text",
    "doubled-word",
    "page-furniture",
]
TYPOGRAPHY_RULES = [
    "halfwidth-punctuation",
    "straight-quotes",
    "unbalanced-pair",
    "dash-form",
    "stray-space",
]
KINDS = STRUCTURE_RULES + TYPOGRAPHY_RULES

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
CJK_PUNCT = set("，。、；：？！“”‘’（）《》【】…—「」『』·")
TERMINAL = set("。！？")
CLOSERS = set("”’）」』》】")
PAIRS = {"“": "”", "（": "）", "《": "》", "【": "】", "‘": "’"}
TO_ASCII = {"，": ",", "：": ":", "；": ";", "？": "?", "！": "!"}

# Chars whose doubling is ordinary Chinese (reduplication, measure words, numerals) or
# that commonly start a legitimate AA sequence; never doubled alone.
NO_SINGLE_DOUBLE = set(
    "一二三四五六七八九十百千万亿两几个次条件家户人天年月日时岁代层处常往渐刚仅纷紧牢久"
    "多高大小好快慢红绿白看想试说走听谈等步声片点样种位名项批轮回遍趟"
)
# Words whose ABAB reduplication is grammatical (verbs tried briefly) or whose AABB form is.
REDUPLICABLE = set(
    """研究 讨论 考虑 学习 商量 休息 锻炼 体验 打扮 收拾 整理 介绍 了解 交流 比较 活动 准备
    检查 清理 打听 琢磨 思考 尝试 练习 看看 说说 走走 想想 试试 高兴 干净 清楚 明白 认真
    漂亮 舒服 热闹 快乐 平安 简单 仔细 老实 扎实 踏实 轻松 随便 大方 痛快 实在 整齐 匆忙
    安静 普通 平常 反复 来回 上下 前后 左右 进出 说笑 蹦跳 指点 商议 溜达 逛逛""".split()
)

CAPTIONS = [
    "施工人员有序作业",
    "党员教师宣誓",
    "家门口就业增收",
    "新生活 新希望",
    "洛四高学生在改造后的田径场上跑步",
    "我市跟班学习干部到广汽传祺考察学习 （资料图片）",
    "科技部领导参观洛二高陈冬科技馆",
    "与社区联办饺子宴活动",
    "优秀共产党员颁奖仪式",
    "二期项目封顶",
    "工人在生产线上忙碌",
    "游客在景区拍照留念 （资料图片）",
]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "岚南明芳军伟强磊洋勇艳杰娟涛超秀霞平刚桂英华玉兰萍红梅静丽敏晓东海燕峰鹏宇波婷雪琳颖晨阳浩然凯"


def name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def is_han(c):
    return bool(HAN.match(c))


def is_cjk(c):
    return is_han(c) or c in CJK_PUNCT


def load_words():
    words = set()
    for line in (HERE / "words.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            words.add(line.strip())
    return words


def paragraphs(text):
    """(start, end) of every run of non-blank lines; end excludes the final newline."""
    out = []
    pos = 0
    start = None
    end = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip(" \t\u3000"):
            if start is None:
                start = pos
            end = pos + len(body)
        elif start is not None:
            out.append((start, end))
            start = None
        pos += len(line)
    if start is not None:
        out.append((start, end))
    return out


def classify(p, markdown):
    if markdown and p.startswith("#"):
        return "heading"
    if markdown and re.match(r"(\||[-*+] |> |```|\d+\. )", p):
        return "other"
    if "\n" in p:
        return "other"
    if len(p) < 60 and re.search(r"记者|通讯员|文/图|摄$|^（.*）$", p):
        return "byline"
    han = len(HAN.findall(p))
    if len(p) >= 25 and (p[-1] in TERMINAL or (p[-1] in CLOSERS and p[-2] in TERMINAL | {"…"})):
        if "，" in p and han > len(p) * 0.5:
            return "prose"
    if len(p) <= 40:
        return "short"
    return "other"


def balanced(s):
    stack = []
    for c in s:
        if c in PAIRS:
            stack.append(PAIRS[c])
        elif c in PAIRS.values():
            if not stack or stack.pop() != c:
                return False
    return not stack


def sentences(p):
    """(start, end) of the sentences of paragraph text p (end after 。！？ and closers)."""
    out = []
    start = 0
    i = 0
    while i < len(p):
        if p[i] in TERMINAL:
            j = i + 1
            while j < len(p) and p[j] in CLOSERS:
                j += 1
            out.append((start, j))
            start = j
            i = j
            continue
        i += 1
    if start < len(p):
        out.append((start, len(p)))
    return out


def segment(p, words):
    """Forward maximum matching of p against the dictionary: (start, end) of each word."""
    out = []
    i = 0
    while i < len(p):
        for n in (4, 3, 2):
            if i + n <= len(p) and p[i : i + n] in words:
                out.append((i, i + n))
                i += n
                break
        else:
            i += 1
    return out


class Doc:
    """A document being injected: its text, recorded ranges, and protected regions."""

    def __init__(self, text, markdown):
        self.text = text
        self.markdown = markdown
        self.defects = []  # dicts with rule, variant, start, end (char offsets), fixable
        self.ignores = []  # dicts with rules, start, end
        self.protected = []  # [start, end] lists
        self.clean = None

    def edit(self, start, end, repl):
        """Replaces text[start:end] and moves every recorded range with the text. An
        insertion at a range's start goes before it; at its end, after it."""
        delta = len(repl) - (end - start)
        for r in self.defects:
            if r["start"] >= end:
                r["start"] += delta
                r["end"] += delta
            elif r["end"] > start:
                raise AssertionError("edit overlaps an injected defect")
        for r in self.ignores:
            if r["start"] >= end:
                r["start"] += delta
                r["end"] += delta
            elif r["end"] > start:
                r["end"] = max(r["start"], r["end"] + delta)
        for r in self.protected:
            if r[0] >= end:
                r[0] += delta
                r[1] += delta
            elif r[1] >= start:
                r[1] = max(r[0], r[1] + delta)
        self.text = self.text[:start] + repl + self.text[end:]

    def free(self, start, end, margin=3):
        return all(e + margin <= start or s >= end + margin for s, e in self.protected)

    def protect(self, start, end):
        self.protected.append([start, end])

    def defect(self, rule, variant, start, end, fixable=True):
        self.defects.append(
            {"rule": rule, "variant": variant, "start": start, "end": end, "fixable": fixable}
        )

    def ignore(self, rules, start, end):
        self.ignores.append({"rules": list(rules), "start": start, "end": end})

    def paras(self, kinds=None):
        out = []
        for s, e in paragraphs(self.text):
            k = classify(self.text[s:e], self.markdown)
            if kinds is None or k in kinds:
                out.append((s, e, k))
        return out

    def free_paras(self, kinds):
        return [(s, e) for s, e, k in self.paras(kinds) if self.free(s, e)]

    def sep_after(self, end):
        m = re.match(r"\n*", self.text[end:])
        return m.group(0)


# --- the injections: each returns True when it injected something -----------------------


def inject_duplicate_paragraph(doc, rng, words):
    paras = doc.paras()
    cands = []
    for i in range(len(paras)):
        for k in (1, 2, 3):
            run = paras[i : i + k]
            if len(run) < k or any(p[2] != "prose" for p in run):
                continue
            if not all(doc.free(s, e) for s, e, _ in run):
                continue
            for j in range(i + k - 1, min(len(paras), i + k + 6)):
                end_j = paras[j][1]
                nxt = paras[j + 1] if j + 1 < len(paras) else None
                if nxt is not None and doc.sep_after(end_j) != "\n\n":
                    continue
                if not doc.free(paras[j][0], end_j) or (nxt and not doc.free(nxt[0], nxt[1])):
                    continue
                cands.append((i, k, j))
    if not cands:
        return False
    i, k, j = rng.choice(cands)
    src_s, src_e = paras[i][0], paras[i + k - 1][1]
    copy = doc.text[src_s:src_e]
    variant = rng.choices(["exact", "width", "prefix"], [2, 1, 1])[0]
    if variant == "width":
        changed = "".join(TO_ASCII.get(c, {"（": "(", "）": ")"}.get(c, c)) for c in copy)
        if changed == copy:
            variant = "exact"
        copy = changed
    if variant == "prefix":
        last_s = copy.rfind("\n") + 1
        last = copy[last_s:]
        spots = [
            x
            for x in range(int(len(last) * 0.4), int(len(last) * 0.85))
            if is_han(last[x - 1]) and is_han(last[x])
        ]
        if not spots:
            return False
        copy = copy[: last_s + rng.choice(spots)]
    at = paras[j][1]
    doc.edit(at, at, "\n\n" + copy)
    start = at + 2
    doc.defect("duplicate-paragraph", variant, start, start + len(copy))
    if variant != "exact":
        doc.ignore(
            [
                "halfwidth-punctuation",
                "straight-quotes",
                "truncated-text",
                "broken-sentence",
                "unbalanced-pair",
            ],
            start,
            start + len(copy),
        )
    doc.protect(src_s, src_e)
    doc.protect(start, start + len(copy))
    return True


def span_sentences(doc, paras):
    out = []
    for s, e in paras:
        p = doc.text[s:e]
        for a, b in sentences(p):
            sent = p[a:b]
            if b - a <= 90 and len(HAN.findall(sent)) >= 16 and balanced(sent) and sent[-1] in TERMINAL | CLOSERS:
                out.append((s, e, s + a, s + b))
    return out


def inject_duplicate_span(doc, rng, words):
    prose = doc.free_paras({"prose"})
    variant = rng.choice(["after-itself", "elsewhere", "tail"])
    if variant == "tail":
        cands = []
        for s, e in prose:
            p = doc.text[s:e]
            for x in range(len(p) // 3, len(p) - 16):
                if p[x - 1] in "，、" and is_han(p[x]):
                    tail = p[x:]
                    if len(HAN.findall(tail)) >= 16 and balanced(tail) and len(tail) <= 90:
                        cands.append((s, e, s + x))
        if not cands:
            return False
        s, e, x = rng.choice(cands)
        tail = doc.text[x:e]
        doc.edit(e, e, tail)
        doc.defect("duplicate-span", variant, e, e + len(tail))
        doc.protect(s, e + len(tail))
        return True
    cands = span_sentences(doc, prose)
    if not cands:
        return False
    s, e, a, b = rng.choice(cands)
    sent = doc.text[a:b]
    if variant == "after-itself":
        doc.edit(b, b, sent)
        doc.defect("duplicate-span", variant, b, b + len(sent))
        doc.protect(s, e + len(sent))
        return True
    targets = []
    for ts, te in prose:
        # Only a later paragraph: of two identical sentences no tool can tell which one is
        # the intruder, and the convention is that the later copy is the repeat.
        if ts <= s:
            continue
        p = doc.text[ts:te]
        for x in range(1, len(p) + 1):
            if p[x - 1] in TERMINAL and (x == len(p) or p[x] not in CLOSERS):
                targets.append((ts, te, ts + x))
    if not targets:
        return False
    ts, te, at = rng.choice(targets)
    doc.edit(at, at, sent)
    doc.defect("duplicate-span", variant, at, at + len(sent))
    shift = len(sent) if ts < s else 0
    doc.protect(s + shift, e + shift)
    doc.protect(ts, te + len(sent))
    return True


def inject_broken_sentence(doc, rng, words):
    prose = [(s, e) for s, e in doc.free_paras({"prose"}) if e - s >= 40]
    if not prose:
        return False
    s, e = rng.choice(prose)
    p = doc.text[s:e]
    mid = [x for x in range(12, len(p) - 8) if is_han(p[x - 1]) and is_han(p[x])]
    punct = [x for x in range(12, len(p) - 8) if p[x - 1] in "，、" and is_han(p[x])]
    spots = punct if punct and rng.random() < 0.2 else mid
    if not spots:
        return False
    x = rng.choice(spots)
    doc.edit(s + x, s + x, "\n\n")
    doc.defect("broken-sentence", "plain", s + x - 1, s + x + 3)
    doc.ignore(["unbalanced-pair"], s, e + 2)
    doc.protect(s, e + 2)
    return True


def prepare_caption(doc, rng):
    """Before any defect: insert a caption paragraph after a prose paragraph (the clean
    original keeps it there); returns the reservation the injection step uses."""
    paras = doc.paras()
    cands = []
    for idx, (s, e, k) in enumerate(paras):
        if k == "prose" and e - s >= 40 and doc.free(s, e):
            cands.append((s, e))
    captions = [c for c in CAPTIONS if c not in doc.text]
    if not cands or not captions:
        return None
    s, e = rng.choice(cands)
    cap = rng.choice(captions)
    gap = rng.choice(["\n\n", "\n\n\n\n"])
    doc.edit(e, e, gap + cap)
    res = [s, e + len(gap) + len(cap)]
    doc.protected.append(res)  # moved by later edits like any protected range
    return {"range": res, "gap": len(gap), "caption": len(cap)}


def inject_broken_sentence_with_caption(doc, rng, reservation):
    s, end = reservation["range"]
    e = end - reservation["gap"] - reservation["caption"]
    p = doc.text[s:e]
    mid = [x for x in range(12, len(p) - 8) if is_han(p[x - 1]) and is_han(p[x])]
    if not mid:
        return False
    x = rng.choice(mid)
    b_part = doc.text[s + x : e]
    # A, gap, caption, "\n\n", B
    doc.edit(s + x, end, doc.text[e:end] + "\n\n" + b_part)
    b_start = end - len(b_part) + 2
    doc.defect("broken-sentence", "caption", s + x - 1, b_start + 1)
    doc.ignore(["unbalanced-pair"], s, end + 2)
    return True


def inject_truncated_text(doc, rng, words):
    if rng.random() < 0.2:
        heads = [
            (s, e)
            for s, e, k in doc.paras({"heading", "short"})
            if doc.free(s, e) and len(HAN.findall(doc.text[s:e])) >= 8
        ]
        cands = []
        for s, e in heads:
            p = doc.text[s:e]
            if p[-1] in "：:" or re.search(r"记者|通讯员|文/图", p):
                continue
            for a, b in segment(p, words):
                if b >= len(p) - 6 and b - a >= 2 and a >= 6:
                    for x in range(a + 1, b):
                        cands.append((s, e, s + x))
        if cands:
            s, e, x = rng.choice(cands)
            doc.edit(x, e, "")
            doc.defect("truncated-text", "heading", max(s, x - 4), x, fixable=False)
            doc.ignore(["unbalanced-pair"], s, x)
            doc.protect(s, x)
            return True
    cands = []
    for s, e in doc.free_paras({"prose"}):
        p = doc.text[s:e]
        sa, sb = sentences(p)[-1]
        if sb - sa < 10:
            continue
        func = [x for x in range(sa + 4, sb - 3) if p[x - 1] in "的和与及把将在对等向从为" and is_han(p[x])]
        inword = [
            sa + x
            for a, b in segment(p[sa:sb], words)
            if a >= 4 and b <= sb - sa - 3
            for x in range(a + 1, b)
        ]
        pool = func if func and rng.random() < 0.4 else inword
        if pool:
            cands.append((s, e, sa, rng.choice(pool)))
    if not cands:
        return False
    s, e, sa, x = rng.choice(cands)
    doc.edit(s + x, e, "")
    doc.defect("truncated-text", "paragraph", s + sa, s + x, fixable=False)
    doc.ignore(["unbalanced-pair"], s, s + x)
    doc.protect(s, s + x)
    return True


def inject_doubled_word(doc, rng, words):
    cands = []
    for s, e in doc.free_paras({"prose"}):
        p = doc.text[s:e]
        for a, b in segment(p, words):
            w = p[a:b]
            before = p[a - 1] if a > 0 else ""
            after = p[b] if b < len(p) else ""
            if w in REDUPLICABLE or len(set(w)) < len(w):
                continue
            # whole word: XY -> XYXY
            if not p[b:].startswith(w) and not p[:a].endswith(w):
                cands.append(("word", s, a, b, w, b, w))
            # prefix of a longer word: 负责人 -> 负责负责人
            if len(w) >= 3 and w[:2] not in REDUPLICABLE:
                cands.append(("prefix", s, a, b, w, a + 2, w[:2]))
            # one char inside a word: 推进 -> 推推进
            for m in range(len(w)):
                c = w[m]
                if c in NO_SINGLE_DOUBLE or c + c in words:
                    continue
                if (m == 0 and before == c) or (m == len(w) - 1 and after == c):
                    continue
                cands.append(("char", s, a, b, w, a + m + 1, c))
    if not cands:
        return False
    variant = rng.choices(["word", "prefix", "char"], [2, 1, 1])[0]
    pool = [c for c in cands if c[0] == variant] or cands
    variant, s, a, b, w, at, ins = rng.choice(pool)
    doc.edit(s + at, s + at, ins)
    doc.defect("doubled-word", variant, s + at - len(ins), s + at + len(ins))
    para_end = s + at + len(ins)
    doc.protect(s, para_end)
    return True


def furniture_line(rng, kind):
    if kind == "credit":
        parts = [("校对", "组版"), ("责编",), ("责编", "美编"), ("责编", "校对"), ("版式",), ("编辑", "校对", "组版")]
        roles = rng.choice(parts)
        return " ".join(f"{r}：{name(rng)}" for r in roles)
    page = f"{rng.randint(1, 12):02d}"
    return f"（{rng.choice(['上接', '下转'])}{page}版）"


def inject_page_furniture(doc, rng, words):
    kind = rng.choice(["credit", "credit", "jump", "jump-inline"])
    paras = doc.paras()
    if kind == "jump-inline":
        cands = [(s, e) for s, e, k in paras if k == "prose" and doc.free(s, e)]
        if not cands:
            return False
        s, e = rng.choice(cands)
        if rng.random() < 0.5:
            span = f"（上接{rng.randint(1, 12):02d}版）"
            doc.edit(s, s, span)
            doc.defect("page-furniture", kind, s, s + len(span), fixable=False)
            doc.protect(s, e + len(span))
        else:
            span = f"（下转{rng.randint(1, 12):02d}版）"
            doc.edit(e, e, span)
            doc.defect("page-furniture", kind, e, e + len(span), fixable=False)
            doc.protect(s, e + len(span))
        return True
    line = furniture_line(rng, kind)
    # Between two paragraphs separated by exactly one blank line, or at the start or end.
    spots = []
    if paras and doc.free(paras[0][0], paras[0][1]):
        spots.append(("start", paras[0][0]))
    if paras and doc.free(paras[-1][0], paras[-1][1]):
        spots.append(("end", paras[-1][1]))
    for (s1, e1, _), (s2, e2, _) in zip(paras, paras[1:]):
        if doc.sep_after(e1) == "\n\n" and doc.free(s1, e1) and doc.free(s2, e2):
            spots.append(("between", e1))
    if not spots:
        return False
    where, at = rng.choice(spots)
    if where == "start":
        doc.edit(at, at, line + "\n\n")
        start = at
    else:
        doc.edit(at, at, "\n\n" + line)
        start = at + 2
    doc.defect("page-furniture", kind, start, start + len(line), fixable=(kind == "credit"))
    doc.protect(start, start + len(line))
    return True


def inject_halfwidth(doc, rng, words):
    cands = []
    for s, e in doc.free_paras({"prose", "short", "heading"}):
        p = doc.text[s:e]
        marks = []
        for x, c in enumerate(p):
            if c in TO_ASCII and x > 0 and is_han(p[x - 1]) and (x + 1 == len(p) or is_cjk(p[x + 1])):
                marks.append((x, x + 1, TO_ASCII[c]))
            if c == "（":
                y = p.find("）", x)
                if y > x + 1 and x > 0 and is_han(p[x - 1]) and "（" not in p[x + 1 : y] and is_han(p[x + 1]):
                    marks.append((x, y + 1, None))
        if p[-1] == "。" and is_han(p[-2]):
            marks.append((len(p) - 1, len(p), "."))
        if marks:
            cands.append((s, e, marks))
    if not cands:
        return False
    s, e, marks = rng.choice(cands)
    if rng.random() < 0.4:
        chosen = marks
    else:  # one or two marks of one type: every type equally likely, not just commas
        kind = rng.choice(sorted({str(m[2]) for m in marks}))
        same = [m for m in marks if str(m[2]) == kind]
        chosen = rng.sample(same, min(len(same), rng.choice((1, 1, 2))))
    chosen = sorted(chosen, reverse=True)
    # Parenthesis pairs may contain chosen marks: keep only non-overlapping ones.
    kept = []
    for m in chosen:
        if all(m[1] <= k[0] or m[0] >= k[1] for k in kept):
            kept.append(m)
    for a, b, repl in kept:  # descending: earlier offsets stay valid
        if repl is None:
            inner = doc.text[s + a + 1 : s + b - 1]
            doc.edit(s + a, s + b, "(" + inner + ")")
            doc.defect("halfwidth-punctuation", "paren", s + a, s + b)
        else:
            doc.edit(s + a, s + b, repl)
            doc.defect("halfwidth-punctuation", repr(repl)[1:-1], s + a, s + a + 1)
    doc.protect(s, e)
    return True


def quote_pairs(p, open_q="“", close_q="”"):
    out = []
    x = 0
    while True:
        a = p.find(open_q, x)
        if a < 0:
            return out
        b = p.find(close_q, a + 1)
        if b < 0:
            return out
        if open_q not in p[a + 1 : b]:
            out.append((a, b))
        x = b + 1


def inject_straight_quotes(doc, rng, words):
    cands = []
    for s, e in doc.free_paras({"prose", "short", "heading"}):
        p = doc.text[s:e]
        if not balanced(p) or '"' in p or "'" in p:
            continue
        pairs = quote_pairs(p)
        if pairs:
            cands.append((s, e, pairs))
    if not cands:
        return False
    s, e, pairs = rng.choice(cands)
    chosen = pairs if rng.random() < 0.4 else [rng.choice(pairs)]
    for a, b in chosen:
        doc.edit(s + a, s + a + 1, '"')
        doc.edit(s + b, s + b + 1, '"')
        doc.defect("straight-quotes", "all" if len(chosen) > 1 else "one", s + a, s + b + 1)
    doc.protect(s, e)
    return True


def inject_unbalanced_pair(doc, rng, words):
    cands = []
    for s, e in doc.free_paras({"prose", "short", "heading"}):
        p = doc.text[s:e]
        if not balanced(p):
            continue
        for o, c in (("“", "”"), ("（", "）"), ("《", "》"), ("【", "】")):
            for a, b in quote_pairs(p, o, c):
                cands.append((s, e, a, b))
    if not cands:
        return False
    s, e, a, b = rng.choice(cands)
    if rng.random() < 0.5:
        doc.edit(s + a, s + a + 1, "")  # drop the opener: the closer is unmatched
        doc.defect("unbalanced-pair", "drop-open", s + b - 1, s + b, fixable=False)
    else:
        doc.edit(s + b, s + b + 1, "")
        doc.defect("unbalanced-pair", "drop-close", s + a, s + a + 1, fixable=False)
    doc.protect(s, e - 1)
    return True


def inject_dash_form(doc, rng, words):
    cands = []
    for s, e in doc.free_paras({"prose", "short", "heading", "other"}):
        p = doc.text[s:e]
        for m in re.finditer("——|……", p):
            cands.append((s, e, m.start(), m.group(0)))
    if not cands:
        return False
    s, e, x, what = rng.choice(cands)
    if what == "——":
        repl = rng.choice(["-", "—", "--"])
    else:
        repl = rng.choice(["...", "…", "。。。", "......"])
    doc.edit(s + x, s + x + 2, repl)
    doc.defect("dash-form", repl, s + x, s + x + len(repl))
    doc.protect(s, e + len(repl) - 2)
    return True


NO_LINE_START = set("，。、；：？！）”’》】…—")  # kinsoku: never printed at a line start
NO_LINE_END = set("“‘（《【")  # nor these at a line end


def col_width(c):
    return 1 if ord(c) < 0x2E80 and c not in "“”‘’…—·" else 2


def inject_stray_space(doc, rng, words):
    """Re-wraps a paragraph into a printed column of constant width and keeps a space at
    every line end, as PDF extraction of a narrow column does (page 004)."""
    prose = [(s, e) for s, e in doc.free_paras({"prose"}) if e - s >= 50]
    if not prose:
        return False
    s, e = rng.choice(prose)
    p = doc.text[s:e]
    chars = rng.choice((15, 16, 17, 18, 19))  # full-width characters per line
    width = 2 * chars
    col = 4 + rng.choice((0, 0, 2 * rng.randint(1, chars - 2)))  # indent, or a mid-column start
    spots = []
    for x, c in enumerate(p):
        w = col_width(c)
        if col + w > width and x > 0 and c not in NO_LINE_START:
            y = x - 1 if p[x - 1] in NO_LINE_END and x > 1 else x  # an opener moves down
            a, b = p[y - 1], p[y]
            if (is_han(a) and is_cjk(b)) or (is_cjk(a) and is_han(b)):
                spots.append(y)
            col = sum(col_width(ch) for ch in p[y:x])
        col += w
    if len(spots) < 2:
        return False
    for x in reversed(spots):
        doc.edit(s + x, s + x, " ")
    for n, x in enumerate(spots):
        doc.defect("stray-space", f"column-{chars}", s + x + n, s + x + n + 1)
    doc.protect(s, e + len(spots))
    return True


INJECTORS = {
    "duplicate-paragraph": inject_duplicate_paragraph,
    "duplicate-span": inject_duplicate_span,
    "broken-sentence": inject_broken_sentence,
    "truncated-text": inject_truncated_text,
    "doubled-word": inject_doubled_word,
    "page-furniture": inject_page_furniture,
    "halfwidth-punctuation": inject_halfwidth,
    "straight-quotes": inject_straight_quotes,
    "unbalanced-pair": inject_unbalanced_pair,
    "dash-form": inject_dash_form,
    "stray-space": inject_stray_space,
}


def load_clean(clean_dir):
    docs = []
    for path in sorted(pathlib.Path(clean_dir).iterdir()):
        if path.suffix in (".txt", ".md"):
            docs.append((path.name, path.read_text(encoding="utf-8")))
    return docs


def window(rng, clean_docs):
    name_, text = rng.choices(clean_docs, [len(t) for _, t in clean_docs])[0]
    paras = paragraphs(text)
    n = rng.randint(10, 30)
    if len(paras) <= n:
        first, last = 0, len(paras) - 1
    else:
        first = rng.randint(0, len(paras) - n)
        last = first + n - 1
    body = text[paras[first][0] : paras[last][1]] + "\n"
    return name_, first, last, body


def make_doc(rng, clean_docs, words, kinds):
    """One document with defects of `kinds` (a list, repeats allowed), or None."""
    src, first, last, body = window(rng, clean_docs)
    doc = Doc(body, src.endswith(".md"))
    reservations = []
    for kind in kinds:
        if kind == "broken-sentence" and rng.random() < 0.3:
            res = prepare_caption(doc, rng)
            if res is None:
                return None
            reservations.append(res)
    doc.clean = doc.text
    for kind in kinds:
        if kind == "broken-sentence" and reservations:
            ok = inject_broken_sentence_with_caption(doc, rng, reservations.pop())
        else:
            ok = INJECTORS[kind](doc, rng, words)
        if not ok:
            return None
    doc.source = {"file": src, "paragraphs": [first, last]}
    return doc


def byte_offsets(text):
    out = [0]
    for c in text:
        out.append(out[-1] + len(c.encode("utf-8")))
    return out


def generate(clean_dir, n_docs, seed, mixed_share=0.3):
    rng = random.Random(seed)
    clean_docs = load_clean(clean_dir)
    words = load_words()
    docs = []
    attempts = 0
    while len(docs) < n_docs:
        attempts += 1
        if attempts > n_docs * 50:
            raise RuntimeError("cannot inject enough documents")
        primary = KINDS[len(docs) % len(KINDS)]
        kinds = [primary] * rng.randint(1, 3)
        if rng.random() < mixed_share:
            kinds.append(rng.choice([k for k in KINDS if k != primary]))
        rng.shuffle(kinds)
        doc = make_doc(rng, clean_docs, words, kinds)
        if doc is None:
            continue
        doc.primary = primary
        docs.append(doc)
    return docs


def write(docs, out_dir, seed):
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("doc-*"):
        old.unlink()
    manifest = {"version": 1, "seed": seed, "docs": []}
    for i, doc in enumerate(docs):
        ext = ".md" if doc.markdown else ".txt"
        fname = f"doc-{i:04d}{ext}"
        (out / fname).write_bytes(doc.text.encode("utf-8"))
        off = byte_offsets(doc.text)
        defects = []
        for d in sorted(doc.defects, key=lambda d: d["start"]):
            defects.append(
                {
                    "rule": d["rule"],
                    "variant": d["variant"],
                    "start": off[d["start"]],
                    "end": off[d["end"]],
                    "fixable": d["fixable"],
                    "text": doc.text[d["start"] : d["end"]],
                }
            )
        ignores = [
            {"rules": g["rules"], "start": off[g["start"]], "end": off[g["end"]]} for g in doc.ignores
        ]
        manifest["docs"].append(
            {
                "path": fname,
                "source": doc.source,
                "primary": doc.primary,
                "defects": defects,
                "ignore": ignores,
                "clean": doc.clean,
            }
        )
    (out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return manifest


FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", ".": "。"}


def oracle_fix(text, defects):
    """Applies the ideal fix of every defect (bytes in, bytes out): what a perfect
    `--fix --unsafe-fixes` does. Used by --self-test to prove the manifest consistent."""
    for d in sorted(defects, key=lambda d: d["start"], reverse=True):
        s, e, rule, v = d["start"], d["end"], d["rule"], d["variant"]
        if rule == "duplicate-paragraph":
            text = text[: s - 2] + text[e:]
        elif rule == "duplicate-span" or rule == "stray-space":
            text = text[:s] + text[e:]
        elif rule == "doubled-word":
            text = text[: (s + e) // 2] + text[e:]
        elif rule == "broken-sentence":
            a_end = s + len(text[s:].decode("utf-8", "ignore")[:1].encode())
            b_start = e - len(text[:e].decode("utf-8", "ignore")[-1:].encode())
            between = text[a_end:b_start]  # "\n\n", or gap + caption + "\n\n"
            b_end = text.find(b"\n", b_start)
            b_end = len(text) if b_end < 0 else b_end
            moved = between[:-2]
            text = text[:a_end] + text[b_start:b_end] + moved + text[b_end:]
        elif rule == "page-furniture":
            text = text[:s] + text[e + 2 :] if s == 0 else text[: s - 2] + text[e:]
        elif rule == "halfwidth-punctuation":
            old = text[s:e].decode()
            new = "（" + old[1:-1] + "）" if v == "paren" else FULL[old]
            text = text[:s] + new.encode() + text[e:]
        elif rule == "straight-quotes":
            inner = text[s + 1 : e - 1]
            text = text[:s] + "“".encode() + inner + "”".encode() + text[e:]
        elif rule == "dash-form":
            new = "——" if v in ("-", "—", "--") else "……"
            text = text[:s] + new.encode() + text[e:]
        else:
            raise ValueError(f"no fix for {rule}")
    return text


def self_test(manifest, out_dir):
    """Checks every fixable document: the ideal fixes give back the clean original."""
    bad = 0
    for doc in manifest["docs"]:
        if not all(d["fixable"] for d in doc["defects"]):
            continue
        text = (pathlib.Path(out_dir) / doc["path"]).read_bytes()
        if oracle_fix(text, doc["defects"]) != doc["clean"].encode("utf-8"):
            bad += 1
            print(f"self-test: {doc['path']} does not restore", file=sys.stderr)
    return bad


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clean", default=str(HERE / "clean"), help="folder of clean .txt/.md documents")
    ap.add_argument("--docs", type=int, default=300, help="number of documents to produce")
    ap.add_argument("--seed", type=int, default=20240115)
    ap.add_argument("--out", required=True, help="output folder (doc-*.txt/.md and manifest.json)")
    ap.add_argument("--self-test", action="store_true", help="check that ideal fixes restore every fixable document")
    args = ap.parse_args(argv)
    docs = generate(args.clean, args.docs, args.seed)
    manifest = write(docs, args.out, args.seed)
    n = sum(len(d["defects"]) for d in manifest["docs"])
    print(f"{len(docs)} documents, {n} defects -> {args.out}", file=sys.stderr)
    if args.self_test:
        bad = self_test(manifest, args.out)
        print(f"self-test: {bad} fixable documents do not restore", file=sys.stderr)
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
