#!/usr/bin/env bash
# Runs every test suite of SosRap: installs what the tests need (Voikko, PostgreSQL,
# Chromium), builds the solution in Release and runs all test projects. The last line
# is the summary "N passed, N failed[, N skipped]".
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
cd "$root"

scripts/setup.sh --test || exit $?
dotnet build SosRap.sln -c Release -nologo -v quiet -clp:"ErrorsOnly;NoSummary" || { echo "0 passed, 1 failed"; exit 1; }

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dotnet test SosRap.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, …" line per assembly.
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    line=$0; gsub(/,/, "", line); n=split(line, w, /[ \t]+/)
    for (i = 1; i < n; i++) {
      if (w[i] == "Failed:")  f += w[i+1]
      if (w[i] == "Passed:")  p += w[i+1]
      if (w[i] == "Skipped:") s += w[i+1]
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
