"""What the Python tests share: the server's address and the seeded keys (set by
test/python.test.ts), and a tiny stand-in in front of the server that can lose an answer."""

import http.server
import os
import threading
import urllib.error
import urllib.request
from typing import Dict, List, Optional

from tollgate import Tollgate

URL = os.environ["TOLLGATE_URL"]
STANDARD = "poster-editor:inpaint-standard"
CHAT = "chat:gpt-4o-mini"
LOCKED = "video-generator:veo-3"


def env(name: str) -> str:
    return os.environ[name]


def client(key_env: str = "TOLLGATE_API_KEY", **options) -> Tollgate:
    return Tollgate(api_key=env(key_env), base_url=URL, **options)


def balance(tg: Tollgate) -> int:
    return tg.me()["balance"]["millicredits"]


class FlakyProxy:
    """Forwards every request to Tollgate. Told to, it fails the next POST: "drop" lets Tollgate
    process it and then closes the connection without an answer (the answer is lost on the way
    back); "503" answers 503 with Retry-After: 1 without forwarding."""

    def __init__(self) -> None:
        self.fail_next: Optional[str] = None
        self.seen: List[Dict[str, Optional[str]]] = []
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                self._forward(None)

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                self._forward(self.rfile.read(length))

            def _forward(self, body: Optional[bytes]) -> None:
                proxy.seen.append({"path": self.path, "key": self.headers.get("idempotency-key")})
                mode, proxy.fail_next = (proxy.fail_next, None) if self.command == "POST" else (None, proxy.fail_next)
                if mode == "503":
                    payload = b'{"error":{"code":"provider_unavailable","message":"Down for a moment."}}'
                    self.send_response(503)
                    self.send_header("content-type", "application/json")
                    self.send_header("retry-after", "1")
                    self.send_header("content-length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length", "connection")}
                req = urllib.request.Request(URL + self.path, data=body, headers=headers, method=self.command)
                try:
                    with urllib.request.urlopen(req, timeout=30) as res:
                        status, answer, answer_headers = res.status, res.read(), res.headers
                except urllib.error.HTTPError as e:
                    status, answer, answer_headers = e.code, e.read(), e.headers
                if mode == "drop":
                    self.close_connection = True
                    return  # Tollgate did the work; the client never hears back.
                self.send_response(status)
                for k, v in answer_headers.items():
                    if k.lower() not in ("content-length", "connection", "transfer-encoding", "date", "server"):
                        self.send_header(k, v)
                self.send_header("content-length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
