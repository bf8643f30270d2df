#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The scikit-learn baseline of tools/bench-compare: TfidfVectorizer
(sublinear TF, English stop words), cosine similarity, and average-link
agglomerative clustering (AgglomerativeClustering on the precomputed
cosine distances) merging while the average similarity is at least the
threshold Parallax used; two documents dated more than WINDOW days apart
are as far apart as can be, as in Parallax. Usage:
  bench-compare-sklearn.py corpus.jsonl [THRESHOLD]   generated articles
  bench-compare-sklearn.py --gold DIR [THRESHOLD]      the gold set (F1)"""
import datetime
import json
import os
import resource
import sys
import time

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

THRESHOLD = 0.16
WINDOW = 3


def day(iso):
    try:
        return datetime.date.fromisoformat(iso[:10]).toordinal()
    except (TypeError, ValueError):
        return 0


def group(titles, texts, days, threshold):
    # The title counts twice, as in PxEventFeatures.
    docs = [f"{t} {t} {x}" for t, x in zip(titles, texts)]
    vec = TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype=np.float32)
    X = vec.fit_transform(docs).tocsr()
    # Cosine distances of unit vectors; float32 halves the square matrix.
    dist = (X @ X.T).toarray()
    np.subtract(1.0, dist, out=dist)
    d = np.asarray(days, dtype=np.int32)
    dated = d != 0
    far = (np.abs(d[:, None] - d[None, :]) > WINDOW) & dated[:, None] & dated[None, :]
    dist[far] = 1.0
    np.fill_diagonal(dist, 0.0)
    np.clip(dist, 0.0, 1.0, out=dist)
    agg = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                  distance_threshold=1.0 - threshold)
    labels = agg.fit_predict(dist)
    return list(labels), int(labels.max()) + 1 if len(labels) else 0


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
