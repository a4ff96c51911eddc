"""Meeting dates on the development gold: how many are dated, what was rejected, a sample.

There is no gold *day*: the annotators wrote the date phrase as the article gives it.  So
this script reports what can be counted and lists what must be checked by hand:

- **predicted**: the asserted meetings we extract from the gold articles, how many carry
  a ``dip:date`` (a resolved day), a ``dip:dateText`` only, and a ``dip:reportedOn``;
- **rejected**: how many meetings' date phrase :func:`kg.dates.is_date_phrase` turned
  away.  The articles are extracted twice from one parse, once with the predicate and
  once with it accepting everything; a meeting whose phrase differs between the two had
  that phrase rejected ("nearly daily", "1130", "26-year-old"), and the phrase is listed;
- **gold**: the gold meetings with a date phrase and an article date, how many phrases
  the predicate would wrongly reject (it should be none), and how many resolve to a day
  with the tense of the annotation (``planned`` reads forward);
- **sample**: ``--sample`` predicted asserted meetings with a date phrase (a seeded random
  choice), each with its phrase, resolved day, article date and sentence, to check by hand.

The gold articles hold few dated meetings, so ``--extra N`` adds N AllSides articles that
are not in the gold (a seeded random choice from ``articles.jsonl``): their meetings are
counted apart (``extra``) and join the pool the sample is drawn from.

AllSides articles carry their date in ``corpus/allsides/articles.jsonl`` (``id`` is
``allsides/<ID>.txt``), not in their ``.txt``; other articles' dates come from their text
(:func:`kg.dates.parse_published`, as a build reads them).

``--leaders STORE`` measures a built store instead (no parse): the asserted meetings
between two of :data:`LEADERS` (as ``/tmp/leaders.py`` counted them, one row per pair of
participants), how many carry a ``dip:date``, how many of those days were inferred from
another report (``dip:dateFrom``, :mod:`kg.eventdates`), and every inferred one with its
sentence and its source's, to check by hand against the public record.

Run from the repository root::

    .venv/bin/python benchmarks/dates.py [GOLD.jsonl ...] [--docs DIR] [--sample 30]
        [--seed 12] [--extra 0] [--json]
    .venv/bin/python benchmarks/dates.py --leaders out/store [--json]

GOLD defaults to ``tune.jsonl`` and ``meetings.jsonl`` of ``../shared/eval/dev`` and DIR to
``../shared`` (or ``$KG_SHARED``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

import kg.extract
import kg.rdf
from kg.dates import is_date_phrase, resolve_date
from kg.evaluate import load_gold
from kg.model import Article
from kg.read import InputProblem, read_article
from kg.resolve import resolve
from kg.vocab import DIP

SHARED = Path(os.environ.get("KG_SHARED", Path(__file__).resolve().parents[2] / "shared"))
GOLD = (SHARED / "eval" / "dev" / "tune.jsonl", SHARED / "eval" / "dev" / "meetings.jsonl")
ALLSIDES = Path("corpus") / "allsides" / "articles.jsonl"


@dataclass(frozen=True)
class Dated:
    """One predicted asserted meeting and its dates."""

    doc: str
    published: str | None
    text: str | None
    day: str | None
    reported: str | None
    sentence: str


def allsides_dates(docs: Path) -> dict[str, dt.date]:
    """The AllSides articles' dates by gold ``doc`` path (``corpus/allsides/<ID>.txt``)."""
    out: dict[str, dt.date] = {}
    path = docs / ALLSIDES
    if not path.exists():
        return out
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            rec = json.loads(line)
            if rec.get("date"):
                out[f"corpus/{rec['id']}"] = dt.date.fromisoformat(rec["date"][:10])
    return out


def gold_articles(records: Sequence[dict[str, Any]], docs: Path) -> list[Article]:
    """The gold's articles, once each, dated from ``articles.jsonl`` where it knows them."""
    dates = allsides_dates(docs)
    out: dict[str, Article] = {}
    for rec in records:
        if rec["doc"] in out:
            continue
        art = read_article(docs / rec["doc"], rec["doc"])
        if isinstance(art, InputProblem):
            sys.exit(f"{docs / rec['doc']}: {art.reason}")
        out[rec["doc"]] = replace(art, date=dates.get(rec["doc"], art.date))
    return list(out.values())


def extra_articles(docs: Path, n: int, seed: int, exclude: set[str]) -> list[Article]:
    """``n`` AllSides articles (with a date, not in ``exclude``), a seeded random choice."""
    path = docs / ALLSIDES
    if n <= 0 or not path.exists():
        return []
    with path.open(encoding="utf-8") as lines:
        recs = [r for r in map(json.loads, lines)
                if r.get("date") and f"corpus/{r['id']}" not in exclude]
    return [Article(source=f"corpus/{r['id']}", text=r["text"], title=r.get("title"),
                    date=dt.date.fromisoformat(r["date"][:10]))
            for r in random.Random(seed).sample(recs, min(n, len(recs)))]


def _counts(ours: dict[str, Dated], loose: dict[str, Dated]) -> dict[str, Any]:
    rejected = sorted({(loose[k].text or "", k) for k in loose
                       if k in ours and loose[k].text and loose[k].text != ours[k].text
                       and not is_date_phrase(loose[k].text or "")})
    return {
        "asserted_meetings": len(ours),
        "with_date": sum(m.day is not None for m in ours.values()),
        "with_date_text_only": sum(m.text is not None and m.day is None for m in ours.values()),
        "with_reported_on": sum(m.reported is not None for m in ours.values()),
        "rejected": len(rejected),
        "rejected_phrases": [text for text, _ in rejected],
    }


def _meetings(pairs: Sequence[tuple[Doc, Article]], accept: Callable[[str], bool]
              ) -> Iterator[tuple[str, Dated]]:
    """(event IRI, its dates) of every asserted meeting, with ``accept`` as the predicate."""
    modules = (kg.extract, kg.rdf)  # the two users of the predicate, patched for the run
    saved = [getattr(mod, "is_date_phrase") for mod in modules]  # noqa: B009
    for mod in modules:
        setattr(mod, "is_date_phrase", accept)  # noqa: B010
    try:
        for doc, art in pairs:
            g = kg.rdf.article_triples(resolve(kg.extract.extract(doc, art))).graph()
            for m in g.subjects(DIP.status, None):
                if str(g.value(m, DIP.status)) != "asserted" or \
                        (m, None, DIP.Meeting) not in g:
                    continue
                values = {p: g.value(m, p) for p in (DIP.dateText, DIP.date, DIP.reportedOn)}
                yield str(m), Dated(
                    doc=art.source, published=art.date.isoformat() if art.date else None,
                    text=str(values[DIP.dateText]) if values[DIP.dateText] else None,
                    day=str(values[DIP.date]) if values[DIP.date] else None,
                    reported=str(values[DIP.reportedOn]) if values[DIP.reportedOn] else None,
                    sentence=str(g.value(m, DIP.evidence)))
    finally:
        for mod, old in zip(modules, saved, strict=True):
            setattr(mod, "is_date_phrase", old)  # noqa: B010


def gold_phrases(records: Sequence[dict[str, Any]], articles: Sequence[Article]
                 ) -> dict[str, Any]:
    """The gold date phrases of dated articles: rejected by the predicate? resolved?"""
    dates = {a.source: a.date for a in articles}
    seen = rejected = resolved = 0
    wrongly: list[str] = []
    for rec in records:
        anchor = dates.get(rec["doc"])
        for m in rec.get("meetings", []):
            phrase = m.get("date")
            if not phrase or anchor is None:
                continue
            seen += 1
            if not is_date_phrase(phrase):
                rejected += 1
                wrongly.append(phrase)
            if resolve_date(phrase, anchor, future=m.get("status") == "planned"):
                resolved += 1
    return {"phrases": seen, "rejected": rejected, "rejected_phrases": wrongly,
            "resolved": resolved}


def measure(nlp: Language, gold: Sequence[Path], docs: Path, *, sample: int = 30,
            seed: int = 12, extra: int = 0) -> dict[str, Any]:
    """The counts and the hand-check sample described in the module docstring."""
    records = [rec for path in gold for rec in load_gold(path)]
    articles = gold_articles(records, docs)
    more = extra_articles(docs, extra, seed, {a.source for a in articles})
    everything = articles + more
    pairs = list(zip(nlp.pipe(a.text for a in everything), everything, strict=True))
    ours = dict(_meetings(pairs, is_date_phrase))
    loose = dict(_meetings(pairs, lambda _: True))
    in_gold = {a.source for a in articles}

    def part(keep: bool) -> dict[str, Dated]:
        return {k: m for k, m in ours.items() if (m.doc in in_gold) == keep}

    with_text = sorted((m for m in ours.values() if m.text), key=lambda m: (m.doc, m.sentence))
    chosen = random.Random(seed).sample(with_text, min(sample, len(with_text)))
    return {
        "articles": len(articles),
        "dated_articles": sum(a.date is not None for a in articles),
        **_counts(part(True), loose),
        "gold": gold_phrases(records, articles),
        "extra": {"articles": len(more), **_counts(part(False), loose)},
        "sample": [asdict(m) for m in sorted(chosen, key=lambda m: (m.doc, m.sentence))],
    }


def _text(report: dict[str, Any]) -> str:
    n = report["asserted_meetings"]
    gold = report["gold"]
    lines = [
        f"articles {report['articles']} ({report['dated_articles']} with a date)",
        f"asserted meetings {n}: dip:date {report['with_date']}, dateText only "
        f"{report['with_date_text_only']}, reportedOn {report['with_reported_on']}",
        f"date phrases rejected as no date: {report['rejected']} "
        f"{report['rejected_phrases']}",
        f"gold date phrases in dated articles {gold['phrases']}: resolved to a day "
        f"{gold['resolved']}, rejected by the predicate {gold['rejected']} "
        f"{gold['rejected_phrases']}",
        f"extra AllSides articles {report['extra']['articles']}: asserted meetings "
        f"{report['extra']['asserted_meetings']}, dip:date {report['extra']['with_date']}, "
        f"dateText only {report['extra']['with_date_text_only']}, rejected "
        f"{report['extra']['rejected']} {report['extra']['rejected_phrases']}",
        "", f"sample of {len(report['sample'])} predicted asserted meetings with a date phrase:",
    ]
    for i, m in enumerate(report["sample"], 1):
        lines.append(f"{i:2}. {m['doc']}  published {m['published']}  "
                     f"{m['text']!r} -> {m['day']}")
        lines.append(f"    {m['sentence'][:300]}")
    return "\n".join(lines)


LEADERS = (
    "Donald Trump", "Kim Jong Un", "Vladimir Putin", "Xi Jinping", "Shinzo Abe",
    "Angela Merkel", "Emmanuel Macron", "Theresa May", "Moon Jae-in", "Barack Obama",
    "Benjamin Netanyahu", "Recep Tayyip Erdogan", "Justin Trudeau", "Narendra Modi",
    "Boris Johnson", "Hassan Rouhani", "Francois Hollande", "David Cameron",
    "Enrique Peña Nieto", "Mahmoud Abbas", "Salman bin Abdulaziz Al Saud",
    "Mohammed bin Salman", "Jacinda Ardern", "Scott Morrison", "Malcolm Turnbull",
    "Tony Blair", "George W. Bush", "Paolo Gentiloni", "Giuseppe Conte")
"""Well-known heads of state and government, by their labels in the AllSides build."""

_LEADER_PAIRS = """SELECT ?m ?a ?b (SAMPLE(?d) AS ?day) (SAMPLE(?src) AS ?from)
  (SAMPLE(?r) AS ?rep) (SAMPLE(?ev) AS ?sentence) (SAMPLE(?sev) AS ?source) WHERE {
  ?m a dip:Meeting ; dip:status "asserted" ; dip:participant ?p, ?q ; dip:evidence ?ev .
  ?p rdfs:label ?a . ?q rdfs:label ?b . FILTER (STR(?a) < STR(?b))
  OPTIONAL { ?m dip:date ?d } OPTIONAL { ?m dip:reportedOn ?r }
  OPTIONAL { ?m dip:dateFrom ?src . ?src dip:evidence ?sev } } GROUP BY ?m ?a ?b"""


def leaders(store: Path) -> dict[str, Any]:
    """The dates of the asserted meetings between two :data:`LEADERS` in ``store``."""
    from kg.store import Store

    st = Store(store, read_only=True)
    wanted = set(LEADERS)
    rows = [r for r in st.select(_LEADER_PAIRS)
            if str(r[1].value) in wanted and str(r[2].value) in wanted]
    st.close()

    def value(term: Any) -> str | None:
        return None if term is None else str(term.value)

    dated = [r for r in rows if r[3] is not None]
    inferred = sorted(
        ({"pair": f"{r[1].value} | {r[2].value}", "day": value(r[3]),
          "reported": value(r[5]), "sentence": value(r[6]), "source": value(r[7])}
         for r in dated if r[4] is not None), key=lambda x: (x["pair"], x["day"] or ""))
    return {"pairs": len(rows), "dated": len(dated), "inferred": len(inferred),
            "meetings": len({str(r[0].value) for r in rows}), "inferred_pairs": inferred}


def _leaders_text(report: dict[str, Any]) -> str:
    n = report["pairs"]
    lines = [f"leader-leader asserted meeting pairs {n} ({report['meetings']} meetings): "
             f"dated {report['dated']} ({report['dated'] / max(n, 1):.0%}), of which "
             f"inferred from another report {report['inferred']}", ""]
    for i, x in enumerate(report["inferred_pairs"], 1):
        lines.append(f"{i:3}. {x['pair']}  {x['day']}  (reported {x['reported']})")
        lines.append(f"     {(x['sentence'] or '')[:220]}")
        lines.append(f"     from: {(x['source'] or '')[:200]}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="*", type=Path, default=list(GOLD))
    ap.add_argument("--docs", type=Path, default=SHARED)
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--extra", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--leaders", type=Path, metavar="STORE",
                    help="count the leaders' meetings' dates in a built store instead")
    args = ap.parse_args(argv)
    if args.leaders is not None:
        found = leaders(args.leaders)
        print(json.dumps(found, indent=1) if args.json else _leaders_text(found))
        return 0
    from kg.nlp import make_nlp

    report = measure(make_nlp(), args.gold, args.docs, sample=args.sample, seed=args.seed,
                     extra=args.extra)
    print(json.dumps(report, indent=1) if args.json else _text(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
