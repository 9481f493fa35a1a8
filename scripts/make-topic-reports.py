#!/usr/bin/env python3
"""Writes N synthetic reports as JSONL (default 100,000) for feature and LSA measurements.

    python3 scripts/make-topic-reports.py /tmp/topic100k.jsonl [N]

Each report mixes 4-8 sentences of one or two themes, drawn from the project's own sample
reports (data/sample_reports.jsonl), with about 2 % of words misspelt (a letter dropped,
doubled or swapped) and an invented place or person-like name in one report in three — so the
vocabulary keeps growing with N as a real corpus's does (typos and names are words Voikko does
not know). Categories and theme come from the theme drawn. Fixed seed: the same file every time.
Not real reports.
"""
import json
import os
import random
import re
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
here = os.path.dirname(os.path.abspath(__file__))
random.seed(20261123)

by_theme = {}
cats_of = {}
with open(os.path.join(here, "..", "data", "sample_reports.jsonl"), encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        if r.get("language", "fi") != "fi":
            continue
        text = r["phenomenon"] + " " + r.get("proposal", "")
        sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 3]
        by_theme.setdefault(r["theme"], []).extend(sentences)
        cats_of.setdefault(r["theme"], set()).update(r.get("categories", []))
themes = sorted(by_theme)
syllables = "ka la ri vo hu nen tu sa mi ko pe la ja ri ne vi ta ho".split()


def typo(word):
    if len(word) < 5 or not word.isalpha():
        return word
    i = random.randrange(1, len(word) - 1)
    kind = random.random()
    if kind < 0.4:
        return word[:i] + word[i + 1:]
    if kind < 0.7:
        return word[:i] + word[i] + word[i:]
    return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]


def name():
    return "".join(random.choice(syllables) for _ in range(random.randint(2, 4))).capitalize() + random.choice(["lla", "ssa", "n", "sta", ""])


with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        main = random.choice(themes)
        picked = [main] if random.random() < 0.6 else [main, random.choice(themes)]
        sentences = [random.choice(by_theme[random.choice(picked)]) for _ in range(random.randint(4, 8))]
        words = " ".join(sentences).split(" ")
        words = [typo(w) if random.random() < 0.02 else w for w in words]
        if random.random() < 1 / 3:
            words.insert(random.randrange(len(words)), name())
        cats = sorted(set().union(*(cats_of[t] for t in picked)))[:3]
        f.write(json.dumps({
            "id": f"T{i:06d}",
            "phenomenon": " ".join(words),
            "proposal": "",
            "reported_at": f"{random.choice([2024, 2025])}-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}",
            "categories": cats,
            "theme": main,
            "language": "fi",
        }, ensure_ascii=False) + "\n")
