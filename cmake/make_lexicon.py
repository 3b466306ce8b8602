#!/usr/bin/env python3
"""Writes the word lexicon compiled into ocrlint (src/text/lexicon.h) as a C++ file.

The source is the dictionary of the jieba segmenter as Debian ships it (python3-jieba,
MIT licensed): about 350,000 words with their corpus frequency. Kept are words of one to
four characters in the Basic Multilingual Plane's Han blocks with a frequency of at least
MIN_FREQ, with a cost, -ln(frequency / total) in 1/256 nats, and its word class (the part
of speech jieba tags it with, folded into the classes of WordClass in text/lexicon.h), in a
tree of small open-addressing hash tables by character written as string literals (see
text/lexicon_data.h for the layout).

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


# The layout of the word tree (text/lexicon_data.h). A word's first character indexes the
# table of characters (CHAR_ENTRY_SIZE bytes each) of U+3400-9FFF and U+F900-FAFF, which
# holds the character's own word and where the group of its second characters lies; the
# entry of a second character holds the two characters' word and where the group of the
# third and fourth characters lies. A group is an open-addressing hash table of SLOT_SIZE
# bytes a slot, at most MAX_LOAD full, so that the candidates of two, three and four
# characters a segmentation looks up at one position read one or two small regions
# instead of three random cache lines of one big table.
FIRST_CHAR = 0x3400
LAST_CHAR = 0x9FFF
FIRST_COMPAT_CHAR = 0xF900
LAST_COMPAT_CHAR = 0xFAFF
CHAR_ENTRY_SIZE = 4
# The low bits of an entry of the table of characters that hold the cost of its word.
COST_BITS = 13
SLOT_SIZE = 8
MAX_LOAD = 5 / 8
HASH_FACTOR = 0x9E3779B1
# A group of at most SCAN_KEYS keys has a home slot per key (most groups of third and
# fourth characters hold one key or two: their search is a short scan, and they take less
# room).
SCAN_KEYS = 2


def char_index(c):
    """The entry of character `c` in the table of characters, or None."""
    if FIRST_CHAR <= c <= LAST_CHAR:
        return c - FIRST_CHAR
    if FIRST_COMPAT_CHAR <= c <= LAST_COMPAT_CHAR:
        return LAST_CHAR + 1 - FIRST_CHAR + c - FIRST_COMPAT_CHAR
    return None


CHAR_COUNT = LAST_CHAR + 1 - FIRST_CHAR + LAST_COMPAT_CHAR + 1 - FIRST_COMPAT_CHAR


def index_char(index):
    """The character of entry `index` of the table of characters (None past its end)."""
    if index < LAST_CHAR + 1 - FIRST_CHAR:
        return FIRST_CHAR + index
    if index < CHAR_COUNT:
        return FIRST_COMPAT_CHAR + index - (LAST_CHAR + 1 - FIRST_CHAR)
    return None


def home(key, size):
    """The slot of a group of `size` home slots where the search for `key` begins: the
    high bits of the product of the key's Fibonacci hash with the size."""
    return (((key * HASH_FACTOR) & 0xFFFFFFFF) * size) >> 32


def hash_group(keys, grow=False):
    """The number of home slots of a group holding `keys` (non-zero, at least one), and its
    slots: linear probing, ordered (Amble and Knuth): along the probe sequence from any
    key's home slot the keys decrease, so that a search stops at the first key smaller than
    its own, a word or not (an empty slot holds 0). The probing does not wrap around: a key
    that passes the last home slot goes on into slots appended to the group, or with
    `grow`, the group takes more home slots until none passes the last."""
    size = len(keys) if len(keys) <= SCAN_KEYS else math.ceil(len(keys) / MAX_LOAD)
    while True:
        table = [0] * size
        for key in keys:
            at = home(key, size)
            while True:
                if at == len(table):
                    table.append(0)
                if table[at] == 0:
                    break
                if table[at] < key:
                    # The smaller key goes on; the slots it passed hold greater keys.
                    table[at], key = key, table[at]
                at += 1
            table[at] = key
        if not grow or len(table) == size:
            return size, table
        size = len(table)


def string_literal(name, data):
    """Lines defining the char array `name` holding `data` as a string literal, which
    compiles far faster than an array of numbers."""
    lines = ["const char %s[] =" % name]
    for i in range(0, len(data), 64):
        lines.append('    "' + "".join("\\x%02x" % b for b in data[i:i + 64]) + '"')
    lines[-1] += ";"
    return lines


def word_tree(words):
    """The table of characters, the slots of the groups of second characters and those of
    the groups of third and fourth characters (text/lexicon_data.h), for `words`: a dict
    from tuples of code points to (cost, class)."""
    seconds = {}  # first character -> second characters
    rests = {}  # first two characters -> keys of third and fourth characters
    longer = set()  # the prefixes that longer words begin with
    for chars in words:
        for length in range(1, len(chars)):
            longer.add(chars[:length])
        if len(chars) >= 2:
            seconds.setdefault(chars[0], set()).add(chars[1])
        if len(chars) >= 3:
            keys = rests.setdefault(chars[:2], set())
            keys.add(chars[2] << 16)
            if len(chars) == 4:
                keys.add(chars[2] << 16 | chars[3])

    # The groups of third and fourth characters, each after a header slot (key 0, then its
    # number of home slots) that also ends the search in the group before it; slot 0 is
    # no group.
    rest_bytes = bytearray(SLOT_SIZE)
    rest_at = {}
    for prefix in sorted(rests):
        size, table = hash_group(sorted(rests[prefix]))
        rest_at[prefix] = len(rest_bytes) // SLOT_SIZE
        rest_bytes += bytes(4) + size.to_bytes(4, "little")
        for key in table:
            chars = prefix + tuple(c for c in (key >> 16, key & 0xFFFF) if c)
            cost, cls = words.get(chars, (0, 0))
            rest_bytes += (key.to_bytes(4, "little") + cost.to_bytes(2, "little") +
                           bytes([cls, int(chars in longer)]))
    rest_bytes += bytes(SLOT_SIZE)  # ends the search in the last group
    assert len(rest_bytes) // SLOT_SIZE < 1 << 24

    # The groups of second characters, in the order of the characters' entries, each
    # followed by a slot of key 0 that ends the search and holds the class of the first
    # character's word.
    second_bytes = bytearray()
    second_at = {}
    firsts = set(seconds) | {chars[0] for chars in words if len(chars) == 1}
    for first in sorted(firsts, key=char_index):
        second_at[first] = len(second_bytes) // SLOT_SIZE
        table = hash_group(sorted(seconds[first]), grow=True)[1] if first in seconds else []
        for c in table:
            cost, cls = words.get((first, c), (0, 0))
            rest = rest_at.get((first, c), 0)
            second_bytes += (c.to_bytes(2, "little") + cost.to_bytes(2, "little") +
                             (cls | rest << 8).to_bytes(4, "little"))
        cls = words.get((first,), (0, 0))[1]
        second_bytes += bytes(4) + cls.to_bytes(4, "little")
    end = len(second_bytes) // SLOT_SIZE
    assert end < 1 << (32 - COST_BITS)

    # Each entry holds where the group of its character begins, which is where that of the
    # character before ends; a character without a group begins where the next group does.
    starts = [end] * (CHAR_COUNT + 1)
    for index in reversed(range(CHAR_COUNT)):
        first = index_char(index)
        starts[index] = second_at[first] if first in second_at else starts[index + 1]
    char_bytes = bytearray()
    for index, start in enumerate(starts):
        cost = words.get((index_char(index),), (0, 0))[0]
        assert cost < 1 << COST_BITS
        char_bytes += (cost | start << COST_BITS).to_bytes(4, "little")
    return char_bytes, second_bytes, rest_bytes


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
    log_total = math.log(total)
    # Each word as its code points, with its cost (at least 1: 0 marks a prefix that is no
    # word) and class.
    words = {}
    for key, freq in entries.items():
        chars = tuple(c for c in ((key >> (16 * (MAX_CHARS - 1 - i))) & 0xFFFF
                                  for i in range(MAX_CHARS)) if c)
        cost = min(65535, round((log_total - math.log(freq)) * 256))
        assert cost >= 1, chars
        words[chars] = (cost, classes[key])
    char_bytes, second_bytes, rest_bytes = word_tree(words)
    lines = [
        "// Generated by cmake/make_lexicon.py from the jieba dictionary. Do not edit.",
        "#include <string_view>",
        "",
        "#include \"text/lexicon_data.h\"",
        "",
        "namespace ocrlint::lexicon_data {",
        "namespace {",
        "",
        "// %d words: their first characters." % len(words),
    ]
    lines += string_literal("kChars", char_bytes)
    lines += ["", "// The groups of second characters."]
    lines += string_literal("kSeconds", second_bytes)
    lines += ["", "// The groups of third and fourth characters."]
    lines += string_literal("kRests", rest_bytes)
    lines += [
        "",
        "}  // namespace",
        "",
        "std::string_view CharBytes() { return {kChars, sizeof(kChars) - 1}; }",
        "std::string_view SecondBytes() { return {kSeconds, sizeof(kSeconds) - 1}; }",
        "std::string_view RestBytes() { return {kRests, sizeof(kRests) - 1}; }",
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
