"""Worker processes of our own: started with ``python -c``, fed through pipes.

Two kinds of work leave the main process: parsing (:func:`parse_resolutions`, for
``--jobs`` > 1) and SHACL validation (:class:`kg.validate.BackgroundValidation`).  Both use
the helpers here.  A worker is a fresh interpreter that imports diplomacy-kg, so the
caller's script needs no ``if __name__ == "__main__"`` guard and no process that holds
threads (our store writer, the validation feeder) is ever forked.  Messages are frames: an
8-byte length, then a pickle.

Parse workers each load the spaCy pipeline once, then parse, extract and resolve batches of
articles and send back the resolved dataclasses: no Doc crosses a process boundary, which is
cheaper than spaCy's own ``n_process`` (it ships every Doc back as bytes), and extraction
runs on the workers' cores too.  Each worker parses inside spaCy memory zones after its
first ``zone`` articles, as the local engine does, so its memory stays flat.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import signal
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO

from kg.model import Article, KGError, Resolution

IN_FLIGHT = 2
"""Batches waiting for or being parsed by each parse worker: bounds the main's memory."""


class WorkerError(KGError):
    """A worker process failed or died."""


def write_frame(out: IO[bytes], data: bytes) -> None:
    out.write(len(data).to_bytes(8, "big"))
    out.write(data)
    out.flush()


def read_frame(source: IO[bytes]) -> bytes | None:
    """The next frame, or None at the end of the stream (or a cut-off frame)."""
    head = source.read(8)
    if len(head) < 8:
        return None
    size = int.from_bytes(head, "big")
    data = source.read(size)
    return data if len(data) == size else None


def spawn(entry: str) -> subprocess.Popen[bytes]:
    """A worker running ``entry`` (``"module:function"``) with pipes to its stdin and
    stdout; its stderr is ours.  This package is put on its path, so a source checkout
    works as an installed one does."""
    module, function = entry.split(":")
    package_root = str(Path(__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    return subprocess.Popen(
        [sys.executable, "-c", f"from {module} import {function}; {function}()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)


def worker_pipes() -> tuple[IO[bytes], IO[bytes]]:
    """In a worker: its frame input and output.  Python's stdout becomes stderr, so a stray
    ``print()`` cannot break the frames; Ctrl-C is left to the main process, which stops
    its workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    source, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    return source, out


def first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = lines[0] if lines else type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."


# -- parse workers --------------------------------------------------------------------------
class _ParseWorker:
    """One parse worker process and the thread that writes its batches (so that writing a
    big batch never waits on a worker that is itself waiting for us to read its answer)."""

    def __init__(self, model: str, batch_size: int, zone: int) -> None:
        self.process = spawn("kg.workers:serve_parse")
        self._batches: queue.Queue[bytes | None] = queue.Queue()
        self._feeder = threading.Thread(target=self._feed, name="kg-parse-feeder", daemon=True)
        self._feeder.start()
        self._batches.put(pickle.dumps((model, batch_size, zone)))

    def _feed(self) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        while (data := self._batches.get()) is not None:
            try:
                write_frame(stdin, data)
            except OSError:  # the worker died: receive() reports it
                return
        with contextlib.suppress(OSError):
            stdin.close()

    def send(self, batch: list[Article]) -> None:
        self._batches.put(pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL))

    def receive(self) -> list[Resolution]:
        """The answer to the oldest batch sent and not yet received."""
        assert self.process.stdout is not None
        data = read_frame(self.process.stdout)
        if data is None:
            code = self.process.wait()
            raise WorkerError(f"a parse worker process died (exit code {code}); its error, "
                              "if any, is above (out of memory? try fewer --jobs)")
        answer = pickle.loads(data)
        if isinstance(answer, BaseException):
            raise answer
        assert isinstance(answer, list)
        return answer

    def close(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        self._batches.put(None)
        self._feeder.join()
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()


def parse_resolutions(model: str, articles: Iterable[Article], *, jobs: int,
                      batch_size: int = 32, zone: int,
                      in_flight: int = IN_FLIGHT) -> Iterator[Resolution]:
    """Each article parsed, extracted and resolved by ``jobs`` worker processes that load
    ``model`` (a name for :func:`kg.nlp.make_nlp`); in input order.

    Batches of ``batch_size`` articles go to the workers in turn (a worker is started when
    the first batch for it is there), at most ``in_flight`` per worker at a time, and their
    answers are taken back in the same turn, so the order is the input order and memory
    holds a bounded number of batches.  A worker that fails or dies
    raises :class:`WorkerError`; the others are stopped.
    """
    jobs = max(1, jobs)
    workers: list[_ParseWorker] = []  # started as batches come: a small build starts fewer
    ok = False
    try:
        pending: deque[_ParseWorker] = deque()
        stream = iter(articles)
        turn = 0
        while True:
            batch = list(islice(stream, batch_size))
            if batch:
                if len(workers) < jobs:
                    workers.append(_ParseWorker(model, batch_size, zone))
                worker = workers[turn % len(workers)]
                turn += 1
                worker.send(batch)
                pending.append(worker)
            if pending and (len(pending) >= in_flight * jobs or not batch):
                yield from pending.popleft().receive()
            if not batch and not pending:
                break
        ok = True
    finally:
        for worker in workers:
            worker.close(kill=not ok)


def serve_parse() -> None:
    """A parse worker: reads the model name, batch size and zone, then batches of
    articles; answers each with its resolutions (or the error), until stdin closes."""
    source, out = worker_pipes()
    setup = read_frame(source)
    if setup is None:
        return
    model, batch_size, zone = pickle.loads(setup)
    from kg.nlp import make_nlp  # here, not at the top: kg.validate's workers need no spaCy
    from kg.parse import ZonedParser

    parser: ZonedParser | None = None
    failed: KGError | None = None
    try:  # the same memory zones as the local engine
        parser = ZonedParser(make_nlp(model), zone=zone, batch_size=batch_size)
    except KGError as exc:  # answered to every batch: the main process raises it
        failed = exc
    while (data := read_frame(source)) is not None:
        batch: list[Article] = pickle.loads(data)
        answer: list[Resolution] | KGError
        if parser is None:
            answer = failed or WorkerError("no pipeline")
        else:
            try:
                answer = list(parser.parse(batch))
            except Exception as exc:
                answer = WorkerError(
                    f"parsing {batch[0].source} (or one of the {len(batch) - 1} articles "
                    f"after it) failed: {type(exc).__name__}: {first_line(exc)}")
        write_frame(out, pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
