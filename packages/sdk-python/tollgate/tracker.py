"""Fire-and-forget tracking for usage that must not slow the request down (mirrors
packages/sdk/src/tracker.ts): events queue in memory with their idempotency keys and go out through
usage.batch every `interval` seconds (a daemon thread) or at 100 events; flush() sends the rest and
runs at interpreter exit (atexit). A failed send keeps the events, with the same keys, for the next
flush, so nothing is charged twice. Refusals (402, 429, …) come back from flush() per event and go
to on_refused(items, events)."""

import atexit
import threading
import uuid
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional

if TYPE_CHECKING:
    from .client import Tollgate

MAX_BATCH = 100


class Tracker:
    def __init__(
        self,
        client: "Tollgate",
        interval: float = 1.0,
        on_refused: Optional[Callable[[List[Dict[str, Any]], List[Dict[str, Any]]], None]] = None,
    ) -> None:
        self._client = client
        self._interval = interval
        self._on_refused = on_refused
        self._queue: List[Dict[str, Any]] = []
        self._lock = threading.Lock()  # guards the queue and the timer
        self._sending = threading.Lock()  # one send at a time, in order
        self._timer: Optional[threading.Timer] = None
        atexit.register(self._flush_quietly)

    def track(
        self,
        model: str,
        quantity: Optional[int] = None,
        input_tokens: Optional[int] = None,
        output_tokens: Optional[int] = None,
        metadata: Optional[Dict[str, Any]] = None,
        idempotency_key: Optional[str] = None,
    ) -> None:
        """Queues one event, given its idempotency key now so that a resend is charged once."""
        event = dict(
            model=model,
            quantity=quantity,
            input_tokens=input_tokens,
            output_tokens=output_tokens,
            metadata=metadata,
            idempotency_key=idempotency_key or f"tg-sdk-{uuid.uuid4()}",
        )
        with self._lock:
            self._queue.append({k: v for k, v in event.items() if v is not None})
            full = len(self._queue) >= MAX_BATCH
            if not full and self._timer is None:
                self._timer = threading.Timer(self._interval, self._flush_quietly)
                self._timer.daemon = True
                self._timer.start()
        if full:
            threading.Thread(target=self._flush_quietly, daemon=True).start()

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._queue)

    def flush(self) -> List[Dict[str, Any]]:
        """Sends everything queued; returns every event's result. Raises (events kept) if it cannot send."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        results: List[Dict[str, Any]] = []
        with self._sending:
            while True:
                with self._lock:
                    events = self._queue[:MAX_BATCH]
                if not events:
                    return results
                items = self._client.usage.batch(events)["results"]
                with self._lock:
                    self._queue = self._queue[len(events):]
                results.extend(items)
                refused = [item for item in items if "error" in item]
                if refused and self._on_refused is not None:
                    self._on_refused(refused, events)

    def _flush_quietly(self) -> None:
        try:
            self.flush()
        except Exception:
            pass  # Kept for the next flush (or lost at exit when Tollgate cannot be reached).
