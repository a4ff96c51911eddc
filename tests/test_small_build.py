"""The fixed costs a small build no longer waits for: the store opened on a thread while
the build imports its modules, the last flush on a thread while it validates and writes its
files; errors still reach the caller."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from kg.api import _Opening
from kg.store import Store, StoreError

QUAD = ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"),
               ox.Literal("x"), ox.NamedNode("https://example.org/g"))


def test_small_build_flush_on_a_thread_is_written_and_waited_for(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    store.ox.add(QUAD)
    store.flush(wait=False)
    assert store._flushing is not None
    assert len(list(store.ox.quads_for_pattern(None, None, None, None))) == 1  # reads go on
    store.close()
    assert store._flushing is None
    again = Store(tmp_path / "store", read_only=True)
    assert list(again.ox.quads_for_pattern(None, None, None, None)) == [QUAD]


class _FailingFlush:
    """An Oxigraph store whose flush fails (a full disk)."""

    def __init__(self, real: ox.Store) -> None:
        self.real = real

    def flush(self) -> None:
        raise OSError(28, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def test_small_build_a_failed_flush_is_raised_and_the_store_released(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    store.ox = _FailingFlush(store.ox)  # type: ignore[assignment]
    store.flush(wait=False)
    with pytest.raises(StoreError, match="No space left on device") as caught:
        store.close()
    assert str(tmp_path / "store") in str(caught.value)
    assert isinstance(store.ox, ox.Store) and len(store.ox) == 0  # our handle is dropped
    del caught  # its traceback holds the failing handle, as an uncaught error would not
    gc.collect()
    Store(tmp_path / "store").close()  # the lock was released


def test_small_build_opening_on_a_thread_raises_in_the_caller(tmp_path: Path) -> None:
    held = Store(tmp_path / "store")
    try:
        with pytest.raises(StoreError, match="in use by another kg command"):
            _Opening(tmp_path / "store").result()
    finally:
        held.close()
    with pytest.raises(StoreError, match="ftp:// is not supported"):
        _Opening("ftp://example.org/store").result()
    opened = _Opening(tmp_path / "store").result()
    assert isinstance(opened, Store) and opened.path == tmp_path / "store"
    opened.close()
    assert isinstance(_Opening(None).result(), Store)
