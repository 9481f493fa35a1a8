#!/usr/bin/env bash
# Installs the Debian packages SosRap needs, only those that are missing.
#
#   scripts/setup.sh            runtime: Voikko (libvoikko1, voikko-fi)
#   scripts/setup.sh --test     also what the tests need: PostgreSQL server, Chromium + fonts
#   scripts/setup.sh --eval     also what the evaluation peers need (python3-sklearn, python3-libvoikko)
#   scripts/setup.sh --bench    also the search-benchmark peers (FAISS, hnswlib, OpenBLAS, gcc/g++)
#   --quiet                     print nothing when everything is already there
#
# Needs root (or password-less sudo) only when something is missing; otherwise it says
# exactly what to run. Safe to call on every start: it only asks dpkg what is installed.
set -euo pipefail

quiet=0
pkgs=(libvoikko1 voikko-fi)
for arg in "$@"; do
  case "$arg" in
    --test) pkgs+=(postgresql chromium fonts-liberation) ;;
    --eval) pkgs+=(python3-sklearn python3-numpy python3-libvoikko) ;;
    --bench) pkgs+=(python3-faiss python3-hnswlib python3-numpy libopenblas0-openmp libfaiss-dev libhnswlib-dev gcc g++) ;;
    --quiet) quiet=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown option '$arg' (see --help)" >&2; exit 2 ;;
  esac
done

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup.sh: the .NET 10 SDK is not on PATH. Install it first: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 3
fi

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  [ "$quiet" -eq 1 ] || echo "setup.sh: all system packages present (${pkgs[*]})" >&2
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo_cmd=(sudo)
  else
    echo "setup.sh: SosRap needs these Debian packages: ${missing[*]}" >&2
    echo "setup.sh: run as root:  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 3
  fi
fi

echo "setup.sh: installing ${missing[*]} …" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q >&2
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
echo "setup.sh: done" >&2
