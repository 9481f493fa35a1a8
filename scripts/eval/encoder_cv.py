#!/usr/bin/env python3
"""Cross-validates encoder training settings on a labelled reports file (tuning without a test set).

  encoder_cv.py TRAIN.jsonl TAXONOMY.json [--folds 4] [--neighbours 10] [--keep DIR] [--tfidf] [-- TRAIN-ARGS...]

The reports are split into folds stratified by "theme" (or by first category when there is no
theme), deterministically (ordered by id, round robin per theme). For each fold the encoder is
trained on the other folds with `sosrap-train train TRAIN-ARGS` and the held-out fold gets kNN
category suggestions from `sosrap-train evaluate`. Prints the mean and per-fold P@1, F1@3 and
NDCG@5 (the definitions of suggest_eval.py) as one JSON line. Needs the Release build of
src/Pipeline/Training (`dotnet build src/Pipeline/Training -c Release`). Standard library only.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TRAIN_DLL = os.path.join(ROOT, "artifacts", "bin", "SosRap.Training", "release_linux-x64", "sosrap-train.dll")


def metrics(gold, pred, k=3):
    s = defaultdict(float)
    for rid, labels in gold.items():
        ranked = pred.get(rid, [])
        g = set(labels)
        tp = sum(1 for c in ranked[:k] if c in g)
        p, r = tp / k, tp / len(g)
        s["P@1"] += 1.0 if ranked[:1] and ranked[0] in g else 0.0
        s["F1@3"] += 0.0 if tp == 0 else 2 * p * r / (p + r)
        dcg = sum(1.0 / math.log2(i + 2) for i, c in enumerate(ranked[:5]) if c in g)
        s["NDCG@5"] += dcg / sum(1.0 / math.log2(i + 2) for i in range(min(5, len(g))))
    return {m: v / len(gold) for m, v in s.items()}


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train")
    ap.add_argument("taxonomy")
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--neighbours", type=int, default=10)
    ap.add_argument("--keep", help="keep fold files and encoders in this folder")
    ap.add_argument("--tfidf", action="store_true", help="score the lemma TF-IDF control instead of training encoders")
    ap.add_argument("--trainer", default=TRAIN_DLL, help="sosrap-train.dll to run (default: the Release build)")
    a = ap.parse_args(argv)
    if not os.path.exists(a.trainer):
        sys.exit(f"encoder_cv.py: {a.trainer} is missing; run: dotnet build src/Pipeline/Training -c Release")
    rows = [json.loads(l) for l in open(a.train, encoding="utf-8") if l.strip()]
    groups = defaultdict(list)
    for r in rows:
        groups[r.get("theme") or (r.get("categories") or ["-"])[0]].append(r)
    fold_of = {}
    n = 0
    for key in sorted(groups):
        for r in sorted(groups[key], key=lambda r: r["id"]):
            fold_of[r["id"]] = n % a.folds
            n += 1
    work = a.keep or tempfile.mkdtemp(prefix="encoder-cv-")
    os.makedirs(work, exist_ok=True)
    per_fold = []
    for f in range(a.folds):
        tr, va = os.path.join(work, f"fold{f}_train.jsonl"), os.path.join(work, f"fold{f}_val.jsonl")
        with open(tr, "w", encoding="utf-8") as t, open(va, "w", encoding="utf-8") as v:
            for r in rows:
                (v if fold_of[r["id"]] == f else t).write(json.dumps(r, ensure_ascii=False) + "\n")
        enc, pred = os.path.join(work, f"fold{f}_encoder"), os.path.join(work, f"fold{f}_pred.jsonl")
        if not a.tfidf:
            subprocess.run(["dotnet", a.trainer, "train", "--input", tr, "--taxonomy", a.taxonomy, "--output", enc, *extra],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        representation = ["--representation", "tfidf"] if a.tfidf else ["--encoder", enc]
        subprocess.run(["dotnet", a.trainer, "evaluate", *representation, "--taxonomy", a.taxonomy, "--train", tr, "--test", va,
                        "--suggestions", pred, "--neighbours", str(a.neighbours)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        gold = {r["id"]: r["categories"] for r in rows if fold_of[r["id"]] == f and r.get("categories")}
        pr = {}
        for line in open(pred, encoding="utf-8"):
            p = json.loads(line)
            pr[p["id"]] = [s["category"] for s in p["suggestions"]]
        per_fold.append(metrics(gold, pr))
    mean = {m: round(sum(x[m] for x in per_fold) / len(per_fold), 4) for m in per_fold[0]}
    print(json.dumps({"args": "tfidf" if a.tfidf else " ".join(extra), "mean": mean, "folds": [{m: round(v, 3) for m, v in x.items()} for x in per_fold]}))


if __name__ == "__main__":
    main()
