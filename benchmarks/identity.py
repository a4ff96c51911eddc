"""How many nodes each well-connected person has, and which actors look like junk.

For the N people with most meetings in STORE (or the names given with ``--person``), count
the Person nodes of each store that are that person under another label: nodes whose
label holds the person's family name and is either no clean personal name ("Trump Says",
"Donald Trump's Mar") or has only words of the person's own name ("Trump", "Donald J.
Trump", "Trump Donald").  A clean name with a word of its own ("Melania Trump") is
someone else.  Also lists the Person nodes that are no clean personal name, and Person
nodes named like a city.

    .venv/bin/python benchmarks/identity.py out/store --before old/store --top 10
"""

from __future__ import annotations

import argparse
from pathlib import Path

import kg
from kg import gazetteer
from kg.names import family_name, is_clean_person_name, name_tokens

PEOPLE = """
SELECT ?p ?l (COUNT(DISTINCT ?m) AS ?meetings) WHERE {
  ?p a dip:Person ; rdfs:label ?l .
  OPTIONAL { ?m a dip:Meeting ; dip:participant ?p ; dip:status "asserted" }
} GROUP BY ?p ?l ORDER BY DESC(?meetings) ?l"""


def people(store: Path) -> list[tuple[str, int]]:
    with kg.load(store) as graph:
        return [(str(r[1]), int(str(r[2]))) for r in graph.table(PEOPLE).rows]


def nodes_of(name: str, labels: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The Person nodes (label, meetings) that are ``name`` under some label."""
    own = set(name_tokens(name))
    family = family_name(name)
    out = []
    for label, meetings in labels:
        toks = set(name_tokens(label))
        if family not in toks:
            continue
        if toks <= own or not is_clean_person_name(label):
            out.append((label, meetings))
    return out


def junk(labels: list[tuple[str, int]]) -> list[tuple[str, int]]:
    return [(label, n) for label, n in labels if not is_clean_person_name(label)
            or (len(label.split()) == 1 and gazetteer.big_city(label) is not None)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--before", type=Path, help="An older store to compare with.")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--person", action="append", default=[])
    args = ap.parse_args()
    after = people(args.store)
    before = people(args.before) if args.before else None
    names = args.person or [label for label, _ in after[:args.top]]
    print(f"{'person':<28}{'nodes after':>12}{'nodes before':>14}  labels before")
    for name in names:
        now = nodes_of(name, after)
        then = nodes_of(name, before) if before is not None else []
        shown = "; ".join(f"{label} ({n})" for label, n in then[:8])
        print(f"{name:<28}{len(now):>12}{len(then) if before is not None else '':>14}  {shown}")
    bad = junk(after)
    print(f"\n{len(bad)} Person nodes are no clean personal name or a city "
          f"({sum(1 for _, n in bad if n)} with meetings):")
    for label, n in sorted(bad, key=lambda x: -x[1])[:40]:
        print(f"  {label} ({n} meetings)")


if __name__ == "__main__":
    main()
