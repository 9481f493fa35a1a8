#!/usr/bin/env python3
"""Measures the trained encoder on the evaluation kit's dev split, for docs/QUALITY.md.

  encoder_quality.py EVAL_DIR [--seeds 1 2 3 4 5] [--work DIR] [--tfidf] [-- TRAIN-ARGS...]

EVAL_DIR is the evaluation kit (with reports/ and the scorers). For each seed: trains on
reports/dev_train.jsonl with `sosrap-train train` (TRAIN-ARGS added), writes kNN suggestions for
reports/dev_test.jsonl and k-means (k = 15) clusters of all of reports/dev.jsonl with
`sosrap-train evaluate`, and scores them with the kit's suggest_eval.py and cluster_eval.py.
--tfidf scores the lemma TF-IDF control in the same harness instead (no training; idf from
dev_train). Prints one line per run and the mean ± sample standard deviation. Needs the Release
build of src/Pipeline/Training. Standard library only.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TRAIN_DLL = os.path.join(ROOT, "artifacts", "bin", "SosRap.Training", "release_linux-x64", "sosrap-train.dll")
METRICS = ["P@1", "F1@3", "NDCG@5", "NMI", "ARI", "emergent F1"]


def run(cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def score(cmd):
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("eval_dir")
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    ap.add_argument("--work")
    ap.add_argument("--tfidf", action="store_true")
    a = ap.parse_args(argv)
    if not os.path.exists(TRAIN_DLL):
        sys.exit(f"encoder_quality.py: {TRAIN_DLL} is missing; run: dotnet build src/Pipeline/Training -c Release")
    r = os.path.join(a.eval_dir, "reports")
    tax, train, test, dev = (os.path.join(r, f) for f in ("taxonomy.json", "dev_train.jsonl", "dev_test.jsonl", "dev.jsonl"))
    work = a.work or tempfile.mkdtemp(prefix="encoder-quality-")
    os.makedirs(work, exist_ok=True)
    rows = []
    for seed in ([0] if a.tfidf else a.seeds):
        enc = os.path.join(work, f"encoder-seed{seed}")
        pred, clusters = os.path.join(work, f"suggest-seed{seed}.jsonl"), os.path.join(work, f"clusters-seed{seed}.jsonl")
        if a.tfidf:
            representation = ["--representation", "tfidf"]
        else:
            run(["dotnet", TRAIN_DLL, "train", "--input", train, "--taxonomy", tax, "--output", enc, "--seed", str(seed), *extra])
            representation = ["--encoder", enc]
        run(["dotnet", TRAIN_DLL, "evaluate", *representation, "--taxonomy", tax, "--train", train, "--test", test, "--suggestions", pred,
             "--cluster", dev, "--clusters", clusters, "--k", "15"])
        s = score(["python3", os.path.join(a.eval_dir, "suggest_eval.py"), test, pred, "--json"])
        c = score(["python3", os.path.join(a.eval_dir, "cluster_eval.py"), dev, clusters, "--emergent", "sosiaaliturvan_leikkaukset", "--json"])
        row = {"P@1": s["P@1"], "F1@3": s["F1@3"], "NDCG@5": s["NDCG@5"], "NMI": c["NMI"], "ARI": c["ARI"],
               "emergent F1": c["emergent_best_f1"]["sosiaaliturvan_leikkaukset"]}
        rows.append(row)
        print(("tfidf" if a.tfidf else f"seed {seed}") + "  " + "  ".join(f"{m} {row[m]:.3f}" for m in METRICS), flush=True)
    if len(rows) > 1:
        print("mean ± sd  " + "  ".join(f"{m} {statistics.mean(x[m] for x in rows):.3f} ± {statistics.stdev(x[m] for x in rows):.3f}" for m in METRICS))


if __name__ == "__main__":
    main()
