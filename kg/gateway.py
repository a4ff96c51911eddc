"""The front door of ``kg serve``: an HTTP gateway before the Oxigraph server.

Oxigraph's server answers any SPARQL it is sent.  The gateway is what the client talks to;
it passes each request on to an Oxigraph server listening on a private loopback port and
adds what an endpoint open to a browser on the same machine needs:

- federated queries (``SERVICE <http://...>``) are refused with HTTP 403, unless allowed:
  else any web page could make the endpoint fetch an address of its choosing with a plain
  GET to localhost and read the answer back through it;
- the project's prefixes (``dip:``, ``dipr:``, ``prov:``, ``rdfs:``, ``skos:`` ...) are
  declared for every query and update that does not declare them itself, as ``kg query``
  predeclares them;
- an answer larger than ``max_result_bytes`` is refused (HTTP 507) instead of being sent;
  the Oxigraph server itself stops a query after its timeout (``--timeout-s``);
- a client that opens a connection and sends nothing (or half a request) is dropped after
  ``client_timeout`` seconds, on its own thread: it never holds up the other clients, and
  Oxigraph sees only whole requests.

The gateway reads the request, checks it, and forwards it (method, path, body,
``Content-Type`` and ``Accept``) over a fresh connection; the answer is relayed with its
status and media type.
"""

from __future__ import annotations

import contextlib
import http.client
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from kg.store import PREFIXES

__all__ = ["SERVICE_REFUSED", "Gateway", "uses_service", "with_prefixes"]

SERVICE_REFUSED = ("SERVICE (a federated query) is refused: this endpoint fetches nothing "
                   "from other addresses (start kg serve with --allow-service to allow it)")

GRACE = 2.0
"""Seconds past the query timeout before the gateway answers 504 itself."""
CANCELLED = b"The SPARQL operation has been cancelled"
"""How Oxigraph ends an answer it had begun to stream when the timeout struck."""

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKENS = re.compile(r'''
    "{3}(?:[^"\\]|\\.|"(?!""))*"{3} | '{3}(?:[^'\\]|\\.|'(?!''))*'{3}   # long strings
  | "(?:[^"\\\n]|\\.)*" | '(?:[^'\\\n]|\\.)*'                            # strings
  | <[^<>"{}|^`\\\x00-\x20]*>                                           # IRIs
  | \#[^\n]*                                                            # comments
  | (?P<service>(?<![\w?$:])SERVICE\b)                                  # the keyword
''', re.IGNORECASE | re.VERBOSE | re.DOTALL)
_DECLARED = re.compile(r"(?i)\bPREFIX\s+([\w.-]*):")


def uses_service(sparql: str) -> bool:
    """True when the SPARQL text has a ``SERVICE`` clause (outside strings, IRIs and
    comments; codepoint escapes such as ``\\u0053`` are read as SPARQL reads them).

    >>> uses_service("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT ?service WHERE { ?s ex:service "SERVICE" } # SERVICE')
    False
    """
    text = _ESCAPE.sub(lambda m: chr(int(m[1] or m[2], 16)) if int(m[1] or m[2], 16)
                       < 0x110000 else m[0], sparql)
    return any(m["service"] for m in _TOKENS.finditer(text))


def with_prefixes(sparql: str, prefixes: Mapping[str, str] = PREFIXES) -> str:
    """``sparql`` with a ``PREFIX`` declaration for each of ``prefixes`` it does not
    declare, put before its first line (on that line, so the server's line numbers in
    error messages stay the query's)."""
    declared = set(_DECLARED.findall(sparql))
    lines = [f"PREFIX {p}: <{iri}> " for p, iri in prefixes.items() if p not in declared]
    return "".join([*lines, sparql])


class Gateway(ThreadingHTTPServer):
    """Serve on ``address``, passing checked requests on to ``upstream`` (host, port)."""

    daemon_threads = True
    request_queue_size = 1024

    def __init__(self, address: tuple[str, int], upstream: tuple[str, int], *,
                 allow_service: bool = False, query_timeout: float = 30.0,
                 max_result_bytes: int = 64 * 2**20, max_request_bytes: int = 256 * 2**20,
                 client_timeout: float = 10.0) -> None:
        self.upstream = upstream
        self.allow_service = allow_service
        self.query_timeout = query_timeout
        self.max_result_bytes = max_result_bytes
        self.max_request_bytes = max_request_bytes
        self.client_timeout = client_timeout
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)
        self.thread = threading.Thread(target=self.serve_forever, daemon=True,
                                       name=f"kg-gateway-{self.server_address[1]}")

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        if self.thread.is_alive():
            self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: Gateway
    server_version = "kg-serve"

    def setup(self) -> None:
        super().setup()
        self.connection.settimeout(self.server.client_timeout)  # half-open clients go

    def log_message(self, format: str, *args: object) -> None:
        pass  # no log on stderr: kg serve prints only its own lines

    def _fail(self, status: int, message: str) -> None:
        body = (message + "\n").encode("utf-8")
        with contextlib.suppress(OSError):
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)

    def _relay(self) -> None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return self._fail(400, "bad Content-Length")
        if length < 0 or length > self.server.max_request_bytes:
            return self._fail(413, f"request body over {self.server.max_request_bytes:,} bytes")
        try:
            body = self.rfile.read(length) if length else b""
        except OSError:
            return None  # the client went away (or sent half a request and stalled)
        parts = urllib.parse.urlsplit(self.path)
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            path, body = self._checked(parts, kind, body)
        except _Refused as refused:
            return self._fail(refused.status, str(refused))
        headers = {"Content-Length": str(len(body))}
        for name in ("Content-Type", "Accept"):
            if self.headers.get(name):
                headers[name] = self.headers[name]
        limit = self.server.query_timeout + GRACE
        upstream = http.client.HTTPConnection(*self.server.upstream, timeout=limit)
        expired = threading.Event()

        def expire() -> None:  # Oxigraph may notice its own timeout late: answer in time
            expired.set()
            if upstream.sock is not None:
                with contextlib.suppress(OSError):
                    upstream.sock.shutdown(socket.SHUT_RDWR)

        timer = threading.Timer(limit, expire)
        timer.daemon = True
        timer.start()
        started = time.monotonic()
        try:
            upstream.request(self.command, path, body=body or None, headers=headers)
            answer = upstream.getresponse()
            data = answer.read(self.server.max_result_bytes + 1)
        except (OSError, http.client.HTTPException) as exc:
            if expired.is_set() or time.monotonic() - started >= self.server.query_timeout:
                return self._fail(504, self._late())  # Oxigraph hung up on a stopped query
            return self._fail(502, f"the SPARQL server did not answer: {exc}")
        finally:
            timer.cancel()
            upstream.close()
        if expired.is_set() or data.rstrip().endswith(CANCELLED):  # cut off mid-answer
            return self._fail(504, self._late())
        if len(data) > self.server.max_result_bytes:
            return self._fail(507, f"the answer is larger than "
                                   f"{self.server.max_result_bytes:,} bytes: ask for "
                                   "less (LIMIT) or raise kg serve --max-result-mb")
        with contextlib.suppress(OSError):
            self.send_response(answer.status)
            for name in ("Content-Type", "Location", "Allow"):
                if answer.getheader(name):
                    self.send_header(name, answer.getheader(name) or "")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)
        return None

    def _late(self) -> str:
        return (f"the query ran over {self.server.query_timeout:g} s and was stopped "
                "(kg serve --timeout)")

    def _checked(self, parts: urllib.parse.SplitResult, kind: str, body: bytes
                 ) -> tuple[str, bytes]:
        """The path and body to forward: SPARQL checked, our prefixes declared."""
        field = {"/query": "query", "/update": "update"}.get(parts.path)
        if field is None:
            return self.path, body
        params = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        query = [(k, self._sparql(v) if k == field else v) for k, v in params]
        path = urllib.parse.urlunsplit(("", "", parts.path, urllib.parse.urlencode(query), ""))
        if kind == "application/x-www-form-urlencoded":
            try:
                form = urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True,
                                              strict_parsing=False)
            except UnicodeDecodeError:
                raise _Refused(400, "the form is not UTF-8") from None
            body = urllib.parse.urlencode(
                [(k, self._sparql(v) if k == field else v) for k, v in form]).encode()
        elif kind in ("application/sparql-query", "application/sparql-update") and body:
            try:
                body = self._sparql(body.decode("utf-8")).encode("utf-8")
            except UnicodeDecodeError:
                raise _Refused(400, "the SPARQL text is not UTF-8") from None
        return path, body

    def _sparql(self, text: str) -> str:
        if not self.server.allow_service and uses_service(text):
            raise _Refused(403, SERVICE_REFUSED)
        return with_prefixes(text)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _relay


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
