"""Scoring against gold annotations: the matching rules, and a run on the dev gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from kg.evaluate import GoldError, Score, evaluate, names_match
from tests.conftest import shared_dir


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Pompeo", "Mike Pompeo", True),
        ("Mr Straw", "Jack Straw", True),
        ("President George W Bush", "George W Bush", True),
        ("British", "Britain", True),
        ("Afghan government", "Afghanistan", True),
        ("US", "United States", True),
        ("Lord Goldsmith", "Goldsmith", True),
        ("Jack Straw", "Jack McConnell", False),
        ("Britain", "France", False),
        ("Taliban", "Afghanistan", False),
        ("G-20", "G20", True),
        ("Group of Seven", "G7", True),
        ("G7", "G20", False),
    ],
)
def test_evaluate_names_match(a: str, b: str, same: bool) -> None:
    assert names_match(a, b) is same


def test_evaluate_score_arithmetic() -> None:
    s = Score(tp_pred=3, predicted=4, tp_gold=3, gold=6)
    assert (s.precision, s.recall) == (0.75, 0.5)
    assert s.f1 == pytest.approx(0.6)
    assert Score(0, 0, 0, 0).precision == 1.0


def test_evaluate_counts_pairs_and_ignores_planned(nlp: Language, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Foreign Minister Anna Keller met with Prime Minister Tomas Novak in Vienna on Monday. "
        "Keller will meet Chancellor Ruth Adler next week. "
        "Novak said the talks had gone well.\n", encoding="utf-8")
    gold = {"doc": "a.txt", "meetings": [
        {"participants": ["Anna Keller", "Tomas Novak"]},
        {"participants": ["Anna Keller", "Ruth Adler"], "status": "planned"},
        {"participants": ["Tomas Novak", "Ruth Adler"]}],
        "roles": [{"person": "Anna Keller", "role": "Foreign Minister"}],
        "said": [{"speaker": "Tomas Novak"}]}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    report = evaluate(tmp_path / "gold.jsonl", tmp_path, nlp)
    pairs = report.scores["meeting pairs"]
    assert (pairs.predicted, pairs.gold, pairs.tp_pred) == (1, 2, 1)
    assert pairs.precision == 1.0 and pairs.recall == 0.5
    assert report.scores["speakers"].f1 == 1.0
    posts = report.scores["posts"]
    assert posts.tp_gold == 1 and posts.gold == 1
    missed = [e["value"] for e in report.errors if e["kind"] == "missed"]
    assert ("Ruth Adler", "Tomas Novak") in missed


def test_evaluate_bad_gold_is_a_clear_error(nlp: Language, tmp_path: Path) -> None:
    (tmp_path / "gold.jsonl").write_text('{"doc": "a.txt"}\nnot json\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold.jsonl:2: not JSON"):
        evaluate(tmp_path / "gold.jsonl", tmp_path, nlp)


def test_evaluate_dev_gold(nlp: Language) -> None:
    """The dev set's numbers; the floor guards against regressions, README has the table."""
    gold = shared_dir() / "eval" / "dev" / "meetings.jsonl"
    if not gold.exists():
        pytest.skip(f"dev gold not found at {gold}")
    report = evaluate(gold, shared_dir(), nlp)
    assert report.documents == 21
    assert report.scores["posts"].precision >= 0.85
    assert report.scores["speakers"].precision >= 0.9
    assert report.scores["meeting pairs"].precision >= 0.7


def test_evaluate_modern_news_tune_set(nlp: Language) -> None:
    """Issue 12's tuning set (README has the table): floors against regressions, and the
    meeting-pair errors come grouped by why."""
    gold = shared_dir() / "eval" / "dev" / "tune.jsonl"
    if not gold.exists():
        pytest.skip(f"dev gold not found at {gold}")
    report = evaluate(gold, shared_dir(), nlp)
    pairs = report.scores["meeting pairs"]
    assert pairs.precision >= 0.75 and pairs.recall >= 0.4
    assert report.scores["posts"].precision >= 0.85
    kinds = {e["why"] for e in report.errors if e["measure"] == "meeting pairs"}
    assert kinds <= {"no trigger", "missed argument", "realis", "wrong participant",
                     "not a meeting"}
    assert "no trigger" in kinds
    assert report.errors_text().splitlines()[0].split()[0].isdigit()
    shapes = {e["shape"] for e in report.errors if "shape" in e}
    assert shapes and all(s.startswith(("pair", "joint meeting")) for s in shapes)
    assert any(" named in the sentence" in line and line.startswith("        ")
               for line in report.errors_text().splitlines())  # nested under its kind


@pytest.mark.parametrize(
    ("ours", "gold", "same"),
    [("Ex Foreign Secretary", "ex-foreign secretary", True),
     ("Under Secretary", "Treasury Under-Secretary", True),
     ("Foreign Secretary", "Home Secretary", False)],
)
def test_evaluate_titles_match_across_hyphens(ours: str, gold: str, same: bool) -> None:
    from kg.evaluate import posts_match

    assert posts_match(("Robin Cook", ours), ("Robin Cook", gold)) is same
