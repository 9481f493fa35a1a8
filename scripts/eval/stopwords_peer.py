#!/usr/bin/python3
"""Does a stopword list help? Runs the evaluation kit's TF-IDF peer (Voikko lemmas, TF-IDF,
LinearSVC for suggestions, KMeans for clusters) with three lists: none, data/stopwords-fi.txt,
and that list plus generic report words (asiakas, tilanne, työntekijä, …), and prints the scores.

  /usr/bin/python3 scripts/eval/stopwords_peer.py ../shared/eval data/stopwords-fi.txt

Needs python3-sklearn, python3-libvoikko and voikko-fi (scripts/setup.sh --eval).
"""
import json
import subprocess
import sys

import numpy as np
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import LinearSVC

EVAL, STOPWORDS = sys.argv[1], sys.argv[2]
sys.path.insert(0, f"{EVAL}/peers")
import tfidf_peer as peer  # noqa: E402

GENERIC = {"asiakas", "tilanne", "työntekijä", "asia", "osa", "aika", "kerta", "tieto", "palvelu",
           "tulla", "saada", "tehdä", "jäädä"}
SEEDS = 5


def words(path):
    with open(path, encoding="utf-8") as f:
        return {w for w in (line.split("#")[0].strip() for line in f) if w}


def scores(cmd):
    return json.loads(subprocess.check_output(["python3", *cmd, "--json"]))


def run(name, stop):
    analyse = lambda text: [w for w in peer.analyse(text) if w not in stop]  # noqa: E731
    train = peer.read(f"{EVAL}/reports/dev_train.jsonl")
    test = peer.read(f"{EVAL}/reports/dev_test.jsonl")
    dev = peer.read(f"{EVAL}/reports/dev.jsonl")

    vec = TfidfVectorizer(analyzer=analyse, sublinear_tf=True)
    x = vec.fit_transform(peer.text_of(r) for r in train)
    mlb = MultiLabelBinarizer()
    clf = OneVsRestClassifier(LinearSVC(C=1.0)).fit(x, mlb.fit_transform(r["categories"] for r in train))
    decision = clf.decision_function(vec.transform(peer.text_of(r) for r in test))
    with open("/tmp/stopwords_peer_suggest.jsonl", "w", encoding="utf-8") as f:
        for r, s in zip(test, decision):
            top = np.argsort(-s)[:5]
            f.write(json.dumps({"id": r["id"], "suggestions": [
                {"category": mlb.classes_[j], "score": float(s[j])} for j in top]}) + "\n")
    m = scores([f"{EVAL}/suggest_eval.py", f"{EVAL}/reports/dev_test.jsonl", "/tmp/stopwords_peer_suggest.jsonl"])

    xc = TfidfVectorizer(analyzer=analyse, sublinear_tf=True).fit_transform(peer.text_of(r) for r in dev)
    nmi, ari = [], []
    for seed in range(SEEDS):
        labels = KMeans(n_clusters=15, n_init=10, random_state=seed).fit_predict(xc)
        with open("/tmp/stopwords_peer_cluster.jsonl", "w", encoding="utf-8") as f:
            for r, c in zip(dev, labels):
                f.write(json.dumps({"id": r["id"], "cluster": str(int(c))}) + "\n")
        c = scores([f"{EVAL}/cluster_eval.py", f"{EVAL}/reports/dev.jsonl", "/tmp/stopwords_peer_cluster.jsonl"])
        nmi.append(c["NMI"])
        ari.append(c["ARI"])
    print(f"{name:18s} words={len(stop):3d}  P@1={m['P@1']:.3f} F1@3={m['F1@3']:.3f} NDCG@5={m['NDCG@5']:.3f}"
          f"  cluster k=15 mean of {SEEDS} seeds: NMI={np.mean(nmi):.3f} ARI={np.mean(ari):.3f}")


base = words(STOPWORDS)
run("none", set())
run("stopwords-fi", base)
run("stopwords+generic", base | GENERIC)
