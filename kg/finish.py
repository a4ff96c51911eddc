"""The end of a build in a helper process: the store's SHACL report and its page.

``kg build`` starts a :class:`Helper` first thing: a second Python process that imports
what the end of a build needs (networkx and the page's code, the SHACL filter and rdflib)
while the build itself imports spaCy and loads the model, on the other core.  Once the
articles are in the store (flushed), the helper opens the store read-only, validates it and
writes the page, while the build writes Turtle; the build then takes the report and the
page's path from it.  The results are those the build would compute itself, by the same
functions (:func:`kg.validate.validate_store`, :func:`write_page`).

When the helper cannot start or dies, the build does the work itself; a store that is not
an Oxigraph folder (memory, a SPARQL server) never uses one.
"""

from __future__ import annotations

import contextlib
import pickle
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.validate import Report


def write_page(ox_store: Any, path: str | Path, *, title: str, shown: int) -> Path:
    """Write the who-met-whom page of the asserted and planned meetings of ``ox_store`` (a
    pyoxigraph ``Store``, read straight) to ``path``, atomically: a failed write leaves the
    previous page whole."""
    from kg.network import who_met_whom
    from kg.rdfio import atomic_file
    from kg.viz import STATUSES, write_html

    with atomic_file(path) as tmp:
        write_html(who_met_whom(ox_store, STATUSES), tmp, title=title, shown=shown)
    return Path(path)


def _serve() -> None:  # pragma: no cover - runs in the helper process (tests drive it)
    """The helper's loop: warm up, then answer pickled requests on stdin until EOF."""
    import kg.network
    import kg.validate
    import kg.viz  # imported now, while the build loads spaCy

    kg.validate._suspect_shapes()  # the shapes parsed once, ahead of time
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            request = pickle.load(source)
        except EOFError:
            return
        try:
            answer: tuple[str, object] = ("ok", _answer(*request))
        except BaseException as exc:
            answer = ("error", exc)
        try:
            pickle.dump(answer, sink)
        except Exception as exc:
            pickle.dump(("error", RuntimeError(f"{type(exc).__name__}: {exc}")), sink)
        sink.flush()


def _answer(kind: str, folder: str, *args: Any) -> object:
    from kg.store import Store

    store = Store(folder, read_only=True)
    try:
        if kind == "validate":
            from kg.validate import validate_store

            return validate_store(store)
        if kind == "page":
            path, title, shown = args
            return write_page(store.ox, path, title=title, shown=shown)
        raise ValueError(f"unknown request {kind!r}")
    finally:
        store.close()


class Pending:
    """A result the helper is working on; :meth:`result` waits for it (and raises what the
    helper raised)."""

    def __init__(self, helper: Helper) -> None:
        self._helper = helper
        self._done = False
        self._value: object = None
        self._error: BaseException | None = None

    def result(self) -> Any:
        if not self._done:
            self._helper._collect(self)
        if self._error is not None:
            raise self._error
        return self._value


class Helper:
    """A helper process that validates a store and writes its page (see the module)."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process
        self._waiting: list[Pending] = []
        self._lock = threading.Lock()

    @classmethod
    def start(cls) -> Helper | None:
        """Start a helper (it warms up on its own); None when it cannot start."""
        try:
            process = subprocess.Popen(
                [sys.executable, "-c", "from kg.finish import _serve; _serve()"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError:
            return None
        return cls(process)

    def validate(self, folder: Path) -> Pending:
        """The SHACL report of the store in ``folder`` (flushed), as
        :func:`kg.validate.validate_store` gives it."""
        return self._ask(("validate", str(folder)))

    def page(self, folder: Path, path: Path, *, title: str, shown: int) -> Pending:
        """Write the page of the store in ``folder`` to ``path`` (:func:`write_page`)."""
        return self._ask(("page", str(folder), str(path), title, shown))

    def _ask(self, request: tuple[object, ...]) -> Pending:
        pending = Pending(self)
        stdin = self._process.stdin
        try:
            assert stdin is not None
            pickle.dump(request, stdin)
            stdin.flush()
        except (OSError, ValueError) as exc:  # the helper died
            pending._done, pending._error = True, _Gone(str(exc))
            return pending
        with self._lock:
            self._waiting.append(pending)
        return pending

    def _collect(self, wanted: Pending) -> None:
        """Read answers in order until ``wanted`` has its own."""
        stdout: IO[bytes] | None = self._process.stdout
        while not wanted._done:
            with self._lock:
                first = self._waiting.pop(0)
            try:
                assert stdout is not None
                status, value = pickle.load(stdout)
            except (EOFError, OSError, pickle.UnpicklingError) as exc:
                first._done, first._error = True, _Gone(f"the helper process stopped: {exc}")
                continue
            first._done = True
            if status == "ok":
                first._value = value
            else:
                first._error = value if isinstance(value, BaseException) else _Gone(str(value))

    def close(self) -> None:
        """Stop the helper (it finishes nothing more)."""
        if self._process.stdin is not None:
            with contextlib.suppress(OSError):
                self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()


class _Gone(RuntimeError):
    """The helper process could not answer: the build does the work itself."""


def gone(exc: BaseException) -> bool:
    """Whether ``exc`` says the helper died (so the caller should do the work itself)."""
    return isinstance(exc, _Gone)


def pending_report(pending: Pending | None) -> Report | None:
    """The report a :class:`Pending` validation gives (None for None)."""
    return None if pending is None else pending.result()
