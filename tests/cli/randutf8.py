#!/usr/bin/env python3
"""randutf8.py: random UTF-8 values for the text round-trip property test
(t1630-text.bats), from a fixed seed so that every run is the same.

  randutf8.py gen SEED N DIR   writes DIR/K/FIELD (K = 0..N-1), one file a
                               value, no final newline
  randutf8.py check DIR/K      compares DIR/K/show.json (show --format json)
                               with the values, byte for byte; prints each
                               difference and exits 1 if there is one

Values are NFC, begin and end with a visible character, and hold no
control character but newlines and tabs inside multi-line text: the
program's input rules, so that every generated value must come back whole.
"""
import json
import os
import random
import sys
import unicodedata

# (first, last) code points of each kind of character.
RANGES = [
    (0x21, 0x7E),        # ASCII
    (0xA1, 0xFF),        # Latin-1, no NBSP
    (0x391, 0x3C9),      # Greek
    (0x4E00, 0x9FFF),    # CJK
    (0x3001, 0x3011),    # CJK punctuation, no U+3000
    (0xFF01, 0xFF5E),    # fullwidth forms
    (0xAC00, 0xD7A3),    # Hangul
    (0x20000, 0x2A6DF),  # CJK extension B: 4 bytes
    (0x1F600, 0x1F64F),  # emoji: 4 bytes
]
COMBINING = (0x300, 0x34E)  # not U+034F, the grapheme joiner
# List separators never go in a name (SPEC: cosigners are "a;b" or "a、b").
NOT_IN_NAMES = set(";；、,")


def char(rng, name):
    while True:
        lo, hi = rng.choice(RANGES)
        c = chr(rng.randint(lo, hi))
        if name and c in NOT_IN_NAMES:
            continue
        if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zs"):
            continue
        return c


def value(rng, maxchars, multiline=False, name=False):
    """A value of 1..maxchars characters (NFC), sometimes a long run of
    one character, with combining marks, spaces and (if multiline) newlines
    and tabs inside."""
    want = rng.choice([1, 2, rng.randint(1, maxchars), maxchars])
    out = []
    while len(out) < want:
        r = rng.random()
        if r < 0.05 and want - len(out) > 2:
            out += [char(rng, name)] * rng.randint(2, want - len(out))
        elif r < 0.15 and out:
            out.append(chr(rng.randint(*COMBINING)))
        elif r < 0.22 and out:
            out.append(rng.choice(" \n\t") if multiline else " ")
        else:
            out.append(char(rng, name))
    s = unicodedata.normalize("NFC", "".join(out))
    # No space, tab or newline at either end; visible ends.
    s = s.strip(" \n\t")
    while len(s) > maxchars:
        s = unicodedata.normalize("NFC", s[:-1]).strip(" \n\t")
    if not s or unicodedata.category(s[0]).startswith("M"):
        s = char(rng, name) + s
        while len(s) > maxchars:
            s = unicodedata.normalize("NFC", s[:-1]).strip(" \n\t")
    return s


FIELDS = {
    # field: (limit in characters, multi-line, a registry name)
    "title": (200, False, False),
    "content": (20000, True, False),
    "category": (60, False, False),
    "submitter": (60, False, False),
    "handler": (60, False, False),
    "station": (60, False, True),
    "dept": (60, False, True),
    "co": (60, False, True),
    "deputy": (60, False, True),
    "cosigner1": (60, False, True),
    "cosigner2": (60, False, True),
    "contact_note": (20000, True, False),
    "extend_reason": (200, False, False),
    "return_reason": (200, False, False),
    "reply": (20000, True, False),
    "rating_note": (20000, True, False),
}


def gen(seed, n, top):
    rng = random.Random(seed)
    for k in range(n):
        d = os.path.join(top, str(k))
        os.makedirs(d)
        names = set()
        for f, (limit, multi, name) in FIELDS.items():
            # Long values are costly; a third of the cases take them.
            if limit > 200 and k % 3:
                limit = 400
            v = value(rng, limit, multi, name)
            # Registry names are unique in the test: a suffix if needed.
            while name and (v in names or v == "-"):
                v = value(rng, limit - 1, multi, name)
            names.add(v)
            with open(os.path.join(d, f), "wb") as fp:
                fp.write(v.encode())


def check(d):
    def want(f):
        with open(os.path.join(d, f), "rb") as fp:
            return fp.read().decode()

    with open(os.path.join(d, "show.json"), "rb") as fp:
        o = json.loads(fp.read().decode("utf-8", errors="strict"))
    got = {
        "title": o["title"],
        "content": o["content"],
        "category": o["category"],
        "submitter": o["submitter"],
        "handler": o["handler"],
        "station": o["station"],
        "dept": [x["name"] for x in o["departments"] if x["role"] == "lead"][0],
        "co": [x["name"] for x in o["departments"] if x["role"] == "co"][0],
        "deputy": o["lead_deputy"],
        "cosigner1": o["cosigners"][0],
        "cosigner2": o["cosigners"][1],
        "contact_note": o["contacts"][0]["note"],
        "reply": o["replies"][0]["text"],
        "rating_note": o["ratings"][0]["note"],
    }
    ext = [h["detail"] for h in o["history"] if h["action"] == "extended"][0]
    ret = [h["detail"] for h in o["history"] if h["action"] == "returned"][0]
    bad = 0
    for f in FIELDS:
        w = want(f)
        if f == "extend_reason":
            # "due: D (was D): REASON; approved by NAME" (t1630's 镇长).
            ok = ext.endswith("): " + w + "; approved by 镇长")
            g = ext
        elif f == "return_reason":
            ok = ret == want("dept") + " (lead): " + w
            g = ret
        else:
            g = got[f]
            ok = g == w
        if not ok:
            print("%s: %s: want %r, got %r" % (d, f, w, g))
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    if sys.argv[1] == "gen":
        gen(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(check(sys.argv[2]))
