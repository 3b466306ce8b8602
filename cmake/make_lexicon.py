#!/usr/bin/env python3
"""Writes the word lexicon compiled into ocrlint (src/text/lexicon.h) as a C++ file.

The source is the dictionary of the jieba segmenter as Debian ships it (python3-jieba,
MIT licensed): about 350,000 words with their corpus frequency. Kept are words of one to
four characters in the Basic Multilingual Plane's Han blocks with a frequency of at least
MIN_FREQ; each becomes a 64-bit key (four 16-bit code points, zero-padded) and a cost,
-ln(frequency / total) in 1/256 nats, and its word class (the part of speech jieba tags it
with, folded into the classes of WordClass in text/lexicon.h), in an open-addressing hash
table written as a string literal (see text/lexicon_data.h for the layout).

The supplement (src/text/lexicon_extra.txt) adds the words of current news prose that the
dictionary, compiled around 2012, lacks (文旅, 康养, 网格员, 副主任): one word per line,
optionally followed by a frequency (EXTRA_FREQ when none) and a jieba tag, '#' starting
a comment.

Usage: make_lexicon.py <dict.txt> <extra.txt> <out.cc>
"""
import math
import os
import sys

MIN_FREQ = 3
MAX_CHARS = 4
# A supplement word counts as often as a fairly common word of the dictionary.
EXTRA_FREQ = 500

# jieba's part-of-speech tags by their first letters, folded into the values of
# ocrlint::WordClass (text/lexicon.h); anything else is kOther (0).
CLASSES = [
    (("nr", "ns", "nt", "nz"), 2),  # kProperNoun: people, places, organisations, brands
    (("vn",), 3),  # kVerb: verbal nouns read as verbs
    (("n", "an"), 1),  # kNoun, and nominal adjectives
    (("v",), 3),  # kVerb
    (("a",), 4),  # kAdjective
    (("j",), 5),  # kAbbreviation: 十大, 光电
    (("t",), 6),  # kTime
    (("s", "f"), 9),  # kPlace: places and directions (背后, 之间)
    (("p",), 7),  # kPreposition
    (("r",), 8),  # kPronoun
]


def word_class(tag):
    for prefixes, value in CLASSES:
        if tag.startswith(prefixes):
            return value
    return 0


# The layout of the hash table (text/lexicon_data.h): slots of SLOT_SIZE bytes, at most
# MAX_LOAD full, a key's search beginning at the high bits of its product with HASH_FACTOR.
SLOT_SIZE = 12
MAX_LOAD = 5 / 8
HASH_FACTOR = 0x9E3779B97F4A7C15
# The filter of the keys that longer words begin with has 2^FILTER_BITS bits (128 KB).
FILTER_BITS = 20
# The words of one character of U+3400-9FFF (extension A and the unified block) are also in
# a table indexed by the character (text/lexicon_data.h): 108 KB.
FIRST_CHAR = 0x3400
LAST_CHAR = 0x9FFF
CHAR_ENTRY_SIZE = 4


def key_length(key):
    length = 0
    while length < MAX_CHARS and key & (0xFFFF << (16 * (MAX_CHARS - 1 - length))):
        length += 1
    return length


def key_prefix(key, length):
    return key & ~((1 << (16 * (MAX_CHARS - length))) - 1) & (2**64 - 1)


def home(key, bits):
    return ((key * HASH_FACTOR) & (2**64 - 1)) >> (64 - bits)


def prefix_filter(keys):
    """The bits of the filter: set for each key that a longer word begins with."""
    bits = bytearray(1 << FILTER_BITS >> 3)
    for key in keys:
        for length in range(1, key_length(key)):
            at = home(key_prefix(key, length), FILTER_BITS)
            bits[at >> 3] |= 1 << (at & 7)
    return bits


def string_literal(name, data):
    """Lines defining the char array `name` holding `data` as a string literal, which
    compiles far faster than an array of numbers."""
    lines = ["const char %s[] =" % name]
    for i in range(0, len(data), 64):
        lines.append('    "' + "".join("\\x%02x" % b for b in data[i:i + 64]) + '"')
    lines[-1] += ";"
    return lines


def hash_slots(keys):
    """The number of bits of the table's size, and the slot of each key: linear probing,
    ordered (Amble and Knuth): along the probe sequence from any key's home slot the keys
    decrease, so that a search stops at the first key smaller than its own, a word or not
    (an empty slot holds 0), as soon on average as a search that finds its word."""
    bits = 4
    while (1 << bits) * MAX_LOAD < len(keys):
        bits += 1
    mask = (1 << bits) - 1
    table = [0] * (1 << bits)
    for key in keys:
        at = home(key, bits)
        while table[at] != 0:
            if table[at] < key:
                # The smaller key goes on; the slots it passed hold greater keys.
                table[at], key = key, table[at]
            at = (at + 1) & mask
        table[at] = key
    return bits, {key: at for at, key in enumerate(table) if key != 0}


def is_han(c):
    cp = ord(c)
    return 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF


def read_words(path, default_freq):
    """(word, frequency) pairs of a dictionary file; '#' starts a comment."""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            parts = line.split("#", 1)[0].split()
            if not parts:
                continue
            if len(parts) < 2 and default_freq is None:
                continue
            freq = int(parts[1]) if len(parts) >= 2 else default_freq
            tag = parts[2] if len(parts) >= 3 else ""
            yield parts[0], freq, tag, number


def main():
    source, extra, out = sys.argv[1], sys.argv[2], sys.argv[3]
    entries = {}
    classes = {}
    total = 0

    def add(word, freq, tag):
        key = 0
        for i, c in enumerate(word):
            key |= ord(c) << (16 * (MAX_CHARS - 1 - i))
        entries[key] = entries.get(key, 0) + freq
        if tag or key not in classes:
            classes[key] = word_class(tag)

    for word, freq, tag, _ in read_words(source, None):
        total += freq
        if freq < MIN_FREQ or not 1 <= len(word) <= MAX_CHARS:
            continue
        if not all(is_han(c) for c in word):
            continue
        add(word, freq, tag)
    for word, freq, tag, number in read_words(extra, EXTRA_FREQ):
        if not 1 <= len(word) <= MAX_CHARS or not all(is_han(c) for c in word):
            sys.exit("%s:%d: %r is not a word of one to four Han characters" % (extra, number, word))
        total += freq
        add(word, freq, tag)
    keys = sorted(entries)
    log_total = math.log(total)
    costs = {k: min(65535, round((log_total - math.log(entries[k])) * 256)) for k in keys}
    bits, slots = hash_slots(keys)
    table = bytearray(SLOT_SIZE << bits)
    chars = bytearray(CHAR_ENTRY_SIZE * (LAST_CHAR + 1 - FIRST_CHAR))
    for i, key in enumerate(keys):
        # The keys are sorted: the words that begin with this one follow it directly.
        length = key_length(key)
        has_longer = i + 1 < len(keys) and key_prefix(keys[i + 1], length) == key
        c = key >> (16 * (MAX_CHARS - 1))
        if length == 1 and FIRST_CHAR <= c <= LAST_CHAR:
            at = (c - FIRST_CHAR) * CHAR_ENTRY_SIZE
            chars[at:at + CHAR_ENTRY_SIZE] = (costs[key].to_bytes(2, "little") +
                                              bytes([1 | (2 if has_longer else 0), 0]))
        at = slots[key] * SLOT_SIZE
        table[at:at + SLOT_SIZE] = (key.to_bytes(8, "little") + costs[key].to_bytes(2, "little") +
                                    bytes([classes[key], int(has_longer)]))
    lines = [
        "// Generated by cmake/make_lexicon.py from the jieba dictionary. Do not edit.",
        "#include <string_view>",
        "",
        "#include \"text/lexicon_data.h\"",
        "",
        "namespace ocrlint::lexicon_data {",
        "namespace {",
        "",
        "// %d words in %d slots." % (len(keys), 1 << bits),
    ]
    lines += string_literal("kSlots", table)
    lines += ["", "// The words of one character of U+%04X-%04X." % (FIRST_CHAR, LAST_CHAR)]
    lines += string_literal("kChars", chars)
    lines += ["", "// The keys that longer words begin with."]
    lines += string_literal("kPrefixFilter", prefix_filter(keys))
    lines += [
        "",
        "}  // namespace",
        "",
        "std::string_view SlotBytes() { return {kSlots, sizeof(kSlots) - 1}; }",
        "int SlotBits() { return %d; }" % bits,
        "std::string_view PrefixFilter() { return {kPrefixFilter, sizeof(kPrefixFilter) - 1}; }",
        "int PrefixFilterBits() { return %d; }" % FILTER_BITS,
        "std::string_view CharBytes() { return {kChars, sizeof(kChars) - 1}; }",
        # An unknown character costs as much as a word seen once.
        "std::uint16_t UnknownCost() { return %d; }" % round(log_total * 256),
        "",
        "}  // namespace ocrlint::lexicon_data",
        "",
    ]
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
