"""The Dask engine: parsing and extraction on a Dask cluster, the rest on the driver.

Articles travel to the workers in small batches; each worker builds its own spaCy pipeline
once and sends back the resolved dataclasses (no Docs).  The driver keeps a bounded window
of batches in flight and takes the results back in input order, so the people linking and
the graphs that follow are exactly those of the local engine.  Workers need diplomacy-kg
installed (the same version as the driver).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from functools import cache
from itertools import islice
from typing import Any

from spacy.language import Language

from kg.model import Article, KGError, Resolution
from kg.nlp import make_nlp
from kg.parse import parse

BATCH = 32
"""Articles per task."""

CONNECT_TIMEOUT = "10s"
"""How long to wait for a remote scheduler."""


class DaskError(KGError):
    """The Dask cluster could not be reached or a task failed."""


@cache
def _worker_nlp(model: str | None) -> Language:
    """One pipeline per worker process, built on its first task."""
    return make_nlp(model)


def parse_batch(articles: list[Article], model: str | None, batch_size: int
                ) -> list[Resolution]:
    """A worker's task: parse, extract and resolve a batch of articles."""
    nlp = _worker_nlp(model)
    # the first batch warms the caches; later ones forget the words they add (a worker
    # may parse millions of articles).  One zone per task, not kg.parse.ZonedParser's zones
    # across batches: a Dask worker may run tasks on several threads, and no zone may be
    # left open between them
    with nlp.memory_zone() if model in _warm else nullcontext():
        out = list(parse(nlp, articles, batch_size=batch_size))
    _warm.add(model)
    return out


_warm: set[str | None] = set()


def _client(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise DaskError("the dask engine needs dask and distributed: "
                        "pip install 'diplomacy-kg[dask]'") from exc
    try:
        if scheduler:
            return Client(scheduler, timeout=CONNECT_TIMEOUT), None  # type: ignore[no-untyped-call]
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                               processes=True, host="127.0.0.1",
                               dashboard_address=None)  # type: ignore[no-untyped-call]
        return Client(cluster), cluster  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise DaskError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: "
                        f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
                        ) from exc


def dask_resolutions(articles: Iterable[Article], *, model: str | None = None,
                     scheduler: str | None = None, workers: int = 2, batch_size: int = BATCH,
                     window: int | None = None) -> Iterator[Resolution]:
    """Resolutions of ``articles`` computed on a Dask cluster, in input order.

    At most ``window`` batches (default: two per worker) are in flight, so the driver's
    memory stays bounded however many articles there are.
    """
    client, cluster = _client(scheduler, workers)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        limit = window or 2 * n_workers
        pending: deque[Any] = deque()
        stream = iter(articles)
        while True:
            batch = list(islice(stream, batch_size))
            if batch:
                pending.append(client.submit(parse_batch, batch, model, batch_size,
                                             pure=False))
            if pending and (len(pending) >= limit or not batch):
                try:
                    yield from pending.popleft().result()
                except KGError:
                    raise
                except Exception as exc:
                    raise DaskError(f"a Dask task failed: {type(exc).__name__}: "
                                    f"{str(exc).splitlines()[0] if str(exc) else ''}"
                                    ) from exc
            if not batch and not pending:
                break
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
