#!/usr/bin/env python3
"""Chooses representation settings without the test file: runs `sosrap compare-representations`
with k-fold cross-validation on one labelled file for several seeds (fold splits, k-means seeds)
and prints the mean (and spread) of CV F1@3, CV NDCG@5 and the k-means NMI/ARI per representation.

    python3 scripts/eval/representation_cv.py TRAIN.jsonl 'tfidf,tfidf(parts=none)' \
        [--seeds 5] [--folds 10] [--neighbors 10] [--cluster] [--out /tmp/repcv]

--cluster also clusters TRAIN itself (k = its number of themes) with each representation.
Needs the Release build (./sosrap builds it). Standard library only.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train")
    ap.add_argument("representations")
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--neighbors", type=int, default=None)
    ap.add_argument("--cluster", action="store_true")
    ap.add_argument("--out", default="/tmp/repcv")
    a = ap.parse_args()
    rows = {}
    order = []
    for seed in range(1, a.seeds + 1):
        out = os.path.join(a.out, f"seed{seed}")
        cmd = [os.path.join(ROOT, "sosrap"), "compare-representations", "--train", a.train, "--folds", str(a.folds),
               "--representations", a.representations, "--out", out, "--seed", str(seed)]
        if a.neighbors:
            cmd += ["--neighbors", str(a.neighbors)]
        if a.cluster:
            cmd += ["--cluster-input", a.train]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(os.path.join(out, "summary.json"), encoding="utf-8") as f:
            summary = json.load(f)
        for r in summary["representations"]:
            if r["spec"] not in rows:
                rows[r["spec"]] = {"f1": [], "ndcg": [], "nmi": [], "ari": [], "dim": r["dimension"]}
                order.append(r["spec"])
            row = rows[r["spec"]]
            row["f1"].append(r["cross_validation"]["f1_at_k"])
            row["ndcg"].append(r["cross_validation"]["ndcg_at5"])
            if "clustering" in r:
                row["nmi"].append(r["clustering"]["nmi"])
                row["ari"].append(r["clustering"]["ari"])

    def cell(xs):
        if not xs:
            return "–"
        sd = statistics.stdev(xs) if len(xs) > 1 else 0.0
        return f"{statistics.mean(xs):.3f} ± {sd:.3f}"

    print(f"| representation | dim | CV F1@3 | CV NDCG@5 | NMI | ARI |  ({a.seeds} seeds × {a.folds} folds, {os.path.basename(a.train)})")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for spec in order:
        r = rows[spec]
        print(f"| `{spec}` | {r['dim']} | {cell(r['f1'])} | {cell(r['ndcg'])} | {cell(r['nmi'])} | {cell(r['ari'])} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
