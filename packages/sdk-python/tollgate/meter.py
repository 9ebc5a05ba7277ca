"""The pattern every app route repeats, in one line each (mirrors packages/sdk/src/meter.ts):

- known cost: charge first, then run the work (a refusal raises before the work runs):
  ``with tg.meter(model=..., quantity=1) as charge: ...`` or ``@tg.meter(model=..., quantity=1)``;
- unknown cost: hold an estimate, run, commit what was actually used, or release it all if the work
  raised (nothing charged): ``with tg.meter.hold(model=..., estimate={...}) as hold: hold.commit(...)``;
- a stream (an LLM's chunks): hold, pass the chunks through, commit the usage the last chunk
  reports: ``for chunk in tg.meter.stream(chunks, model=..., estimate={...}): ...``."""

import functools
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, Iterator, Mapping, Optional, Union

if TYPE_CHECKING:
    from .client import Tollgate

Usage = Union[int, Mapping[str, int]]

_USAGE_KEYS = {
    "quantity": "quantity",
    "input_tokens": "input_tokens",
    "output_tokens": "output_tokens",
    "inputTokens": "input_tokens",
    "outputTokens": "output_tokens",
}


def as_usage(usage: Usage) -> Dict[str, int]:
    """A quantity, or token counts in snake_case or the API's camelCase, as keyword arguments."""
    if isinstance(usage, bool) or not isinstance(usage, (int, Mapping)):
        raise TypeError("usage is a quantity (int) or a dict of quantity / input_tokens / output_tokens.")
    if isinstance(usage, int):
        return {"quantity": usage}
    unknown = set(usage) - set(_USAGE_KEYS)
    if unknown:
        raise TypeError(f"Unknown usage fields: {', '.join(sorted(unknown))}.")
    return {_USAGE_KEYS[k]: v for k, v in usage.items() if v is not None}


def openai_usage(chunk: Any) -> Optional[Dict[str, int]]:
    """OpenAI-style usage on a chunk (a dict, or an object like openai's ChatCompletionChunk)."""
    usage = chunk.get("usage") if isinstance(chunk, Mapping) else getattr(chunk, "usage", None)
    if usage is None:
        return None
    get = usage.get if isinstance(usage, Mapping) else lambda k: getattr(usage, k, None)
    prompt, completion = get("prompt_tokens"), get("completion_tokens")
    if not isinstance(prompt, int) or not isinstance(completion, int):
        return None
    return {"input_tokens": prompt, "output_tokens": completion}


class Metered:
    """One known-cost charge: a context manager (charges on entry, yields the charge) and a decorator
    (charges before every call of the function; a refusal raises and the function never runs)."""

    def __init__(self, client: "Tollgate", options: Dict[str, Any]) -> None:
        self._client = client
        self._options = options
        self.charge: Optional[Dict[str, Any]] = None

    def __enter__(self) -> Dict[str, Any]:
        self.charge = self._client.usage.create(**self._options)
        return self.charge

    def __exit__(self, *exc: Any) -> None:
        return None

    def __call__(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            self._client.usage.create(**self._options)
            return fn(*args, **kwargs)

        return wrapper


class Hold:
    """Held work: call commit(usage) with what it actually used; settled when the block ends."""

    def __init__(self, client: "Tollgate", model: str, estimate: Usage, ttl_seconds: Optional[int], metadata: Any) -> None:
        self._client = client
        self.model = model
        self.estimate = as_usage(estimate)
        self._ttl_seconds = ttl_seconds
        self._metadata = metadata
        self._usage: Optional[Dict[str, int]] = None
        self.reservation: Dict[str, Any] = {}
        #: The commit's answer once the block ended without an exception; the release's otherwise.
        self.result: Optional[Dict[str, Any]] = None

    @property
    def id(self) -> str:
        return self.reservation["id"]

    def commit(self, usage: Usage) -> None:
        """What the work actually used (a quantity or token counts), charged when the block ends."""
        self._usage = as_usage(usage)

    def __enter__(self) -> "Hold":
        self.reservation = self._client.reservations.create(
            model=self.model, ttl_seconds=self._ttl_seconds, **self.estimate
        )
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is not None:
            try:
                self.result = self._client.reservations.release(self.id)
            except Exception:
                pass  # The hold expires on its own; the work's error is the one worth raising.
            return None
        # Finished without commit(): the work was done, so its estimate is charged (as meter.stream).
        usage = self._usage if self._usage is not None else self.estimate
        self.result = self._client.reservations.commit(self.id, metadata=self._metadata, **usage)
        return None


class Meter:
    """tg.meter: ``tg.meter(model=..., quantity=...)``, ``tg.meter.hold(...)``, ``tg.meter.stream(...)``."""

    def __init__(self, client: "Tollgate") -> None:
        self._client = client

    def __call__(
        self,
        model: str,
        quantity: Optional[int] = None,
        input_tokens: Optional[int] = None,
        output_tokens: Optional[int] = None,
        idempotency_key: Optional[str] = None,
        metadata: Optional[Dict[str, Any]] = None,
    ) -> Metered:
        """Charge first, then run: a context manager yielding the charge, or a decorator."""
        return Metered(
            self._client,
            dict(
                model=model,
                quantity=quantity,
                input_tokens=input_tokens,
                output_tokens=output_tokens,
                idempotency_key=idempotency_key,
                metadata=metadata,
            ),
        )

    def hold(
        self,
        model: str,
        estimate: Usage,
        ttl_seconds: Optional[int] = None,
        metadata: Optional[Dict[str, Any]] = None,
    ) -> Hold:
        """Hold the estimate; commit the usage given to hold.commit() when the block ends (the estimate
        if none was given), or release everything if the block raises."""
        return Hold(self._client, model, estimate, ttl_seconds, metadata)

    def stream(
        self,
        start: Union[Iterable[Any], Callable[[Dict[str, Any]], Iterable[Any]]],
        model: str,
        estimate: Usage,
        ttl_seconds: Optional[int] = None,
        metadata: Optional[Dict[str, Any]] = None,
        usage_of: Callable[[Any], Optional[Mapping[str, int]]] = openai_usage,
    ) -> Iterator[Any]:
        """Hold the estimate, pass the chunks of `start` (an iterable, or a function of the reservation
        returning one) through, and commit the usage the last chunk reports. Settled on every way
        out: reported usage is charged; without it a finished stream is charged its estimate, a
        failed or abandoned one nothing."""
        held = as_usage(estimate)
        reservation = self._client.reservations.create(model=model, ttl_seconds=ttl_seconds, **held)
        usage: Optional[Dict[str, int]] = None
        failed = True
        try:
            chunks = start(reservation) if callable(start) else start
            for chunk in chunks:
                reported = usage_of(chunk)
                if reported:
                    usage = as_usage(reported)
                yield chunk
            failed = False
        finally:
            actual = usage if usage is not None else (None if failed else held)
            if actual is not None:
                self._client.reservations.commit(reservation["id"], metadata=metadata, **actual)
            else:
                try:
                    self._client.reservations.release(reservation["id"])
                except Exception:
                    pass
