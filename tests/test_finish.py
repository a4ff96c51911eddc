"""The end of ``kg build`` in a helper process (kg.finish): the same report and the same
page as the build makes itself, and the build's own work when the helper is gone."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from spacy.language import Language
from typer.testing import CliRunner

import kg
import kg.engine
from kg.cli import app
from kg.finish import Helper
from kg.rdfio import PREFIXES
from kg.store import Store
from kg.validate import validate_store

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_28493343f67b95bb.txt"
MORE = ("Talks in Doha\n\nPublished: 2020-09-12\n\nUS Secretary of State Mike Pompeo met "
        "Qatari Foreign Minister Mohammed bin Abdulrahman Al Thani in Doha on Saturday.\n")
BAD = """INSERT DATA { GRAPH <urn:kg-test:doc> { <urn:kg-test:m> a dip:Meeting ;
  dip:participant <urn:kg-test:a> } } ;
INSERT DATA { <urn:kg-test:m> a dip:Meeting ; dip:participant <urn:kg-test:a> }"""
"""A meeting of one participant, without evidence or source: several SHACL violations."""


@pytest.fixture()
def helper() -> Iterator[Helper]:
    started = Helper.start()
    assert started is not None
    yield started
    started.close()


def _violating_store(folder: Path, nlp: Language) -> None:
    """A store of the seed article plus a meeting that violates the shapes."""
    kg.build([SEED], nlp=nlp, store=folder).close()
    store = ox.Store(str(folder))
    store.update(BAD, prefixes=PREFIXES)
    store.flush()
    del store


def test_finish_helper_report_is_the_builds_own(nlp: Language, tmp_path: Path,
                                               helper: Helper) -> None:
    """A build that adds to a store with violations: the helper's report of the whole store
    is the one validate_store gives in this process, violation for violation."""
    folder = tmp_path / "store"
    _violating_store(folder, nlp)
    (tmp_path / "more.txt").write_text(MORE, encoding="utf-8")
    with kg.build([tmp_path / "more.txt"], nlp=nlp, store=folder, validate=True,
                  helper=helper) as graph:
        assert isinstance(graph.store, Store) and graph.store.read_only
        report = graph.validation
        assert report is not None and not report.conforms
        own = validate_store(graph.store)
    assert sorted(map(repr, report.violations)) == sorted(map(repr, own.violations))
    assert report.to_text() == own.to_text()
    assert len(report.violations) >= 2


def test_finish_helper_page_is_the_builds_own(nlp: Language, tmp_path: Path,
                                             helper: Helper) -> None:
    """The page the helper writes is, byte for byte, the page the build writes itself."""
    (tmp_path / "more.txt").write_text(MORE, encoding="utf-8")
    with kg.build([SEED, tmp_path / "more.txt"], nlp=nlp, store=tmp_path / "store",
                  helper=helper) as graph:
        theirs = graph.start_html(tmp_path / "theirs.html", helper)()
        ours = graph.to_html(tmp_path / "ours.html")
    assert theirs == tmp_path / "theirs.html"
    assert theirs.read_bytes() == ours.read_bytes()
    assert b"Mike Pompeo" in ours.read_bytes()


def test_finish_a_dead_helper_leaves_the_work_to_the_build(nlp: Language, tmp_path: Path,
                                                          helper: Helper) -> None:
    """When the helper process has died, the report and the page are made here all the
    same (no error, nothing missing)."""
    helper._process.kill()
    helper._process.wait()
    folder = tmp_path / "store"
    _violating_store(folder, nlp)
    (tmp_path / "more.txt").write_text(MORE, encoding="utf-8")
    with kg.build([tmp_path / "more.txt"], nlp=nlp, store=folder, validate=True,
                  helper=helper) as graph:
        page = graph.start_html(tmp_path / "graph.html", helper)()
        report = graph.validation
        assert report is not None and not report.conforms
        assert report.to_text() == validate_store(graph.store).to_text()
    assert page.is_file() and page.stat().st_size > 100_000


def test_finish_cli_build_reports_what_kg_validate_reports(nlp: Language,
                                                           tmp_path: Path) -> None:
    """`kg build` (helper and all) into a store with violations counts the violations
    `kg validate` finds, and writes the page and Turtle."""
    folder = tmp_path / "out" / "store"
    _violating_store(folder, nlp)
    (tmp_path / "more.txt").write_text(MORE, encoding="utf-8")
    runner = CliRunner()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(kg.engine, "make_nlp", lambda model=None: nlp)
        built = runner.invoke(app, ["build", str(tmp_path / "more.txt"), "--out",
                                    str(tmp_path / "out"), "--quiet"])
    assert built.exit_code == 0, built.output
    checked = runner.invoke(app, ["validate", str(folder)])
    assert checked.exit_code == 1
    found = re.search(r"Does not conform: (\d+) violations", checked.stdout)
    assert found, checked.stdout
    n = found.group(1)
    assert f"not valid: the store has {n} SHACL violations" in built.stdout
    assert (tmp_path / "out" / "graph.html").stat().st_size > 100_000
    assert (tmp_path / "out" / "graph.ttl").is_file()
    shutil.rmtree(tmp_path / "out")
