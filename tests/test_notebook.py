"""The analyst walkthrough notebook runs top to bottom and shows real answers.

The notebook is executed once per module with nbclient in a fresh ``python3`` kernel whose
working directory is ``notebooks/``, so its project-root lookup is exercised as an analyst
would hit it.  Generated files go under ``tmp_path`` (``KG_OUT``).  When no ``python3``
kernelspec is installed (a fresh CI venv), one is written under ``tmp_path`` with
``ipykernel.kernelspec.install`` and found through ``JUPYTER_PATH``.

The corpus-sample section reads real articles from the shared corpus when it is there (as
``tests/conftest.py`` finds it); a second run with ``KG_CORPUS`` pointing nowhere checks that
the section falls back to the seed graph and the notebook still runs.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

nbclient = pytest.importorskip("nbclient")
nbformat = pytest.importorskip("nbformat")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
WALKTHROUGH = NOTEBOOKS / "walkthrough.ipynb"
KERNEL = "python3"


def _ensure_kernelspec(prefix: Path, mp: pytest.MonkeyPatch) -> None:
    """Install a ``python3`` kernelspec under ``prefix`` unless one is already found."""
    from jupyter_client.kernelspec import KernelSpecManager

    if KERNEL in KernelSpecManager().find_kernel_specs():
        return
    kernelspec = pytest.importorskip("ipykernel.kernelspec")
    kernelspec.install(kernel_name=KERNEL, prefix=str(prefix))
    mp.setenv("JUPYTER_PATH", str(prefix / "share" / "jupyter"))


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the executed notebook writes its files (``KG_OUT``)."""
    return tmp_path_factory.mktemp("notebook-out")


def _corpus_dir() -> Path:
    """Where the notebook (like ``tests/conftest.py``) looks for the news corpus."""
    shared = Path(os.environ.get("KG_SHARED") or ROOT.parent / "shared")
    return Path(os.environ.get("KG_CORPUS") or shared / "corpus")


HAS_CORPUS = _corpus_dir().is_dir()
needs_corpus = pytest.mark.skipif(not HAS_CORPUS, reason=f"no news corpus at {_corpus_dir()}")


def _execute(tmp_path_factory: pytest.TempPathFactory, out_dir: Path,
             env: dict[str, str]) -> Any:
    """The walkthrough executed with ``env`` set; fails the test if any cell raised."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("KG_ROOT", raising=False)
        mp.setenv("KG_OUT", str(out_dir))
        for key, value in env.items():
            mp.setenv(key, value)
        _ensure_kernelspec(tmp_path_factory.mktemp("kernel"), mp)
        nb = nbformat.read(WALKTHROUGH, as_version=4)
        client = nbclient.NotebookClient(
            nb, kernel_name=KERNEL, timeout=600,
            resources={"metadata": {"path": str(NOTEBOOKS)}})
        try:
            client.execute()
        except nbclient.exceptions.CellExecutionError as exc:
            pytest.fail(f"a notebook cell raised:\n{exc}")
        return nb


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory, out_dir: Path) -> Iterator[Any]:
    """The walkthrough, executed; fails the module's tests if any cell raised."""
    yield _execute(tmp_path_factory, out_dir, {})


@pytest.fixture(scope="module")
def without_corpus(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The walkthrough executed with ``KG_CORPUS`` naming a folder that does not exist."""
    missing = tmp_path_factory.mktemp("no-corpus") / "missing"
    return _execute(tmp_path_factory, tmp_path_factory.mktemp("notebook-out-seed"),
                    {"KG_CORPUS": str(missing)})


def _cell(nb: Any, tag: str) -> Any:
    cells = [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"expected one cell tagged {tag!r}, found {len(cells)}"
    return cells[0]


def _text(cell: Any) -> str:
    """Everything the cell printed or displayed as text (stdout and text/plain)."""
    parts = []
    for out in cell.outputs:
        if out.output_type == "stream" and out.name == "stdout":
            parts.append(out.text)
        elif out.output_type in {"execute_result", "display_data"}:
            parts.append(out.data.get("text/plain", ""))
    return "".join(parts)


def test_notebook_is_stored_without_outputs() -> None:
    nb = nbformat.read(WALKTHROUGH, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    assert all(not c.outputs and c.execution_count is None for c in code)


def test_notebook_runs_without_errors(executed: Any) -> None:
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code)
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors, errors


def test_notebook_finds_the_project_root_from_notebooks_dir(executed: Any) -> None:
    assert f"project root: {ROOT}" in _text(_cell(executed, "setup"))


def test_notebook_build_summary_counts_meetings(executed: Any) -> None:
    summary = _text(_cell(executed, "build"))
    match = re.search(r"(\d+) documents, (\d+) entities, (\d+) meetings", summary)
    assert match, summary
    assert int(match[1]) >= 1 and int(match[3]) >= 1


@pytest.mark.parametrize("name", ["Mike Pompeo", "Mullah Beradar", "Al Thani"])
def test_notebook_who_met_whom_names_the_participants(executed: Any, name: str) -> None:
    assert name in _text(_cell(executed, "who-met-whom"))


def test_notebook_who_met_whom_pairs_pompeo_with_al_thani_in_doha(executed: Any) -> None:
    rows = _text(_cell(executed, "who-met-whom")).splitlines()
    assert any("Al Thani" in r and "Mike Pompeo" in r and "Doha" in r for r in rows), rows


def test_notebook_posts_show_secretary_of_state(executed: Any) -> None:
    rows = _text(_cell(executed, "posts")).splitlines()
    assert any("Mike Pompeo" in r and "Secretary of State" in r for r in rows), rows


def test_notebook_statements_name_a_speaker(executed: Any) -> None:
    assert "Mike Pompeo:" in _text(_cell(executed, "statements"))


def test_notebook_network_lists_degrees(executed: Any) -> None:
    lines = _text(_cell(executed, "network")).splitlines()
    pompeo = next((ln for ln in lines if ln.startswith("Mike Pompeo ")), None)
    assert pompeo is not None, lines
    assert int(pompeo.split()[3]) >= 3  # label, "Person", degree


def test_notebook_inline_graph_is_a_self_contained_srcdoc_iframe(
        executed: Any, out_dir: Path) -> None:
    cell = _cell(executed, "inline-graph")
    pages = [o.data["text/html"] for o in cell.outputs
             if o.output_type == "display_data" and "text/html" in o.data]
    assert len(pages) == 1
    match = re.search(r'<iframe srcdoc="([^"]*)"', pages[0])
    assert match, pages[0][:300]
    page = html.unescape(match[1])
    assert page.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "<script src=" not in page
    assert "Mullah Beradar" in page
    assert (out_dir / "who_met_whom.html").read_text(encoding="utf-8") == page


def _html_page(cell: Any) -> str:
    """The page inside the one ``<iframe srcdoc=...>`` the cell displayed."""
    pages = [o.data["text/html"] for o in cell.outputs
             if o.output_type == "display_data" and "text/html" in o.data]
    assert len(pages) == 1
    match = re.search(r'<iframe srcdoc="([^"]*)"', pages[0])
    assert match, pages[0][:300]
    return html.unescape(match[1])


def _top_actors(nb: Any) -> list[tuple[str, int, int, float, int]]:
    """The rows of the top-actors table: label, partners, meetings, betweenness, group."""
    lines = _text(_cell(nb, "top-actors")).splitlines()
    assert lines and lines[0].startswith("actor") and "betweenness" in lines[0], lines
    rows = []
    for line in lines[1:]:
        partners, meetings, between, group = line.split()[-4:]
        rows.append((line[:26].strip(), int(partners), int(meetings), float(between),
                     int(group)))
    return rows


def _chain(nb: Any) -> tuple[str, str, list[str]]:
    """The chain cell's question (first and last actor) and its numbered steps."""
    text = _text(_cell(nb, "chain"))
    match = re.search(r"How is (.+) connected to (.+)\? In (\d+) steps:", text)
    assert match, text
    steps = [ln for ln in text.splitlines() if re.match(r"\d+\. .+ -> .+ \(met ", ln)]
    assert len(steps) == int(match[3]) >= 2, text
    return match[1], match[2], steps


@needs_corpus
def test_notebook_corpus_sample_is_built(executed: Any) -> None:
    text = _text(_cell(executed, "corpus-build"))
    match = re.search(r"sample: (\d+) articles; (\d+) documents, \d+ entities, (\d+) meetings",
                      text)
    assert match, text
    assert int(match[1]) == int(match[2]) == 40 and int(match[3]) >= 5
    assert "NOTE" not in text


def test_notebook_top_actors_table(executed: Any) -> None:
    rows = _top_actors(executed)
    assert 1 <= len(rows) <= 10
    assert [r[2] for r in rows] == sorted((r[2] for r in rows), reverse=True)
    # distinct meetings: a meeting of three gives one meeting and two partners
    assert all(m >= 1 and p >= 1 and 0.0 <= b <= 1.0 for _, p, m, b, _ in rows)
    if HAS_CORPUS:
        assert len(rows) == 10


def test_notebook_communities_list_the_top_actors(executed: Any) -> None:
    text = _text(_cell(executed, "communities"))
    assert text.startswith("group 0 (")
    for label, *_, group in _top_actors(executed):
        block = re.search(rf"group {group} \(\d+\): (.*?)(?=\ngroup |\Z)", text, re.S)
        assert block and label in " ".join(block[1].split()), (label, text)


@needs_corpus
def test_notebook_chain_between_two_top_actors(executed: Any) -> None:
    first, last, steps = _chain(executed)
    top = [r[0] for r in _top_actors(executed)]
    assert first in top and last in top and first != last
    assert steps[0].startswith(f"1. {first} -> ") and f" -> {last} (met " in steps[-1]
    assert all("lee_abc/" in s or "bbc/" in s for s in steps)  # paths within the corpus


@needs_corpus
def test_notebook_corpus_graph_is_shown_inline(executed: Any, out_dir: Path) -> None:
    page = _html_page(_cell(executed, "corpus-graph"))
    assert page.startswith("<!DOCTYPE html>") and "<script src=" not in page
    assert "default-src 'none'" in page
    assert _top_actors(executed)[0][0] in page
    assert (out_dir / "corpus_sample.html").read_text(encoding="utf-8") == page


def test_notebook_exports_parse_back(executed: Any, out_dir: Path) -> None:
    import networkx as nx

    match = re.search(r"(\d+) actors, (\d+) pairs who met",
                      _text(_cell(executed, "corpus-build")))
    assert match
    for name, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        back = read(out_dir / f"corpus_sample.{name}")
        assert (back.number_of_nodes(), back.number_of_edges()) == (int(match[1]),
                                                                    int(match[2]))
    header = (out_dir / "corpus_sample.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("source,target,meetings,dates,places,evidence")


def test_notebook_without_corpus_falls_back_to_the_seed(without_corpus: Any) -> None:
    errors = [o for c in without_corpus.cells if c.cell_type == "code"
              for o in c.outputs if o.output_type == "error"]
    assert not errors, errors
    assert "NOTE: no news articles found" in _text(_cell(without_corpus, "corpus-build"))
    # 5 distinct meetings (issue 14): a meeting of three counts once, and the sentences that
    # report one meeting again are one meeting (issue 12)
    assert _top_actors(without_corpus)[0][:3] == ("Mike Pompeo", 4, 5)
    first, last, steps = _chain(without_corpus)
    assert (first, last) == ("Taliban", "Al Thani")
    assert [s.split(" (met ")[0] for s in steps] == ["1. Taliban -> Mike Pompeo",
                                                     "2. Mike Pompeo -> Al Thani"]
    assert "Mullah Beradar" in _html_page(_cell(without_corpus, "corpus-graph"))
