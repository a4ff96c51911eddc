"""The analyst walkthrough notebook runs top to bottom and shows real answers.

The notebook is executed once per module with nbclient in a fresh ``python3`` kernel whose
working directory is ``notebooks/``, so its project-root lookup is exercised as an analyst
would hit it.  Generated files go under ``tmp_path`` (``KG_OUT``).  When no ``python3``
kernelspec is installed (a fresh CI venv), one is written under ``tmp_path`` with
``ipykernel.kernelspec.install`` and found through ``JUPYTER_PATH``.
"""

from __future__ import annotations

import html
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


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory, out_dir: Path) -> Iterator[Any]:
    """The walkthrough, executed; fails the module's tests if any cell raised."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("KG_ROOT", raising=False)
        mp.setenv("KG_OUT", str(out_dir))
        _ensure_kernelspec(tmp_path_factory.mktemp("kernel"), mp)
        nb = nbformat.read(WALKTHROUGH, as_version=4)
        client = nbclient.NotebookClient(
            nb, kernel_name=KERNEL, timeout=600,
            resources={"metadata": {"path": str(NOTEBOOKS)}})
        try:
            client.execute()
        except nbclient.exceptions.CellExecutionError as exc:
            pytest.fail(f"a notebook cell raised:\n{exc}")
        yield nb


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
