"""The Tollgate v1 API for Python: the same surface and semantics as @tollgate/sdk (packages/sdk).

Requests take snake_case keyword arguments and send the API's camelCase fields; responses are the
API's JSON bodies as dicts, with the API's own (camelCase) keys, exactly as the API reference shows
them. Errors are typed (tollgate.errors) with snake_case attributes."""

import json
import os
import random
import socket
import time
import uuid
import http.client
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, Iterable, List, Mapping, Optional

from .errors import ConnectionError, TollgateError, error_from_response
from .meter import Meter
from .tracker import Tracker

# snake_case argument -> the API's field. Metadata and anything not listed pass through unchanged.
_FIELDS = {
    "input_tokens": "inputTokens",
    "output_tokens": "outputTokens",
    "idempotency_key": "idempotencyKey",
    "ttl_seconds": "ttlSeconds",
    "member_id": "memberId",
}

DEFAULT_BASE_URL = "http://localhost:3000"


def new_key() -> str:
    return f"tg-sdk-{uuid.uuid4()}"


def api_fields(values: Mapping[str, Any]) -> Dict[str, Any]:
    """Keyword arguments (or an event dict) as the API's body: camelCase names, None left out."""
    return {_FIELDS.get(k, k): v for k, v in values.items() if v is not None}


def _quote(value: str) -> str:
    return urllib.parse.quote(value, safe="")


class _Usage:
    def __init__(self, client: "Tollgate") -> None:
        self._client = client

    def create(
        self,
        model: str,
        quantity: Optional[int] = None,
        input_tokens: Optional[int] = None,
        output_tokens: Optional[int] = None,
        idempotency_key: Optional[str] = None,
        metadata: Optional[Dict[str, Any]] = None,
    ) -> Dict[str, Any]:
        """Check and charge one call. Charged once per idempotency key (generated when omitted)."""
        body = api_fields(
            dict(model=model, quantity=quantity, input_tokens=input_tokens, output_tokens=output_tokens, metadata=metadata)
        )
        return self._client.request(
            "POST", "/api/v1/usage", body, idempotency_key=idempotency_key or new_key()
        )

    def batch(self, events: Iterable[Mapping[str, Any]]) -> Dict[str, Any]:
        """Up to 100 events (dicts of create()'s arguments), each charged on its own; each gets an
        idempotency key if it has none, so a retried batch is charged once."""
        sent: List[Dict[str, Any]] = []
        for event in events:
            body = api_fields(event)
            body.setdefault("idempotencyKey", new_key())
            sent.append(body)
        return self._client.request("POST", "/api/v1/usage/batch", {"events": sent}, retry_safe=True)


class _Reservations:
    def __init__(self, client: "Tollgate") -> None:
        self._client = client

    def create(
        self,
        model: str,
        quantity: Optional[int] = None,
        input_tokens: Optional[int] = None,
        output_tokens: Optional[int] = None,
        ttl_seconds: Optional[int] = None,
    ) -> Dict[str, Any]:
        """Hold the estimated cost of a call whose real cost comes later."""
        body = api_fields(
            dict(model=model, quantity=quantity, input_tokens=input_tokens, output_tokens=output_tokens, ttl_seconds=ttl_seconds)
        )
        # A retried hold that had gone through is a second hold, never a charge: it expires unclaimed.
        return self._client.request("POST", "/api/v1/reservations", body, retry_safe=True)

    def commit(
        self,
        reservation_id: str,
        quantity: Optional[int] = None,
        input_tokens: Optional[int] = None,
        output_tokens: Optional[int] = None,
        metadata: Optional[Dict[str, Any]] = None,
    ) -> Dict[str, Any]:
        """Charge the actual usage; the rest of the hold comes back. A second commit is refused (409)."""
        body = api_fields(
            dict(quantity=quantity, input_tokens=input_tokens, output_tokens=output_tokens, metadata=metadata)
        )
        path = f"/api/v1/reservations/{_quote(reservation_id)}/commit"
        return self._client.request("POST", path, body, retry_safe=True)

    def release(self, reservation_id: str) -> Dict[str, Any]:
        """Give the whole hold back."""
        path = f"/api/v1/reservations/{_quote(reservation_id)}/release"
        return self._client.request("POST", path, {}, retry_safe=True)


class _Models:
    def __init__(self, client: "Tollgate") -> None:
        self._client = client

    def list(self) -> List[Dict[str, Any]]:
        """Every enabled model: allowed or not for the plan, the tier that unlocks it, its price."""
        return self._client.request("GET", "/api/v1/models")["data"]

    def retrieve(self, model_id: str) -> Dict[str, Any]:
        return self._client.request("GET", f"/api/v1/models/{_quote(model_id)}")


class _Entitlements:
    def __init__(self, client: "Tollgate") -> None:
        self._client = client

    def get(self, key: str) -> Dict[str, Any]:
        return self._client.request("GET", f"/api/v1/entitlements/{_quote(key)}")


class _Sessions:
    def __init__(self, client: "Tollgate") -> None:
        self._client = client

    def create(
        self, workspace_id: str, ttl_seconds: int = 3600, member_id: Optional[str] = None
    ) -> Dict[str, Any]:
        """Management API (admin key, tga_…): a read-only customer session token for an app's browser
        code, optionally scoped to one member of the workspace (its /me shows that member's cap)."""
        body = api_fields(dict(ttl_seconds=ttl_seconds, member_id=member_id))
        path = f"/api/v1/admin/workspaces/{_quote(workspace_id)}/sessions"
        return self._client.request("POST", path, body, retry_safe=True)


class Tollgate:
    """A client for Tollgate's v1 API. Every method returns the API's body (a dict) or raises a
    typed TollgateError.

    api_key: a workspace API key (tg_…), a customer session token (tgs_…, read-only) or an admin key
    (tga_…); default: the TOLLGATE_API_KEY environment variable. base_url: where Tollgate runs;
    default: TOLLGATE_URL, else http://localhost:3000. max_retries: retries after a dropped
    connection, a 5xx or a 429. timeout: seconds per attempt. max_retry_delay: the longest wait
    between retries in seconds; a longer Retry-After is not waited for.
    """

    def __init__(
        self,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        max_retries: int = 3,
        timeout: float = 30.0,
        max_retry_delay: float = 30.0,
    ) -> None:
        api_key = api_key or os.environ.get("TOLLGATE_API_KEY")
        if not api_key:
            raise ValueError("Tollgate: api_key is required (or set TOLLGATE_API_KEY).")
        self.api_key = api_key
        self.base_url = (base_url or os.environ.get("TOLLGATE_URL") or DEFAULT_BASE_URL).rstrip("/")
        self.max_retries = max_retries
        self.timeout = timeout
        self.max_retry_delay = max_retry_delay
        self.usage = _Usage(self)
        self.reservations = _Reservations(self)
        self.models = _Models(self)
        self.entitlements = _Entitlements(self)
        self.sessions = _Sessions(self)
        #: Charge first, then run (known cost); meter.hold / meter.stream for costs known only afterwards.
        self.meter = Meter(self)

    def me(self) -> Dict[str, Any]:
        """The calling workspace: plan, balance, credit buckets, runway, quota, rate limit, entitlements."""
        return self.request("GET", "/api/v1/me")

    def tracker(self, interval: float = 1.0, on_refused: Any = None) -> Tracker:
        """A queue for fire-and-forget usage: track(...), sent in batches; flushed at exit."""
        return Tracker(self, interval=interval, on_refused=on_refused)

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        idempotency_key: Optional[str] = None,
        retry_safe: bool = False,
    ) -> Any:
        """One call with retries: a dropped connection, a 5xx or a 429 is retried with the same
        Idempotency-Key, so a call the server did process is answered from its record and charged
        once. POSTs are retried only when they carry a key or cannot charge twice (retry_safe); any
        other 4xx is never retried."""
        retryable = method == "GET" or idempotency_key is not None or retry_safe
        headers = {"Authorization": f"Bearer {self.api_key}", "Accept": "application/json"}
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body).encode("utf-8")
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        attempt = 0
        while True:
            try:
                status, answer, answer_headers = self._send(method, path, data, headers)
            except (OSError, http.client.HTTPException, socket.timeout) as e:
                if retryable and attempt < self.max_retries:
                    time.sleep(self._backoff(attempt, None))
                    attempt += 1
                    continue
                raise ConnectionError(e) from e
            if 200 <= status < 300:
                return answer
            error = error_from_response(status, answer, answer_headers)
            wait = self._backoff(attempt, error)
            if retryable and attempt < self.max_retries and self._should_retry(error) and wait <= self.max_retry_delay:
                time.sleep(wait)
                attempt += 1
                continue
            raise error

    def _send(self, method: str, path: str, data: Optional[bytes], headers: Dict[str, str]):
        req = urllib.request.Request(f"{self.base_url}{path}", data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as res:
                return res.status, _json(res.read()), dict(res.headers.items())
        except urllib.error.HTTPError as e:
            with e:
                return e.code, _json(e.read()), dict(e.headers.items())

    @staticmethod
    def _should_retry(error: TollgateError) -> bool:
        # A quota that resets at midnight is not worth waiting for; a busy minute or an outage is.
        return error.status >= 500 or error.code == "rate_limited"

    @staticmethod
    def _backoff(attempt: int, error: Optional[TollgateError]) -> float:
        """Retry-After when the server gave one, else 0.25 s doubling with jitter."""
        after = error.retry_after if error is not None else None
        if after is not None:
            return after
        return 0.25 * 2**attempt * (0.75 + random.random() / 2)


def _json(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8")) if raw else None
    except ValueError:
        return None
