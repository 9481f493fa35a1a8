#!/usr/bin/env python3
"""Check SosRap's own sample data in data/ and print what it contains.

Usage:
    python3 scripts/check_sample_data.py [--data DIR] [--quiet]
    python3 scripts/check_sample_data.py --self-test

Reads, from DIR (default: the data/ folder next to this script's folder):
    support_needs.json    the Social Welfare Act (1301/2014) 11 § support needs
    taxonomy.json         the 14 categories, each mapped to one support need
    sample_reports.jsonl  the sample phenomenon reports, one JSON object per line

Checks (an error makes the exit status 1; each error names file, line and field):
  * every file parses; ids are unique; required fields are present and typed;
  * taxonomy: 8-15 distinct key terms per category, support_need names a known support need;
  * reports: id like S-0001, ISO date inside the sample period, a Kainuu municipality,
    known category ids, kind/language values, a snake_case theme (a category id that is
    also among the report's categories, or an uncategorised theme id);
  * personal data: reports flagged contains_pii must contain at least one detectable
    fictional identifier, and every identity code must pass the mod-31 checksum and use
    the test range 900-999 of the individual number; e-mail addresses must use a reserved
    example domain; reports not flagged must contain nothing that looks like personal data;
  * corpus requirements: at least 180 reports, all 8 municipalities, every category with
    at least 8 reports, no duplicate phenomenon texts.

Then prints counts per municipality, service area, category, theme, month, half-year,
kind, language, responsible party, labels per report, text lengths (sentences are counted
approximately: a split after . ! ? followed by a capital letter or a digit), the monthly
profile of each uncategorised theme, and the most repeated report openings (a hint for
template-like text, not an error).

Standard library only. Exit status: 0 clean, 1 errors found, 2 a file is missing.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import re
import sys
from pathlib import Path

MUNICIPALITIES = (
    "Hyrynsalmi", "Kajaani", "Kuhmo", "Paltamo",
    "Puolanka", "Ristijärvi", "Sotkamo", "Suomussalmi",
)
KINDS = ("epakohta", "hyva_kaytanto")
LANGUAGES = ("fi", "sv")
PERIOD_START = dt.date(2024, 1, 1)
PERIOD_END = dt.date(2025, 12, 31)
MIN_REPORTS = 180
MIN_PER_CATEGORY = 8

ID_RE = re.compile(r"^S-\d{4}$")
SNAKE_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")

# Finnish personal identity code: DDMMYY, century sign, individual number, check mark.
# Century signs since 2023: + (1800s), - U V W X Y (1900s), A B C D E F (2000s).
HETU_RE = re.compile(r"\b(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])\b")
HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
CENTURY = {"+": 1800, "-": 1900, "U": 1900, "V": 1900, "W": 1900, "X": 1900, "Y": 1900,
           "A": 2000, "B": 2000, "C": 2000, "D": 2000, "E": 2000, "F": 2000}
EMAIL_RE = re.compile(r"\b[\w.+-]+@([\w-]+(?:\.[\w-]+)+)\b")
RESERVED_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")
# Finnish mobile and landline numbers as people write them: 040 123 4567, 044-1234567,
# +358 40 123 4567, (08) 123 4567.
PHONE_RE = re.compile(
    r"(?<![\d,.])(?:\+358[ -]?\d{1,2}|\(?0\d{1,2}\)?)[ -]?\d{3}[ -]?\d{3,4}(?!\d|[,.]\d)")
STREET_RE = re.compile(
    r"\b[A-ZÅÄÖ][a-zåäö]+(?:katu|tie|kuja|polku|raitti|väylä|rinne|gatan|vägen) \d+\b")
# "asiakas Matti V." or "Matti Virtanen": a common first name followed by a capitalised
# word or an initial. The list is short on purpose; it is a safety net, not a detector.
FIRST_NAMES = (
    "Aino", "Anna", "Anneli", "Antti", "Eero", "Eila", "Elina", "Emma", "Erkki", "Esa",
    "Hanna", "Heikki", "Helena", "Irma", "Jari", "Johanna", "Juha", "Jukka", "Kaarina",
    "Kalevi", "Kari", "Kirsi", "Laura", "Leena", "Liisa", "Maija", "Marja", "Markku",
    "Matti", "Mikko", "Minna", "Niina", "Oskari", "Paavo", "Pekka", "Pentti", "Petri",
    "Pirjo", "Raili", "Reijo", "Riitta", "Sanna", "Sari", "Seppo", "Tapio", "Tarja",
    "Teemu", "Timo", "Tuula", "Tuomas", "Veikko", "Ville", "Erik", "Karin", "Johan",
    "Ingrid", "Lars", "Maria", "Olga", "Ahmed", "Fatima", "Oleksandr",
)
NAME_RE = re.compile(
    r"\b(?:" + "|".join(FIRST_NAMES) + r")\s+[A-ZÅÄÖ](?:[a-zåäö]+|\.)")
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"'(])")


class Problems:
    """Collects errors and warnings with their location."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(f"{where}: {message}")


def load_json(path: Path, problems: Problems):
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except json.JSONDecodeError as e:
        problems.error(f"{path.name}:{e.lineno}", f"invalid JSON: {e.msg}")
        return None


def nonempty_str(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def check_support_needs(data, problems: Problems) -> set[str]:
    ids: set[str] = set()
    if not isinstance(data, list) or not data:
        problems.error("support_needs.json", "must be a non-empty JSON array")
        return ids
    items_seen: set[int] = set()
    for i, need in enumerate(data, 1):
        where = f"support_needs.json[{i}]"
        if not isinstance(need, dict):
            problems.error(where, "must be an object")
            continue
        nid = need.get("id")
        if not isinstance(nid, str) or not SNAKE_RE.match(nid):
            problems.error(where, f"id {nid!r} is not a snake_case id")
            continue
        if nid in ids:
            problems.error(where, f"id {nid!r} occurs twice")
        ids.add(nid)
        for field in ("name", "description"):
            if not nonempty_str(need.get(field)):
                problems.error(where, f"field '{field}' is missing or empty")
        item = need.get("law_item")
        if not isinstance(item, int) or isinstance(item, bool) or not 1 <= item <= 10:
            problems.error(where, f"law_item {item!r} is not an item number 1-10 of 11 § 1 mom.")
        else:
            items_seen.add(item)
    missing = sorted(set(range(1, 11)) - items_seen)
    if missing:
        problems.error("support_needs.json", f"no entry for 11 § items {missing}")
    return ids


def check_taxonomy(data, need_ids: set[str], problems: Problems) -> dict[str, dict]:
    categories: dict[str, dict] = {}
    if not isinstance(data, list) or not data:
        problems.error("taxonomy.json", "must be a non-empty JSON array")
        return categories
    for i, cat in enumerate(data, 1):
        where = f"taxonomy.json[{i}]"
        if not isinstance(cat, dict):
            problems.error(where, "must be an object")
            continue
        cid = cat.get("id")
        if not isinstance(cid, str) or not SNAKE_RE.match(cid):
            problems.error(where, f"id {cid!r} is not a snake_case id")
            continue
        if cid in categories:
            problems.error(where, f"id {cid!r} occurs twice")
        categories[cid] = cat
        for field in ("name", "description"):
            if not nonempty_str(cat.get(field)):
                problems.error(where, f"field '{field}' is missing or empty")
        terms = cat.get("terms")
        if not isinstance(terms, list) or not all(nonempty_str(t) for t in terms):
            problems.error(where, "terms must be a list of non-empty strings")
        else:
            if not 8 <= len(terms) <= 15:
                problems.error(where, f"has {len(terms)} terms, expected 8-15")
            if len(set(t.lower() for t in terms)) != len(terms):
                problems.error(where, "terms contain duplicates")
        need = cat.get("support_need")
        if need not in need_ids:
            problems.error(where, f"support_need {need!r} is not in support_needs.json")
    return categories


def hetu_problem(match: re.Match) -> str | None:
    """Returns why an identity code is not an acceptable fictional one, or None."""
    dd, mm, yy, sign, individual, mark = match.groups()
    try:
        dt.date(CENTURY[sign] + int(yy), int(mm), int(dd))
    except ValueError:
        return f"identity code {match.group(0)} has an impossible date"
    expected = HETU_CHECK[int(dd + mm + yy + individual) % 31]
    if mark != expected:
        return f"identity code {match.group(0)} fails the checksum (expected {expected})"
    if not 900 <= int(individual) <= 999:
        return f"identity code {match.group(0)} is outside the test range 900-999"
    return None


def find_personal_data(text: str) -> list[str]:
    """Kinds of personal data found in text, e.g. ['hetu', 'phone']."""
    found = []
    if HETU_RE.search(text):
        found.append("hetu")
    if EMAIL_RE.search(text):
        found.append("email")
    if PHONE_RE.search(text):
        found.append("phone")
    if STREET_RE.search(text):
        found.append("address")
    if NAME_RE.search(text):
        found.append("name")
    return found


def sentences(text: str) -> list[str]:
    text = text.strip()
    return [s for s in SENTENCE_SPLIT_RE.split(text) if s.strip()] if text else []


def check_reports(path: Path, categories: dict[str, dict], problems: Problems) -> list[dict]:
    reports: list[dict] = []
    seen_ids: dict[str, int] = {}
    seen_texts: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            where = f"{path.name}:{lineno}"
            if not line.strip():
                problems.error(where, "empty line")
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                problems.error(where, f"invalid JSON at column {e.colno}: {e.msg}")
                continue
            if not isinstance(r, dict):
                problems.error(where, "line is not a JSON object")
                continue
            rid = r.get("id")
            if not isinstance(rid, str) or not ID_RE.match(rid):
                problems.error(where, f"id {rid!r} is not like S-0001")
            elif rid in seen_ids:
                problems.error(where, f"id {rid} already used on line {seen_ids[rid]}")
            else:
                seen_ids[rid] = lineno
            where = f"{where} ({rid})"

            date = None
            try:
                date = dt.date.fromisoformat(r.get("reported_at", ""))
                if len(r["reported_at"]) != 10:
                    raise ValueError
            except (TypeError, ValueError):
                problems.error(where, f"reported_at {r.get('reported_at')!r} is not YYYY-MM-DD")
                date = None
            if date and not PERIOD_START <= date <= PERIOD_END:
                problems.error(where, f"reported_at {date} is outside {PERIOD_START}..{PERIOD_END}")
            r["_date"] = date

            if r.get("municipality") not in MUNICIPALITIES:
                problems.error(where, f"municipality {r.get('municipality')!r} is not a Kainuu municipality")
            for field in ("service_area", "phenomenon", "responsible"):
                if not nonempty_str(r.get(field)):
                    problems.error(where, f"field '{field}' is missing or empty")
            if not isinstance(r.get("proposal"), str):
                problems.error(where, "field 'proposal' must be a string (may be empty)")

            cats = r.get("categories")
            if not isinstance(cats, list) or not all(isinstance(c, str) for c in cats):
                problems.error(where, "categories must be a list of ids")
                cats = []
            for c in cats:
                if c not in categories:
                    problems.error(where, f"unknown category {c!r}")
            if len(set(cats)) != len(cats):
                problems.error(where, "categories repeat an id")
            r["categories"] = cats

            if r.get("kind") not in KINDS:
                problems.error(where, f"kind {r.get('kind')!r} is not one of {KINDS}")
            if r.get("language") not in LANGUAGES:
                problems.error(where, f"language {r.get('language')!r} is not one of {LANGUAGES}")
            ac = r.get("affected_clients")
            if ac is not None and (not isinstance(ac, int) or isinstance(ac, bool) or ac < 1):
                problems.error(where, f"affected_clients {ac!r} is not a positive integer")

            theme = r.get("theme")
            if not isinstance(theme, str) or not SNAKE_RE.match(theme):
                problems.error(where, f"theme {theme!r} is not a snake_case id")
            elif theme in categories and theme not in cats:
                problems.error(where, f"theme {theme!r} is a category but not among the report's categories")

            pii = r.get("contains_pii")
            if not isinstance(pii, bool):
                problems.error(where, "contains_pii must be true or false")
            text = f"{r.get('phenomenon', '')}\n{r.get('proposal', '')}"
            for m in HETU_RE.finditer(text):
                why = hetu_problem(m)
                if why:
                    problems.error(where, why)
            for m in EMAIL_RE.finditer(text):
                if m.group(1).lower() not in RESERVED_EMAIL_DOMAINS:
                    problems.error(where, f"e-mail domain {m.group(1)} is not a reserved example domain")
            found = find_personal_data(text)
            if pii is True and not found:
                problems.error(where, "contains_pii is true but no personal data was detected")
            if pii is False and found:
                problems.error(where, f"contains_pii is false but text looks like personal data: {found}")
            r["_pii_found"] = found

            phen = r.get("phenomenon")
            if isinstance(phen, str) and phen.strip():
                key = " ".join(phen.lower().split())
                if key in seen_texts:
                    problems.error(where, f"phenomenon duplicates {seen_texts[key]}")
                else:
                    seen_texts[key] = str(rid)
            reports.append(r)
    return reports


def check_requirements(reports: list[dict], categories: dict[str, dict], problems: Problems) -> None:
    if len(reports) < MIN_REPORTS:
        problems.error("sample_reports.jsonl", f"{len(reports)} reports, expected at least {MIN_REPORTS}")
    munis = {r.get("municipality") for r in reports}
    for m in MUNICIPALITIES:
        if m not in munis:
            problems.error("sample_reports.jsonl", f"no report from {m}")
    per_cat = collections.Counter(c for r in reports for c in r["categories"])
    for cid in categories:
        if per_cat[cid] < MIN_PER_CATEGORY:
            problems.error("sample_reports.jsonl",
                           f"category {cid} has {per_cat[cid]} reports, expected at least {MIN_PER_CATEGORY}")


def show(title: str, counter: collections.Counter, total: int, order=None) -> None:
    print(f"\n{title}")
    keys = order if order is not None else [k for k, _ in counter.most_common()]
    for k in keys:
        n = counter.get(k, 0)
        share = 100.0 * n / total if total else 0.0
        print(f"  {str(k):<40} {n:>4}  {share:5.1f} %")


def histogram(values: list[int]) -> str:
    c = collections.Counter(values)
    return "  ".join(f"{k}:{c[k]}" for k in sorted(c))


def quantiles(values: list[int]) -> str:
    if not values:
        return "-"
    v = sorted(values)
    pick = lambda q: v[min(len(v) - 1, int(q * (len(v) - 1) + 0.5))]  # noqa: E731
    return f"min {v[0]}, p25 {pick(.25)}, median {pick(.5)}, p75 {pick(.75)}, max {v[-1]}"


def print_statistics(reports: list[dict], categories: dict[str, dict]) -> None:
    n = len(reports)
    print(f"reports: {n}")
    show("Per municipality", collections.Counter(r.get("municipality") for r in reports), n)
    show("Per service area", collections.Counter(r.get("service_area") for r in reports), n)
    per_cat = collections.Counter(c for r in reports for c in r["categories"])
    show("Per category (reports carrying the label)", per_cat, n, order=list(categories))
    show("Per theme (gold primary theme)", collections.Counter(r.get("theme") for r in reports), n)
    show("Per kind", collections.Counter(r.get("kind") for r in reports), n)
    show("Per language", collections.Counter(r.get("language") for r in reports), n)
    show("Per responsible party", collections.Counter(r.get("responsible") for r in reports), n)
    show("contains_pii", collections.Counter(r.get("contains_pii") for r in reports), n)
    pii_kinds = collections.Counter(k for r in reports if r.get("contains_pii") for k in r["_pii_found"])
    print("  personal data kinds in flagged reports:", dict(pii_kinds))

    dated = [r for r in reports if r["_date"]]
    months = collections.Counter(r["_date"].strftime("%Y-%m") for r in dated)
    show("Per month", months, n, order=sorted(months))
    halves = collections.Counter(f"{r['_date'].year}/H{1 if r['_date'].month <= 6 else 2}" for r in dated)
    show("Per half-year", halves, n, order=sorted(halves))

    print("\nLabels per report:", histogram([len(r["categories"]) for r in reports]))
    phen_sent = [len(sentences(r.get("phenomenon", ""))) for r in reports]
    prop_sent = [len(sentences(r.get("proposal", ""))) for r in reports]
    print("Phenomenon sentences (approx.):", histogram(phen_sent))
    print("Proposal sentences (approx., 0 = none):", histogram(prop_sent))
    print("Phenomenon length in characters:", quantiles([len(r.get("phenomenon", "")) for r in reports]))
    print("Reports with affected_clients:", sum(1 for r in reports if "affected_clients" in r))

    uncategorised = sorted({r.get("theme") for r in reports} - set(categories) - {None})
    for theme in uncategorised:
        rows = [r for r in dated if r.get("theme") == theme]
        prof = collections.Counter(r["_date"].strftime("%Y-%m") for r in rows)
        cats = collections.Counter(c for r in rows for c in r["categories"])
        print(f"\nUncategorised theme '{theme}': {len(rows)} reports,"
              f" first {min(r['_date'] for r in rows)}, last {max(r['_date'] for r in rows)}")
        print("  per month:", "  ".join(f"{m}:{prof[m]}" for m in sorted(prof)))
        print("  categories carried:", dict(cats.most_common()),
              f"none: {sum(1 for r in rows if not r['categories'])}")

    openings = collections.Counter(
        " ".join(re.findall(r"\w+", r.get("phenomenon", "").lower())[:2]) for r in reports)
    print("\nMost repeated two-word openings of the phenomenon (template hint):")
    for k, c in openings.most_common(8):
        print(f"  {c:>3}  {k}")


def self_test() -> int:
    """Checks the detectors on fixed examples; returns the number of failures."""
    failures = 0

    def expect(label: str, actual, wanted) -> None:
        nonlocal failures
        if actual != wanted:
            failures += 1
            print(f"self-test FAILED: {label}: got {actual!r}, expected {wanted!r}", file=sys.stderr)

    def hetu(code: str) -> str | None:
        m = HETU_RE.search(code)
        return "no match" if m is None else hetu_problem(m)

    # 131052-308T is the example code published by the Finnish population register:
    # its checksum is right, but 308 is a real-range individual number.
    expect("published example", hetu("131052-308T"), "identity code 131052-308T is outside the test range 900-999")
    expect("wrong check mark", hetu("131052-308U"), "identity code 131052-308U fails the checksum (expected T)")
    expect("impossible date", hetu("310252-9301"), "identity code 310252-9301 has an impossible date")
    expect("2000s sign", hetu("230612A904X"), None)
    expect("new 1900s sign", hetu("120358Y9315"), None)
    expect("phone", find_personal_data("soita 040 123 4567, kiitos"), ["phone"])
    expect("sum is not a phone", find_personal_data("vuokra 1 100 euroa ja 0,50 €"), [])
    expect("e-mail", find_personal_data("osoite x.y@example.com"), ["email"])
    expect("address", find_personal_data("asuu Myllytie 7:ssä"), ["address"])
    expect("initial", find_personal_data("asiakas Matti V. kävi"), ["name"])
    expect("plain text", find_personal_data("Kelan käsittely kestää 14 päivää."), [])
    expect("sentences", len(sentences("Yksi. Kaksi esim. tässä. 3 asiakasta.")), 3)
    print("self-test: " + ("ok" if failures == 0 else f"{failures} failed"))
    return failures


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent.parent / "data"
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=here, help="folder with the sample data files")
    parser.add_argument("--quiet", action="store_true", help="print only problems")
    parser.add_argument("--self-test", action="store_true", help="check the detectors on fixed examples and exit")
    args = parser.parse_args(argv)
    if args.self_test:
        return 1 if self_test() else 0

    paths = {name: args.data / name for name in ("support_needs.json", "taxonomy.json", "sample_reports.jsonl")}
    for name, path in paths.items():
        if not path.is_file():
            print(f"check_sample_data: {path} is missing", file=sys.stderr)
            return 2

    problems = Problems()
    need_ids = check_support_needs(load_json(paths["support_needs.json"], problems), problems)
    categories = check_taxonomy(load_json(paths["taxonomy.json"], problems), need_ids, problems)
    reports = check_reports(paths["sample_reports.jsonl"], categories, problems)
    check_requirements(reports, categories, problems)

    if not args.quiet:
        print_statistics(reports, categories)
    for w in problems.warnings:
        print(f"warning: {w}", file=sys.stderr)
    for e in problems.errors:
        print(f"error: {e}", file=sys.stderr)
    print(f"\n{len(problems.errors)} errors, {len(problems.warnings)} warnings", file=sys.stderr)
    return 1 if problems.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
