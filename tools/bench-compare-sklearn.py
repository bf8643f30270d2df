#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The scikit-learn baseline of tools/bench-compare: TfidfVectorizer
(sublinear TF, English stop words) and cosine similarity to event
centroids, with the same leader clustering, threshold and date window as
PxEventIndex. Usage:
  bench-compare-sklearn.py corpus.jsonl [THRESHOLD]   generated articles
  bench-compare-sklearn.py --gold DIR [THRESHOLD]      the gold set (F1)"""
import datetime
import itertools
import json
import math
import os
import resource
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

THRESHOLD = 0.34
WINDOW = 3
# As LONG_DOCUMENT_TERMS in px-event-index.c: a document of more distinct
# terms needs THRESHOLD * sqrt(LONG / terms).
LONG = 40


def day(iso):
    try:
        return datetime.date.fromisoformat(iso[:10]).toordinal()
    except (TypeError, ValueError):
        return 0


def group(titles, texts, days, threshold):
    # The title counts twice, as in PxEventFeatures.
    docs = [f"{t} {t} {x}" for t, x in zip(titles, texts)]
    vec = TfidfVectorizer(sublinear_tf=True, stop_words="english")
    X = vec.fit_transform(docs).tocsr().astype(np.float32)
    order = sorted(range(len(docs)), key=lambda i: (days[i], i))
    n_terms = X.shape[1]
    cap = 1024
    sums = np.zeros((cap, n_terms), dtype=np.float32)
    norms = np.zeros(cap, dtype=np.float64)
    lo = np.zeros(cap, dtype=np.int64)
    hi = np.zeros(cap, dtype=np.int64)
    n_events = 0
    labels = [0] * len(docs)
    for i in order:
        row = X.getrow(i)
        idx, val = row.indices, row.data
        best, best_sim = -1, -1.0
        if n_events:
            # Cosine of the (unit) document with each centroid sum.
            sims = sums[:n_events, idx] @ val / np.maximum(norms[:n_events], 1e-12)
            d = days[i]
            if d and WINDOW >= 0:
                ok = (lo[:n_events] == 0) | ((d >= lo[:n_events] - WINDOW) & (d <= hi[:n_events] + WINDOW))
                sims = np.where(ok, sims, -1.0)
            best = int(np.argmax(sims))
            best_sim = float(sims[best])
        need = threshold * math.sqrt(LONG / len(idx)) if len(idx) > LONG else threshold
        if best < 0 or best_sim < need:
            if n_events == cap:
                cap *= 2
                sums = np.vstack([sums, np.zeros_like(sums)])
                norms, lo, hi = (np.concatenate([a, np.zeros_like(a)]) for a in (norms, lo, hi))
            best = n_events
            n_events += 1
        sums[best, idx] += val
        norms[best] = float(np.linalg.norm(sums[best]))
        d = days[i]
        if d:
            lo[best] = d if lo[best] == 0 else min(lo[best], d)
            hi[best] = max(hi[best], d)
        labels[i] = best + 1
    return labels, n_events


def pairwise_f1(gold, pred):
    from collections import Counter

    pairs = lambda c: sum(v * (v - 1) / 2 for v in c.values())
    tp = pairs(Counter(zip(gold, pred)))
    sp, sg = pairs(Counter(pred)), pairs(Counter(gold))
    p = tp / sp if sp else 1.0
    r = tp / sg if sg else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def read_article(path):
    head, _, body = open(path, encoding="utf-8").read().partition("\n\n")
    meta = dict(line.split(":", 1) for line in head.splitlines() if ":" in line)
    return {k.strip(): v.strip() for k, v in meta.items()}, body


def main():
    args = sys.argv[1:]
    gold_mode = args and args[0] == "--gold"
    if gold_mode:
        args = args[1:]
    threshold = float(args[1]) if len(args) > 1 else THRESHOLD
    if gold_mode:
        titles, texts, days, gold = [], [], [], []
        for event in sorted(os.listdir(args[0])):
            folder = os.path.join(args[0], event)
            if not os.path.isdir(folder):
                continue
            for f in sorted(os.listdir(folder)):
                if f.endswith(".txt"):
                    meta, body = read_article(os.path.join(folder, f))
                    titles.append(meta.get("title", ""))
                    texts.append(body)
                    days.append(day(meta.get("published")))
                    gold.append(event)
        labels, n = group(titles, texts, days, threshold)
        print(f"scikit-learn grouping on the gold set: pairwise F1 {pairwise_f1(gold, labels):.3f}, {n} events, "
              f"threshold {threshold:.2f}")
        return
    rows = [json.loads(line) for line in open(args[0], encoding="utf-8") if line.strip()]
    t0 = time.monotonic()
    c0 = resource.getrusage(resource.RUSAGE_SELF)
    labels, n = group([r["title"] for r in rows], [r["text"] for r in rows], [day(r["published"]) for r in rows],
                      threshold)
    c1 = resource.getrusage(resource.RUSAGE_SELF)
    t1 = time.monotonic()
    cpu = (c1.ru_utime - c0.ru_utime) + (c1.ru_stime - c0.ru_stime)
    f1 = pairwise_f1([r["event"] for r in rows], labels)
    print(f"scikit-learn grouping: {len(rows)} articles in {t1 - t0:.2f} s wall, {cpu:.2f} s CPU, {n} events, "
          f"pairwise F1 {f1:.3f}, threshold {threshold:.2f}")


if __name__ == "__main__":
    main()
