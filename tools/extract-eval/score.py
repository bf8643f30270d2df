#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scores extractors against the gold of tools/extract-eval/pages (or of
a real set staged by real.py).

Body: token-level precision, recall and F1 (bag of lower-cased words,
so paragraph boundaries do not count), averaged over pages; a page an
extractor fails on (a refusal) scores 0. Shingle F1: the same over
multisets of 4-word shingles, which also punishes text in the wrong order
or glued together. A gold field that is null (the set has no gold for
it) is not scored on that page; each figure is over the pages that have
it. Dates: exact, wrong (a date other than the gold) and none. Title, author and date: exact match after
normalizing white space; authors as a set of names (a leading "By" is
ignored, for Readability's bylines); dates on their YYYY-MM-DD part.
"""

import collections
import json
import os
import re
import sys
import unicodedata


def tokens(text):
    text = unicodedata.normalize("NFC", text or "").lower()
    return re.findall(r"\w+", text)


def shingles(words, n=4):
    if len(words) < n:
        return [tuple(words)] if words else []
    return [tuple(words[i:i + n]) for i in range(len(words) - n + 1)]


def prf(gold, got, unit=lambda w: w):
    g, p = collections.Counter(unit(tokens(gold))), collections.Counter(unit(tokens(got)))
    overlap = sum((g & p).values())
    if not p or not g:
        return 0.0, 0.0, 0.0
    prec, rec = overlap / sum(p.values()), overlap / sum(g.values())
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def norm_space(s):
    return " ".join((s or "").split())


def norm_authors(s):
    s = norm_space(s)
    s = re.sub(r"^(by|von|par)\s+", "", s, flags=re.I)
    parts = re.split(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b)\s*", s)
    return frozenset(p.strip().lower() for p in parts if p.strip())


def norm_date(s):
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", s or "")
    if m:
        return m.group(0)
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", (s or "").strip())
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def load(path):
    rows, timing = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            if "timing" in obj:
                timing = obj["timing"]
            else:
                rows[obj["name"]] = obj
    return rows, timing


def evaluate(gold, rows):
    sums = collections.defaultdict(float)
    counts = collections.defaultdict(int)
    per_page = {}

    def add(key, value):
        sums[key] += value
        counts[key] += 1

    for name, g in gold.items():
        r = rows.get(name, {})
        add("refused", "text" not in r)
        if g.get("body"):
            body = "\n".join(g["body"])
            p, rc, f = prf(body, r.get("text")) if "text" in r else (0.0, 0.0, 0.0)
            per_page[name] = f
            add("precision", p)
            add("recall", rc)
            add("f1", f)
            add("shingle_f1", prf(body, r.get("text"), shingles)[2] if "text" in r else 0.0)
        if g.get("title"):
            add("title", norm_space(r.get("title")) == norm_space(g["title"]))
        if g.get("author"):
            add("author", norm_authors(r.get("author")) == norm_authors(g["author"]))
        if g.get("date"):
            got, want = norm_date(r.get("date")), norm_date(g["date"])
            add("date", got == want)
            add("date_wrong", got is not None and got != want)
            add("date_none", got is None)
        if g.get("outlet"):
            add("outlet", norm_space(r.get("outlet")) == norm_space(g["outlet"]))
    return {k: sums[k] / counts[k] for k in counts}, per_page, counts


def main():
    args = sys.argv[1:]
    heading = None
    if args and args[0] == "--set":
        heading, args = args[1], args[2:]
    pages_dir, outputs = args[0], args[1:]
    verbose = os.environ.get("PX_EVAL_VERBOSE") == "1"
    gold = {}
    for n in sorted(os.listdir(pages_dir)):
        if n.endswith(".json"):
            with open(os.path.join(pages_dir, n), encoding="utf-8") as f:
                gold[n[:-5] + ".html"] = json.load(f)
    labels, results = [], []
    for spec in outputs:
        label, path = spec.split("=", 1)
        rows, timing = load(path)
        scores, per_page, counts = evaluate(gold, rows)
        labels.append(label)
        results.append((scores, per_page, timing))

    print(f"{heading + ': ' if heading else ''}{len(gold)} pages\n")
    print(f"{'':24}" + "".join(f"{l:>14}" for l in labels))
    for key, title in [("precision", "Body precision"), ("recall", "Body recall"), ("f1", "Body F1 (tokens)"),
                       ("shingle_f1", "Body F1 (4-shingles)"), ("title", "Title exact"), ("author", "Author exact"),
                       ("date", "Date exact"), ("date_wrong", "Date wrong"), ("date_none", "Date none"),
                       ("outlet", "Outlet exact")]:
        if key in counts:
            print(f"{title + ' (' + str(counts[key]) + ')':24}" + "".join(f"{r[0][key]:>14.3f}" for r in results))
    print(f"{'Refused pages':24}" + "".join(f"{round(r[0]['refused'] * len(gold)):>14d}" for r in results))
    speeds = []
    for r in results:
        t = r[2]
        speeds.append(t["pages"] / t["cpu_seconds"] if t and t["cpu_seconds"] > 0 else 0.0)
    print(f"{'Pages/s (CPU time)':24}" + "".join(f"{s:>14.1f}" for s in speeds))
    if len(speeds) == 2 and speeds[1] > 0:
        print(f"\nSpeed ratio {labels[0]}/{labels[1]}: {speeds[0] / speeds[1]:.1f}x")
        if "f1" in results[0][0]:
            print(f"Body F1 {labels[0]} - {labels[1]}: {results[0][0]['f1'] - results[1][0]['f1']:+.3f}")
    if verbose:
        print("\nPer page body F1:")
        for name in sorted(gold):
            print(f"  {name:44}" + "".join(f"{r[1][name]:>8.3f}" for r in results))


if __name__ == "__main__":
    main()
