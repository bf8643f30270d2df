#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Stages the real development sets of ../shared/eval/extraction for
tools/extract-eval/run: for every set present, OUT/<set>/NAME.html (the
page as served, decompressed), NAME.json (the gold) and OUT/<set>/urls.tsv
(NAME<TAB>URL where the set knows the page's address).

Gold fields are null when a set has no gold for them; score.py scores a
field only on the pages that have it:
  readability-testpages  body (text of expected.html), title, author
                         (byline), date (publishedTime), outlet (siteName)
  l3s-gn1                body (spans labelled x-nc-sel2, full text),
                         title (x-nc-sel1, headline)
  cleaneval-dev          body (GoldStandard text without its marks)
  htmldate-default       date only

Nothing is copied into the repository: OUT is a temporary folder.
Usage: real.py EVAL_DIR OUT [LIMIT]  (LIMIT: at most this many pages per
set, taken in sorted order, for quick runs). Prints the set names staged.
"""

import gzip
import html.parser
import json
import os
import re
import sys


def decode(data):
    m = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', data[:4096])
    for enc in ([m.group(1).decode("ascii")] if m else []) + ["utf-8", "cp1252"]:
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", "replace")


class TextOf(html.parser.HTMLParser):
    """Collects text, by block, of a whole page or of labelled spans."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "pre", "section",
              "article", "ul", "ol", "table", "dd", "dt", "figcaption"}
    SKIP = {"script", "style", "noscript", "template"}

    def __init__(self, label=None):
        super().__init__(convert_charrefs=True)
        self.label = label
        self.depth = 0  # span nesting inside a labelled span
        self.skip = 0
        self.blocks = {}  # label class -> list of text pieces
        self.current = None
        self.stack = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        if tag in self.BLOCKS:
            self.piece("\n")
        if tag == "span" and self.label is not None:
            cls = dict(attrs).get("class") or ""
            m = re.match(r"x-nc-sel(\d)", cls)
            self.stack.append(self.current)
            if m:
                self.current = "sel" + m.group(1)

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        if tag in self.BLOCKS:
            self.piece("\n")
        if tag == "span" and self.label is not None and self.stack:
            self.current = self.stack.pop()

    def handle_data(self, data):
        if not self.skip:
            self.piece(data)

    def piece(self, text):
        key = self.current if self.label is not None else "all"
        self.blocks.setdefault(key, []).append(text)

    def text(self, key="all"):
        raw = "".join(self.blocks.get(key, []))
        lines = (" ".join(l.split()) for l in raw.split("\n"))
        return [l for l in lines if l]


def gold(body=None, title=None, author=None, date=None, outlet=None, url=None):
    return {"body": body, "title": title, "author": author, "date": date, "outlet": outlet, "url": url}


def write(out, name, page, g):
    with open(os.path.join(out, name + ".html"), "wb") as f:
        f.write(page)
    with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(g, f, ensure_ascii=False)


def readability_testpages(src, out, limit):
    n = 0
    for name in sorted(os.listdir(src)):
        folder = os.path.join(src, name)
        if not os.path.isfile(os.path.join(folder, "source.html")) or n >= limit:
            continue
        with open(os.path.join(folder, "source.html"), "rb") as f:
            page = f.read()
        with open(os.path.join(folder, "expected.html"), "rb") as f:
            p = TextOf()
            p.feed(decode(f.read()))
        meta = {}
        if os.path.exists(os.path.join(folder, "expected-metadata.json")):
            with open(os.path.join(folder, "expected-metadata.json"), encoding="utf-8") as f:
                meta = json.load(f)
        if meta.get("readerable") is False:
            continue  # not an article page: nothing to score
        write(out, name, page, gold(p.text(), meta.get("title"), meta.get("byline"), meta.get("publishedTime"),
                                    meta.get("siteName")))
        n += 1
    return {}


def l3s_gn1(src, out, limit):
    urls = {}
    with open(os.path.join(src, "url-mapping.txt"), encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2:
                urls[parts[0].strip("<>").replace("urn:uuid:", "")] = parts[1]
    mapping, n = {}, 0
    for fname in sorted(os.listdir(os.path.join(src, "original"))):
        if n >= limit:
            break
        name = fname[: -len(".html.gz")]
        with gzip.open(os.path.join(src, "original", fname)) as f:
            page = f.read()
        with gzip.open(os.path.join(src, "annotated", fname)) as f:
            p = TextOf(label=True)
            p.feed(decode(f.read()))
        body = p.text("sel2")
        if not body:
            continue
        title = " ".join(p.text("sel1")) or None
        write(out, name, page, gold(body, title, url=urls.get(name)))
        if name in urls:
            mapping[name] = urls[name]
        n += 1
    return mapping


def cleaneval_dev(src, out, limit):
    n = 0
    for fname in sorted(os.listdir(os.path.join(src, "GoldStandard")), key=lambda s: (len(s), s)):
        stem = fname[:-4]
        page_path = os.path.join(src, "input", stem + ".html")
        if not fname.endswith(".txt") or not os.path.exists(page_path) or n >= limit:
            continue
        with open(os.path.join(src, "GoldStandard", fname), encoding="utf-8", errors="replace") as f:
            text = f.read()
        url = None
        m = re.match(r"\s*URL:\s*(\S+)", text)
        if m:
            url = m.group(1)
            text = text[m.end():]
        text = re.sub(r"<(p|h|l)>", "\n", text)
        body = [" ".join(l.split()) for l in text.split("\n") if l.strip()]
        with open(page_path, "rb") as f:
            page = f.read()
        write(out, stem, page, gold(body, url=url))
        n += 1
    return {}


def htmldate_default(src, out, limit):
    with open(os.path.join(src, "eval_default.json"), encoding="utf-8") as f:
        table = json.load(f)
    mapping, n = {}, 0
    for url, entry in sorted(table.items(), key=lambda kv: kv[1]["file"]):
        path = os.path.join(src, "html", entry["file"] + ".gz")
        if not os.path.exists(path):
            path = os.path.join(src, "html", entry["file"])
            if not os.path.exists(path):
                continue
        if n >= limit:
            break
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rb") as f:
            page = f.read()
        name = re.sub(r"\.html?$", "", entry["file"])
        write(out, name, page, gold(date=entry["date"], url=url))
        mapping[name] = url
        n += 1
    return mapping


SETS = [
    ("readability-testpages", readability_testpages),
    ("l3s-gn1", l3s_gn1),
    ("cleaneval-dev", cleaneval_dev),
    ("htmldate-default", htmldate_default),
]


def main():
    src, out = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3] else 10**9
    for name, fn in SETS:
        folder = os.path.join(src, name)
        if not os.path.isdir(folder):
            print(f"extract-eval: {folder} is absent; {name} is not scored", file=sys.stderr)
            continue
        dest = os.path.join(out, name)
        os.makedirs(dest, exist_ok=True)
        mapping = fn(folder, dest, limit)
        with open(os.path.join(dest, "urls.tsv"), "w", encoding="utf-8") as f:
            for k, v in sorted(mapping.items()):
                f.write(f"{k}.html\t{v}\n")
        print(name)


if __name__ == "__main__":
    main()
