#!/usr/bin/env python3
"""Measures `sosrap redact` on a labelled JSONL file (field `contains_pii`): how many redactions,
per kind, in the reports marked as holding personal data, and how many in the others (false
positives). Each report (phenomenon + blank line + proposal) goes through the real CLI, one
process per report. Prints counts only; --show also prints, for each redaction, its kind and the
original span, for checking by hand which findings are true.

  python3 scripts/eval/pii_eval.py ../shared/eval/reports/dev.jsonl [--show]
"""
import argparse
import json
import subprocess
import sys
from collections import Counter

KINDS = ["HETU", "IBAN", "SÄHKÖPOSTI", "PUHELIN", "OSOITE", "NIMI"]


def redact(sosrap, text):
    p = subprocess.run([sosrap, "redact", "--report"], input=text, capture_output=True, text=True, check=True)
    counts = Counter()
    for line in p.stderr.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in KINDS:
            counts[parts[0]] = int(parts[1])
    return p.stdout, counts


def spans(original, redacted):
    """The original spans behind each placeholder, by aligning the text around them."""
    out, i, j = [], 0, 0
    while j < len(redacted):
        if redacted[j] == "[" and any(redacted.startswith(f"[{k}]", j) for k in KINDS):
            kind = next(k for k in KINDS if redacted.startswith(f"[{k}]", j))
            j += len(kind) + 2
            nxt = redacted[j:j + 12].split("[")[0]
            end = original.find(nxt, i) if nxt else len(original)
            out.append((kind, original[i:end]))
            i = end
        else:
            i, j = i + 1, j + 1
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("reports")
    ap.add_argument("--sosrap", default="./sosrap")
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    totals = {True: Counter(), False: Counter()}
    reports = {True: 0, False: 0}
    flagged = {True: 0, False: 0}
    with open(a.reports, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    for r in rows:
        pii = bool(r.get("contains_pii"))
        text = r.get("phenomenon", "") + "\n\n" + r.get("proposal", "")
        redacted, counts = redact(a.sosrap, text)
        reports[pii] += 1
        totals[pii].update(counts)
        if sum(counts.values()):
            flagged[pii] += 1
            if a.show:
                print(r["id"], "pii" if pii else "NO-PII", spans(text, redacted))
    for pii in (True, False):
        label = "with PII" if pii else "without PII"
        per_kind = ", ".join(f"{k} {totals[pii][k]}" for k in KINDS)
        print(f"reports {label}: {reports[pii]}, with a redaction: {flagged[pii]}, "
              f"redactions: {sum(totals[pii].values())} ({per_kind})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
