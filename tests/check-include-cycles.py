#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when the folders under src/ include each other in a cycle.

Every `#include "..."` of every .c and .h file under src/ is resolved to
the file it names (against the including file's folder and each folder
above it up to src/, else as the one file under src/ whose path ends so).
Then, for every folder, its subfolders are the nodes of a graph: an edge
A -> B when a file anywhere below A includes a file anywhere below B. A
cycle among the subfolders of one folder fails the test. So src/core
never reaches src/gui or src/cli, and the features of core (and of gui)
form layers; a folder's own files may use its subfolders and be used by
them (core/import's dispatcher and core/import/html).

Folders are found by walking the tree: nothing here names one, so the
test holds for any layout. KNOWN lists single includes that are known to
close a cycle, with the reason and what removes them; they are left out
of the graph. An entry that no longer closes a cycle is reported (a
note, not a failure, so that the change that ends a cycle need not touch
this list), so the list only shrinks.

Usage: check-include-cycles.py SOURCE_ROOT
"""
import collections
import os
import re
import sys

# (including file, included file, why it is still there), paths from the
# source root.
KNOWN = [
    ("src/core/events/px-event-edit.h", "src/core/annotations/px-undo-stack.h",
     "one undo history (annotations/) keeps highlight steps and event edits, and an event edit records its step in it; "
     "a restore hook per kind of step would let the history stop knowing event snapshots"),
]

INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*"([^"]+)"', re.M)


def read_sources(top):
    files = {}
    for folder, subfolders, names in os.walk(os.path.join(top, "src")):
        subfolders.sort()
        for name in sorted(names):
            if name.endswith((".c", ".h")):
                path = os.path.relpath(os.path.join(folder, name), top)
                with open(os.path.join(top, path), encoding="utf-8", errors="replace") as f:
                    files[path] = f.read()
    return files


def resolve(path, include, files, by_suffix):
    folder = os.path.dirname(path)
    while True:
        candidate = os.path.normpath(os.path.join(folder, include))
        if candidate in files:
            return candidate
        if folder in ("src", ""):
            break
        folder = os.path.dirname(folder)
    found = by_suffix.get(include)
    if found is not None and len(found) == 1:
        return found[0]
    return None  # a system, generated or build-tree header


def edges_of(files):
    by_suffix = collections.defaultdict(list)
    for path in files:
        parts = path.split("/")
        for i in range(1, len(parts)):
            by_suffix["/".join(parts[i:])].append(path)
    edges = []
    for path, text in files.items():
        for m in INCLUDE.finditer(text):
            target = resolve(path, m.group(1), files, by_suffix)
            if target is not None and target != path:
                line = text.count("\n", 0, m.start()) + 1
                edges.append((path, line, target))
    return edges


def child_below(parent, path):
    """The subfolder of @parent that holds @path, or None for @parent's own files."""
    rest = os.path.relpath(os.path.dirname(path), parent)
    if rest == "." or rest.startswith(".."):
        return None
    return os.path.join(parent, rest.split(os.sep)[0])


def cycles(nodes, graph):
    """Strongly connected components of more than one node (Tarjan)."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return out


def reaches(graph, start, goal):
    seen, todo = {start}, [start]
    while todo:
        v = todo.pop()
        if v == goal:
            return True
        for w in graph.get(v, ()):
            if w not in seen:
                seen.add(w)
                todo.append(w)
    return False


def check(top):
    files = read_sources(top)
    if not files:
        print(f"no C files under {top}/src")
        return 1
    known = {(a, b) for a, b, _ in KNOWN}
    all_edges = edges_of(files)
    folders = sorted({os.path.dirname(p) for p in files})
    parents = sorted({os.path.dirname(f) for f in folders if f != "src"} | {"src"})
    status = 0
    closing = set()  # KNOWN entries that do close a cycle
    for parent in parents:
        graph, full = collections.defaultdict(set), collections.defaultdict(set)
        examples = {}
        for path, line, target in all_edges:
            a, b = child_below(parent, path), child_below(parent, target)
            if a is None or b is None or a == b:
                continue
            full[a].add(b)
            if (path, target) not in known:
                graph[a].add(b)
                examples.setdefault((a, b), f"{path}:{line} includes {target}")
        nodes = {n for n in graph} | {n for s in graph.values() for n in s}
        for component in cycles(nodes, graph):
            status = 1
            print("include cycle between folders: " + ", ".join(component))
            for a in component:
                for b in component:
                    if (a, b) in examples:
                        print(f"  {a} -> {b}: {examples[(a, b)]}")
        for path, target in known:
            a, b = child_below(parent, path), child_below(parent, target)
            if a is not None and b is not None and a != b and reaches(full, b, a):
                closing.add((path, target))

    # Entries that no longer close a cycle: say so, so that they go.
    present = {(a, b) for a, _, b in all_edges}
    for a, b, why in KNOWN:
        if (a, b) not in present:
            print(f"note: KNOWN lists {a} -> {b}, which is no longer included: remove it")
        elif (a, b) not in closing:
            print(f"note: KNOWN lists {a} -> {b}, which closes no cycle in this tree")
    if status == 0:
        print(f"include graph: no cycle between the folders of src/ ({len(files)} files, {len(folders)} folders)")
    return status


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(check(sys.argv[1]))
