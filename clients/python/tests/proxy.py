"""
A TCP proxy in front of the real API that can take the service away: refuse
connections (the service is down) or pass requests on and lose the answers
(the service stored a report, the client never heard).
"""

from __future__ import annotations

import socket
import threading
from typing import List, Optional
from urllib.parse import urlsplit


class Proxy:
    def __init__(self, upstream_url: str) -> None:
        target = urlsplit(upstream_url)
        self.upstream = (target.hostname, target.port)
        self.mode = "forward"
        self.answers_to_drop = 0
        self.dropped = 0
        self._server: Optional[socket.socket] = None
        self._sockets: List[socket.socket] = []
        self._lock = threading.Lock()
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.url = f"http://127.0.0.1:{self.port}"
        self.up()

    def up(self) -> None:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(64)
        self._server = server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def down(self) -> None:
        """Connections refused from now on, and every open one cut."""
        server, self._server = self._server, None
        if server:
            # Closing alone leaves a blocked accept() listening; shutting it down wakes it.
            _close(server)
        with self._lock:
            for sock in self._sockets:
                _close(sock)
            self._sockets.clear()

    def drop_answers(self, count: int) -> None:
        """The next `count` answers are lost: the request reaches the API, the connection is cut."""
        self.answers_to_drop = count

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.upstream)
            except OSError:
                _close(client)
                continue
            with self._lock:
                self._sockets += [client, upstream]
            threading.Thread(target=self._pump, args=(client, upstream, False), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, True), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, answers: bool) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if answers and self.answers_to_drop > 0:
                    self.answers_to_drop -= 1
                    self.dropped += 1
                    break
                sink.sendall(data)
        except OSError:
            pass
        _close(source)
        _close(sink)


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
