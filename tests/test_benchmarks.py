"""The benchmark scripts under benchmarks/: importable, and scoring what they claim to."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from spacy.language import Language

from tests.conftest import ROOT


def _load(name: str) -> ModuleType:
    """Import ``benchmarks/<name>.py`` from its path (benchmarks/ is not a package)."""
    path = ROOT / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"benchmarks_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


baseline = _load("baseline")

TEXT = ("Foreign Minister Anna Keller met Prime Minister Tomas Novak in Vienna on Monday. "
        "Keller will meet Chancellor Ruth Adler next week. "
        "Novak said the economy of Austria was weak.\n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The real pair, and the place paired with each person: why the baseline is naive.
        ("Foreign Minister Anna Keller met Prime Minister Tomas Novak in Vienna.",
         {("Anna Keller", "Tomas Novak"), ("Anna Keller", "Vienna"),
          ("Tomas Novak", "Vienna")}),
        # Entities without a meeting word give nothing.
        ("Anna Keller praised Germany and France in Vienna.", set()),
        # One entity with a meeting word gives no pair.
        ("The summit in Geneva was cancelled.", set()),
    ],
)
def test_benchmarks_baseline_pairs(nlp: Language, text: str, expected: set[tuple[str, str]]
                                   ) -> None:
    assert set(baseline.baseline_pairs(nlp(text))) == expected


def test_benchmarks_baseline_pairs_ignores_realis(nlp: Language) -> None:
    """A planned meeting is paired like one that happened; each pair comes once, sorted."""
    pairs = baseline.baseline_pairs(nlp(TEXT))
    assert ("Keller", "Ruth Adler") in pairs
    assert all(a <= b for a, b in pairs)
    assert len(pairs) == len(set(pairs))


def _gold(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    gold = {"doc": "a.txt", "meetings": [
        {"participants": ["Anna Keller", "Tomas Novak"]},
        {"participants": ["Anna Keller", "Ruth Adler"], "status": "planned"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    return path


def test_benchmarks_score_baseline(nlp: Language, tmp_path: Path) -> None:
    """Keller/Novak is found; the two Vienna pairs and the planned meeting are not gold."""
    score = baseline.score_baseline(_gold(tmp_path), tmp_path, nlp)
    assert (score.tp_pred, score.predicted, score.tp_gold, score.gold) == (1, 4, 1, 1)
    assert score.precision == 0.25 and score.recall == 1.0


def test_benchmarks_baseline_main_json(nlp: Language, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    gold = _gold(tmp_path)
    assert baseline.main([str(gold), "--docs", str(tmp_path), "--json"], nlp=nlp) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"] == 1
    kg, base = data["systems"]["kg"], data["systems"]["baseline"]
    assert (kg["gold"], base["gold"]) == (1, 1)
    assert base["predicted"] == 4
    assert data["difference"]["f1"] == pytest.approx(kg["f1"] - base["f1"], abs=1e-3)


def test_benchmarks_baseline_missing_gold(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert baseline.main([str(tmp_path / "none.jsonl")]) == 1
    err = capsys.readouterr().err
    assert "gold file not found" in err and err.count("\n") == 1


def test_benchmarks_throughput_side_by_side(corpus: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """A small run of benchmarks/throughput.py: both sides parse the same articles, block by
    block, and the report adds up."""
    throughput = _load("throughput")
    assert throughput.main(["--corpus", str(corpus / "bbc"), "--limit", "6", "--block", "3",
                            "--no-memory", "--json"]) == 0
    out = capsys.readouterr()
    report = json.loads(out.out)
    assert report["articles"] == 6 and report["words"] > 1000
    assert report["ratio"] == pytest.approx(
        report["raw_spacy_seconds"] / report["kg_build_seconds"], rel=0.02)
    assert report["kg_build_words_per_s"] == pytest.approx(
        report["words"] / report["kg_build_seconds"], rel=0.02)
    assert "side by side: 6/6 articles" in out.err


def test_benchmarks_throughput_cold_runs_whole_processes(
        corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--cold: raw spaCy and the kg build command each run as a process over the same files;
    the ratios are the best times'."""
    throughput = _load("throughput")
    assert throughput.main(["--corpus", str(corpus / "bbc"), "--cold", "2", "--repeat", "1",
                            "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["articles"] == 2 and report["cold_raw_spacy_seconds"] > 0
    assert report["cold_ratio"] == pytest.approx(
        report["cold_raw_spacy_seconds"] / report["cold_kg_build_seconds"], rel=0.02)
    assert {len(runs) for runs in report["cold_runs"].values()} == {1}


def test_benchmarks_startup_times_each_command(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """startup.py on a small store: every command timed, the build/model-load ratio from
    the best times; a folder that is no store is one clear error."""
    import shutil
    import subprocess

    startup = _load("startup")
    store = tmp_path / "store"
    subprocess.run([str(startup.KG), "build", str(startup.SEED), "--out", str(tmp_path),
                    "--quiet", "--no-html", "--no-validate"], check=True,
                   capture_output=True)
    assert startup.main(["--store", str(store), "--repeat", "1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["store_documents"] == 1
    assert set(report["best_s"]) == {"kg --help", "kg query STORE posts",
                                     "kg build (one article)",
                                     "kg build --no-validate --no-html", "spacy.load",
                                     "kg.nlp.make_nlp"}
    assert report["build_over_spacy_load"] == pytest.approx(
        report["best_s"]["kg build (one article)"] / report["best_s"]["spacy.load"], rel=0.02)
    assert report["build_over_make_nlp"] == pytest.approx(
        report["best_s"]["kg build (one article)"] / report["best_s"]["kg.nlp.make_nlp"],
        rel=0.02)
    shutil.rmtree(store)
    store.mkdir()
    assert startup.main(["--store", str(store)]) == 1
    assert "not an Oxigraph store folder" in capsys.readouterr().err


def test_benchmarks_dates_counts_days_rejections_and_allsides_dates(
        nlp: Language, tmp_path: Path) -> None:
    """An AllSides article's date comes from articles.jsonl; a rejected phrase is counted."""
    dates = _load("dates")
    text = ("Chairman Kim Sun met President Dana Merrow in Singapore on Tuesday. "
            "President Dana Merrow met Chancellor Ruth Adler in Bern at 1130 GMT.\n")
    (tmp_path / "corpus" / "allsides").mkdir(parents=True)
    (tmp_path / "corpus" / "allsides" / "X1.txt").write_text(text, encoding="utf-8")
    (tmp_path / "corpus" / "allsides" / "articles.jsonl").write_text(json.dumps(
        {"id": "allsides/X1.txt", "date": "2018-06-12", "text": text}) + "\n",
        encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "corpus/allsides/X1.txt", "meetings": [
        {"participants": ["Kim Sun", "Dana Merrow"], "date": "on Tuesday"},
        {"participants": ["Dana Merrow", "Ruth Adler"], "date": "June 14",
         "status": "planned"}]}) + "\n", encoding="utf-8")
    report = dates.measure(nlp, [gold], tmp_path, sample=5)
    assert (report["articles"], report["dated_articles"]) == (1, 1)
    assert (report["asserted_meetings"], report["with_date"], report["with_reported_on"]) == (
        2, 1, 2)
    assert (report["rejected"], report["rejected_phrases"]) == (1, ["1130"])
    assert report["gold"] == {"phrases": 2, "rejected": 0, "rejected_phrases": [],
                              "resolved": 2}
    assert [(m["text"], m["day"], m["published"]) for m in report["sample"]] == [
        ("Tuesday", "2018-06-12", "2018-06-12")]
