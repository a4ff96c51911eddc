"""Serve a store folder over HTTP: a SPARQL 1.1 Protocol endpoint run by the Oxigraph server.

The server is the ``oxigraph`` command from PyPI (``pip install 'oxigraph>=0.5,<0.6'``, the
same storage format as pyoxigraph 0.5); its executable lies next to the Python interpreter
of the virtual environment, or on ``PATH``.  :func:`serve` runs::

    oxigraph serve-read-only --location DIR --bind 127.0.0.1:PRIVATE --timeout-s 30

and waits until it answers; clients talk to a :class:`kg.gateway.Gateway` on the port asked
for, which refuses ``SERVICE``, declares our prefixes and bounds answers and idle clients.
The endpoint (Oxigraph's layout) is ``/query`` for SPARQL
queries (GET ``?query=`` or POST), ``/update`` for SPARQL updates and ``/store`` for the
Graph Store Protocol; read-only mode refuses updates and writes with a 4xx status.  A query
without ``GRAPH`` reads the default graph, which a kg store keeps as the merge of every
article's named graph, as ``kg query`` does (``union_default_graph`` makes Oxigraph read
all graphs as a multiset instead, for stores written by other tools).

Only one process at a time may open a store folder for writing (Oxigraph locks it), so a
writable server (``read_only=False``) needs the build to be finished and its process to
have let the store go (``KnowledgeGraph.close()``).  A read-only server takes no lock: it
opens a folder that another process holds open, and sees the data as it was when it
started; but Oxigraph calls reading while another process writes undefined behaviour, so
serve a store after ``kg build`` has finished, not during it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from kg.gateway import Gateway
from kg.model import KGError

__all__ = ["OxigraphServer", "ServeError", "find_oxigraph", "run_server", "serve",
           "wait_ready"]

INSTALL_HINT = "pip install 'oxigraph>=0.5,<0.6'"


class ServeError(KGError):
    """The SPARQL server cannot be started or did not answer."""


def find_oxigraph(executable: str | Path | None = None) -> Path:
    """The ``oxigraph`` server executable: ``executable`` when given, else the one beside
    this Python (the virtual environment's ``bin/``), else the one on ``PATH``."""
    if executable is not None:
        path = Path(executable)
        if not (path.is_file() and os.access(path, os.X_OK)):
            raise ServeError(f"{path}: no oxigraph executable there ({INSTALL_HINT})")
        return path
    name = "oxigraph.exe" if sys.platform == "win32" else "oxigraph"
    beside = Path(sys.executable).parent / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which("oxigraph")
    if found is None:
        raise ServeError(f"the oxigraph server is not installed ({INSTALL_HINT})")
    return Path(found)


def _check_store(store_dir: Path, read_only: bool) -> None:
    if store_dir.exists() and not store_dir.is_dir():
        raise ServeError(f"{store_dir}: not a folder (give the folder of kg build --store)")
    if read_only:
        if not store_dir.is_dir():
            raise ServeError(f"{store_dir}: no such store folder")
        if not (store_dir / "CURRENT").is_file():
            raise ServeError(f"{store_dir}: not an Oxigraph store "
                             "(make one with kg build --store)")
    elif store_dir.is_dir() and any(store_dir.iterdir()) \
            and not (store_dir / "CURRENT").is_file():
        raise ServeError(f"{store_dir}: not an Oxigraph store and not empty; "
                         "refusing to write into it")


def _check_port(host: str, port: int) -> None:
    """Fail early when ``host:port`` cannot be bound: else the readiness probe could be
    answered by whatever already listens there."""
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ServeError(f"{host}: unknown host ({exc.strerror})") from exc
    for family, kind, proto, _, address in addresses:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
            try:
                probe.bind(address)
            except OSError as exc:
                if exc.errno == errno.EADDRINUSE:
                    raise ServeError(f"{host}:{port} is already in use; "
                                     "choose another port") from exc
                raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc


def _probe(url: str) -> bool:
    """True once anything answers HTTP at ``url`` (an error status counts: it is up)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"{url}/query", timeout=0.5):
            return True
    except urllib.error.HTTPError:
        return True
    except (urllib.error.URLError, OSError):
        return False


def wait_ready(url: str, timeout: float = 10.0, *,
               process: subprocess.Popen[bytes] | None = None) -> None:
    """Wait until the server at ``url`` answers HTTP; raises :class:`ServeError` when it
    does not within ``timeout`` seconds, or when ``process`` exits first."""
    deadline = time.monotonic() + timeout
    while True:
        if process is not None and process.poll() is not None:
            raise ServeError(f"the server exited with code {process.returncode}")
        if _probe(url):
            return
        if time.monotonic() > deadline:
            raise ServeError(f"{url}: the server did not answer within {timeout:g} s")
        time.sleep(0.05)


class OxigraphServer(subprocess.Popen[bytes]):
    """A running ``oxigraph`` server behind its :class:`~kg.gateway.Gateway`: a
    :class:`subprocess.Popen` with the gateway's ``url`` and a :meth:`stop` that ends both.
    A thread keeps the last lines of its stderr (no file)."""

    url: str
    store_dir: Path
    lines: deque[str]
    gateway: Gateway | None = None
    _reader: threading.Thread

    def _start_reading(self) -> None:
        self.lines = deque(maxlen=50)
        self._reader = threading.Thread(target=self._drain, daemon=True,
                                        name=f"oxigraph-{self.pid}-stderr")
        self._reader.start()

    def _drain(self) -> None:
        assert self.stderr is not None
        for raw in self.stderr:
            self.lines.append(raw.decode("utf-8", "replace").rstrip())

    def error_line(self) -> str:
        """The server's own error message (its first ``Error:`` line), if it printed one."""
        if self.poll() is not None:
            self._reader.join(2.0)  # its output ends with it: read to the end
        # "Listening for requests at ..." is its start-up line, never the cause of an end
        lines = [ln for ln in self.lines if ln.strip() and not ln.startswith("Listening")]
        errors = [ln.strip() for ln in lines if ln.startswith("Error")]
        return errors[0] if errors else (lines[0].strip() if lines else "")

    def stop(self, timeout: float = 5.0) -> int:
        """End the gateway and the server (SIGTERM, then SIGKILL after ``timeout`` s);
        returns the server's code."""
        if self.gateway is not None:
            self.gateway.stop()
        if self.poll() is None:
            self.terminate()
            try:
                self.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()
                self.wait()
        self._reader.join(2.0)
        if self.stderr is not None and not self._reader.is_alive():
            self.stderr.close()
        return self.returncode


def _explain(server: OxigraphServer, host: str, port: int) -> ServeError:
    line = server.error_line()
    if "Address already in use" in line:
        return ServeError(f"{host}:{port} is already in use; choose another port")
    if "LOCK" in line:
        return ServeError(f"{server.store_dir}: the store is open in another process "
                          "(is a build still running?)")
    if "CURRENT" in line:
        return ServeError(f"{server.store_dir}: not an Oxigraph store")
    return ServeError(f"oxigraph could not start: {line or 'no message'} "
                      f"(exit code {server.returncode})")


def _private_port() -> int:
    """A free port on the loopback interface, for the server behind the gateway."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(store_dir: str | Path, *, host: str = "127.0.0.1", port: int = 7878,
          read_only: bool = True, union_default_graph: bool = False, timeout: float = 10.0,
          executable: str | Path | None = None, query_timeout: float = 30.0,
          allow_service: bool = False, max_result_bytes: int = 64 * 2**20
          ) -> OxigraphServer:
    """Start an Oxigraph SPARQL server on the store folder ``store_dir`` behind a
    :class:`~kg.gateway.Gateway` and wait until it answers at ``http://host:port``
    (``.url``).  Read-only unless ``read_only=False`` (a writable server creates the store
    when the folder is missing or empty).  Queries stop after ``query_timeout`` seconds;
    ``SERVICE`` is refused unless ``allow_service``; an answer over ``max_result_bytes`` is
    refused; our prefixes are predeclared.  The caller ends it with ``.stop()``.  Raises
    :class:`ServeError` when the folder is not a store, the port is taken, the store is
    locked or the executable is missing.
    """
    path = Path(store_dir)
    exe = find_oxigraph(executable)
    _check_store(path, read_only)
    if not 0 < port < 65536:
        raise ServeError(f"port {port}: choose a port between 1 and 65535")
    if not query_timeout > 0:
        raise ServeError(f"timeout {query_timeout:g}: give a number of seconds above 0")
    _check_port(host, port)
    if not read_only:
        path.mkdir(parents=True, exist_ok=True)
    address = f"[{host}]" if ":" in host else host
    inner = _private_port()
    cmd = [str(exe), "serve-read-only" if read_only else "serve", "--location", str(path),
           "--bind", f"127.0.0.1:{inner}", "--timeout-s", f"{max(1, round(query_timeout))}"]
    if union_default_graph:
        cmd.append("--union-default-graph")
    try:
        server = OxigraphServer(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
    except OSError as exc:
        raise ServeError(f"{exe}: cannot run oxigraph: {exc}") from exc
    server.url, server.store_dir = f"http://127.0.0.1:{inner}", path
    server._start_reading()
    try:
        wait_ready(server.url, timeout, process=server)
        if server.poll() is not None:  # something else answered: not our server
            raise ServeError(f"the server exited with code {server.returncode}")
        try:
            server.gateway = Gateway((host, port), ("127.0.0.1", inner),
                                     allow_service=allow_service,
                                     query_timeout=query_timeout,
                                     max_result_bytes=max_result_bytes)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ServeError(f"{host}:{port} is already in use; choose another port"
                                 ) from exc
            raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}"
                             ) from exc
        server.gateway.start()
        server.url = f"http://{address}:{port}"
    except ServeError as exc:
        exited = server.poll() is not None
        problem = _explain(server, host, port) if exited else exc
        server.stop()
        raise problem from None
    except BaseException:  # KeyboardInterrupt while waiting: do not leave it running
        server.stop()
        raise
    return server


def run_server(store_dir: str | Path, *, host: str = "127.0.0.1", port: int = 7878,
               read_only: bool = True, union_default_graph: bool = False,
               on_ready: Callable[[str], None] | None = None,
               executable: str | Path | None = None, query_timeout: float = 30.0,
               allow_service: bool = False, max_result_bytes: int = 64 * 2**20) -> int:
    """Serve ``store_dir`` until SIGINT or SIGTERM (forwarded to the server); for the CLI.

    ``on_ready`` is called with the base URL once the server answers.  Returns 0 after a
    stop by signal; raises :class:`ServeError` when the server cannot start or fails.
    """
    running: list[OxigraphServer] = []
    stopping = False

    def forward(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True
        for server in running:
            with contextlib.suppress(ProcessLookupError):
                server.send_signal(signum)

    previous: dict[int, Callable[[int, FrameType | None], object] | int | None] = {}
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous[signum] = signal.signal(signum, forward)
    try:
        server = serve(store_dir, host=host, port=port, read_only=read_only,
                       union_default_graph=union_default_graph, executable=executable,
                       query_timeout=query_timeout, allow_service=allow_service,
                       max_result_bytes=max_result_bytes)
        running.append(server)
        if stopping:  # a signal came while the server was starting
            server.stop()
            return 0
        if on_ready is not None:
            on_ready(server.url)
        code = server.wait()
        failure = "" if stopping else server.error_line()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for server in running:
            server.stop()
    if stopping:
        return 0
    raise ServeError(f"the server stopped unexpectedly (exit code {code})"
                     + (f": {failure}" if failure else ""))
