"""Our meeting extractor against the simplest alternative, on the same gold and pipeline.

The baseline takes every sentence that holds a meeting word (a token whose lemma is meet,
talk, visit, host or negotiate, or one of the nouns meeting, talks, summit) and pairs every
two named entities of the sentence (spaCy's ``doc.ents`` labelled PERSON, ORG, GPE or NORP,
deduplicated by text within the sentence).  Its pairs are deduplicated per document and
scored exactly as ours are: :func:`kg.evaluate.match_items` with :func:`kg.evaluate.pairs_match`,
names compared by :func:`kg.evaluate.names_match`.  Both systems use one spaCy pipeline,
built once by :func:`kg.nlp.make_nlp`, so the difference is the extraction alone.

Run from the repository root::

    .venv/bin/python benchmarks/baseline.py [GOLD.jsonl] [--docs DIR] [--json]

GOLD defaults to ``../shared/eval/dev/meetings.jsonl`` and DIR to ``../shared`` (or
``$KG_SHARED/eval/dev/meetings.jsonl`` and ``$KG_SHARED``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.evaluate import (
    GoldError,
    Score,
    evaluate,
    gold_facts,
    load_gold,
    match_items,
    pairs_match,
    unique_pairs,
)
from kg.model import Article, KGError
from kg.nlp import make_nlp
from kg.read import InputProblem, read_article

ROOT = Path(__file__).resolve().parent.parent
MEASURE = "meeting pairs"
MEET_LEMMAS = frozenset({"meet", "talk", "visit", "host", "negotiate"})
MEET_NOUNS = frozenset({"meeting", "talks", "summit"})
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def shared_dir() -> Path:
    """``$KG_SHARED``, else ``../shared`` beside the repository."""
    return Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))


def has_meeting_word(sent: Span) -> bool:
    """Whether a sentence holds a meeting verb or noun, by lemma or form."""
    return any(t.lemma_.lower() in MEET_LEMMAS or t.lower_ in MEET_NOUNS for t in sent)


def baseline_pairs(doc: Doc) -> list[tuple[str, str]]:
    """Every pair of named entities in a sentence with a meeting word, once per document.

    Pairs are sorted tuples of entity texts, deduplicated across the document by the same
    rule as our own predictions (a pair equal by :func:`kg.evaluate.names_match` to an
    earlier one is dropped).
    """
    pairs: list[tuple[str, str]] = []
    for sent in doc.sents:
        if not has_meeting_word(sent):
            continue
        names = list(dict.fromkeys(
            e.text for e in sent.ents if e.label_ in ENTITY_LABELS))
        pairs += [(a, b) if a <= b else (b, a) for a, b in combinations(names, 2)]
    return unique_pairs(pairs)


def _articles(records: list[dict[str, Any]], docs: Path) -> list[Article]:
    articles: list[Article] = []
    for rec in records:
        art = read_article(docs / rec["doc"], rec["doc"])
        if isinstance(art, InputProblem):
            raise GoldError(f"{docs / rec['doc']}: {art.reason}")
        articles.append(art)
    return articles


def score_baseline(gold_path: Path, docs: Path, nlp: Language) -> Score:
    """Score :func:`baseline_pairs` on the meeting pairs of ``gold_path``.

    Raises
    ------
    GoldError
        When the gold file or one of its documents cannot be read.
    """
    records = load_gold(gold_path)
    texts = (a.text for a in _articles(records, docs))
    score = Score(0, 0, 0, 0)
    for doc, rec in zip(nlp.pipe(texts, batch_size=32), records, strict=True):
        pred, gold = baseline_pairs(doc), gold_facts(rec)[MEASURE]
        tp_p, tp_g, _, _ = match_items(pred, gold, pairs_match)
        score += Score(tp_p, len(pred), tp_g, len(gold))
    return score


def _row(s: Score) -> dict[str, Any]:
    return {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
            "f1": round(s.f1, 4), "predicted": s.predicted, "gold": s.gold,
            "true_positives": s.tp_pred}


def _difference(ours: Score, base: Score) -> dict[str, float]:
    return {"precision": round(ours.precision - base.precision, 4),
            "recall": round(ours.recall - base.recall, 4),
            "f1": round(ours.f1 - base.f1, 4)}


def comparison(ours: Score, base: Score, documents: int) -> dict[str, Any]:
    """Both systems' meeting-pair scores and the difference (ours minus the baseline)."""
    return {"measure": MEASURE, "documents": documents,
            "systems": {"kg": _row(ours), "baseline": _row(base)},
            "difference": _difference(ours, base)}


def to_text(ours: Score, base: Score, documents: int) -> str:
    """The comparison as a table, one row per system and one for the difference."""
    head = f"{MEASURE:<22}{'precision':>10}{'recall':>8}{'F1':>8}{'pred':>7}{'gold':>7}"
    lines = [head]
    for name, s in (("kg extractor", ours), ("baseline (co-occur)", base)):
        lines.append(f"{name:<22}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
                     f"{s.predicted:>7}{s.gold:>7}")
    d = _difference(ours, base)
    lines.append(f"{'difference (kg - base)':<22}{d['precision']:>+10.3f}{d['recall']:>+8.3f}"
                 f"{d['f1']:>+8.3f}")
    lines.append(f"({documents} documents)")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    shared = shared_dir()
    p = argparse.ArgumentParser(
        prog="baseline.py",
        description="Meeting-pair precision, recall and F1 of kg's extractor and of a "
                    "co-occurrence baseline, on the same gold and spaCy pipeline.")
    p.add_argument("gold", nargs="?", type=Path,
                   default=shared / "eval" / "dev" / "meetings.jsonl",
                   help="gold annotations, JSONL (default: %(default)s)")
    p.add_argument("--docs", type=Path, default=shared,
                   help="folder the gold's doc paths are relative to (default: %(default)s)")
    p.add_argument("--model", default=None, help="spaCy pipeline to load")
    p.add_argument("--json", action="store_true", dest="as_json",
                   help="print JSON instead of a table")
    return p


def main(argv: Sequence[str] | None = None, *, nlp: Language | None = None) -> int:
    """Run both systems once on the gold and print the comparison; 0 on success, 1 on a
    missing or bad gold (one line on stderr).  ``nlp`` skips loading a pipeline."""
    args = _parser().parse_args(argv)
    gold: Path = args.gold
    if not gold.is_file():
        print(f"baseline.py: gold file not found: {gold} (pass GOLD.jsonl, or set "
              "KG_SHARED to the folder that holds eval/dev/meetings.jsonl)", file=sys.stderr)
        return 1
    try:
        language = nlp if nlp is not None else make_nlp(args.model)
        report = evaluate(gold, args.docs, language)
        base = score_baseline(gold, args.docs, language)
    except KGError as exc:
        print(f"baseline.py: {exc}", file=sys.stderr)
        return 1
    ours = report.scores[MEASURE]
    if args.as_json:
        print(json.dumps(comparison(ours, base, report.documents), indent=2))
    else:
        print(to_text(ours, base, report.documents))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
