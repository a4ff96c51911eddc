"""No import circle in kg/: every ``import kg.X`` / ``from kg.X import ...`` / ``from kg
import X`` of every module, at its top or inside a function (``if TYPE_CHECKING:`` blocks
too), is an edge; a circle is an error.

Usage: ``python scripts/check_imports.py [PACKAGE_DIR]`` (default: kg/ beside this folder);
exit 1 and one line per circle when there is one.  ``make lint`` runs it.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imports(package: Path) -> dict[str, set[str]]:
    """For each module of ``package`` (by dotted name), the modules of the package it
    imports anywhere in its text."""
    name = package.name
    modules = {f"{name}.{p.stem}" if p.stem != "__init__" else name: p
               for p in sorted(package.glob("*.py"))}
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                found.update(f"{node.module}.{a.name}" for a in node.names)
        graph[module] = {m for m in found if m in modules and m != module and m != name}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module, as a path round it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's algorithm
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def main(argv: list[str]) -> int:
    package = Path(argv[1]) if len(argv) > 1 else ROOT / "kg"
    found = circles(imports(package))
    for group in found:
        print(f"import circle in {package}: {' <-> '.join(group)}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
