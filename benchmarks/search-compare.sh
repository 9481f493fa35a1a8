#!/usr/bin/env bash
# Puts SosRap's similarity search beside FAISS, hnswlib and the machine's memory bandwidth in
# one run, then times the exact k-NN graph of FAISS and prints the ratios of docs/BENCHMARKS.md.
#
#   benchmarks/search-compare.sh <bench-kit-dir> [N] [d] [outdir]     defaults: 100000 384 /tmp/vecbench/results
#
# <bench-kit-dir> is the vector-search measuring kit (run_all.sh, peer_search.py, membw.c, ...).
# Environment: SKIP is passed to run_all.sh (e.g. SKIP=hnsw_native,python for a 2-minute run
# with membw, the C scan kernel, native FAISS and SosRap only); NO_KNN=1 skips the k-NN graphs.
# Needs the peers' Debian packages: scripts/setup.sh --bench (as root).
# Run it on an otherwise idle machine: every record carries load1; compare within one run.
set -euo pipefail
kit="$(cd "${1:?usage: $0 <bench-kit-dir> [N] [d] [outdir]}" && pwd)"
N="${2:-100000}"; D="${3:-384}"; OUT="${4:-/tmp/vecbench/results}"
root="$(cd "$(dirname "$0")/.." && pwd)"

dotnet build "$root/benchmarks/SosRap.Benchmarks" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dll="$root/artifacts/bin/SosRap.Benchmarks/release/SosRap.Benchmarks.dll"
extra=()
[[ -n "${NO_KNN:-}" ]] && extra=(--no-knn)

CSHARP_CMD="dotnet $dll search ${extra[*]}" "$kit/run_all.sh" "$N" "$D" "$OUT"
res="$OUT/all.jsonl"
if [[ -z "${NO_KNN:-}" ]]; then
  echo "{\"bench\":\"knn_graph_load\",\"load1\":\"$(cut -d' ' -f1 /proc/loadavg)\"}" | tee -a "$res"
  (cd "$OUT" && /usr/bin/python3 "$kit/peer_search.py" --n "$N" --d "$D" --knn-graph \
      --skip faiss_flat,faiss_sq8,numpy_flat,hnswlib,faiss_hnsw) | grep knn_graph | tee -a "$res"
fi

/usr/bin/python3 - "$res" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1]) if l.strip().startswith("{")]
def one(bench, **kw):
    for r in recs:
        if r.get("bench") == bench and all(r.get(k) == v for k, v in kw.items()):
            return r
    return None
def f(x, unit=""):
    if x is None:
        return "n/a"
    return (f"{x:.0f}" if abs(x) >= 100 else f"{x:.2f}" if abs(x) >= 1 else f"{x:.4f}") + unit
def ratio(a, b):
    return None if a is None or b is None else a / b
g = lambda r, k: None if r is None else r.get(k)
scan1 = one("scan", dtype="float32", threads=1); scan8 = one("scan", dtype="int8", threads=1)
read1 = one("membw", kernel="read", threads=1); read2 = one("membw", kernel="read", threads=2)
f1 = one("csharp_flat", threads=1); f2 = one("csharp_flat", threads=2)
i1 = one("csharp_int8", threads=1); i2 = one("csharp_int8", threads=2)
fa1 = one("faiss_native_flat", threads=1) or one("faiss_flat", threads=1)
fa2 = one("faiss_native_flat", threads=2) or one("faiss_flat", threads=2)
fpy1 = one("faiss_flat", threads=1)
knn = one("knn_graph_exact_faiss_flat")
N, d = g(f1, "N") or 0, g(f1, "d") or 0
bytes32 = N * d * 4
print()
print(f"load1 at start: {g(one('run_all'), 'load1')}; C# records: {g(f1, 'load1')}/{g(f2, 'load1')}/{g(i1, 'load1')}")
print(f"physical bound, 1 thread: {f(bytes32 / (g(read1, 'best_gbs') or 1) / 1e3, ' us')} float32, "
      f"{f(bytes32 / 4 / (g(read1, 'best_gbs') or 1) / 1e3, ' us')} int8 (bytes / 1 GiB read best)")
rows = [
    ("float32 single p50, 1 thread (us)", g(f1, "single_p50_us"), "vs C scan best", ratio(g(f1, "single_p50_us"), (g(scan1, "best_ms") or 0) * 1e3), "target <= 1.15"),
    ("FAISS flat single p50 / ours, 1 thread", ratio(g(fa1, "single_p50_us"), g(f1, "single_p50_us")), "", None, "target >= 3"),
    ("float32 single p50, 2 threads (us)", g(f2, "single_p50_us"), "vs own 1 thread", ratio(g(f2, "single_p50_us"), g(f1, "single_p50_us")), "target <= 0.6"),
    ("int8+rerank single p50, 1 thread (us)", g(i1, "single_p50_us"), "float32 / int8", ratio(g(f1, "single_p50_us"), g(i1, "single_p50_us")), "target >= 3"),
    ("int8 recall@10", g(i1, "recall_at_k"), "", None, "target >= 0.99"),
    ("int8+rerank single p50, 1 thread (us)", g(i1, "single_p50_us"), "vs C int8 scan best", ratio(g(i1, "single_p50_us"), (g(scan8, "best_ms") or 0) * 1e3), ""),
    ("int8+rerank single p50, 2 threads (us)", g(i2, "single_p50_us"), "vs own 1 thread", ratio(g(i2, "single_p50_us"), g(i1, "single_p50_us")), ""),
    ("batch us/query, 1 thread", g(f1, "batch_us_per_query"), "ours / FAISS", ratio(g(f1, "batch_us_per_query"), g(fa1, "batch_us_per_query")), "target <= 1.3"),
    ("batch us/query, 2 threads", g(f2, "batch_us_per_query"), "ours / FAISS", ratio(g(f2, "batch_us_per_query"), g(fa2, "batch_us_per_query")), ""),
    ("k-NN graph s, 2 threads", g(f2, "knn_graph_s"), "ours / FAISS", ratio(g(f2, "knn_graph_s"), g(knn, "seconds")), "target <= 1"),
]
for name, v, what, r, target in rows:
    print(f"{name:44s} {f(v):>10s}   {what:20s} {f(r):>8s}   {target}")
PY
