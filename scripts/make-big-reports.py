#!/usr/bin/env python3
"""Writes N synthetic reports as JSONL (default 100,000) for I/O measurements.

    python3 scripts/make-big-reports.py /tmp/big100k.jsonl [N]

Random Finnish words, fixed seed: the same file every time. Not real reports.
"""
import json
import random
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
random.seed(1)
words = ("asiakas vuokra vakuus kela päätös viipyy bussi vuoro lakkautettiin perhe lapsi koulu velka "
         "ulosotto palvelu jono odotus mielenterveys päihde kotihoito omaishoito yksinäisyys digituki pankkitunnus").split()
municipalities = "Hyrynsalmi Kajaani Kuhmo Paltamo Puolanka Ristijärvi Sotkamo Suomussalmi".split()
categories = "asuminen toimeentulo velat digi terveys liikkuminen".split()
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        f.write(json.dumps({
            "id": f"B{i:06d}",
            "phenomenon": " ".join(random.choice(words) for _ in range(90)).capitalize() + ".",
            "proposal": " ".join(random.choice(words) for _ in range(20)) + ".",
            "municipality": random.choice(municipalities),
            "service_area": "Sosiaalityö",
            "reported_at": f"{random.choice([2023, 2024])}-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}",
            "categories": random.sample(categories, random.randint(0, 2)),
            "kind": "epakohta",
            "affected_clients": random.randint(1, 50),
            "language": "fi",
            "contains_pii": False,
        }, ensure_ascii=False) + "\n")
