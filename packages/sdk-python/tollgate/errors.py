"""Every refusal of the Tollgate API as a typed error (the API's closed list of codes), so an app can
say what the user can do: buy credits, upgrade, wait. Unknown codes stay TollgateError.

Mirrors packages/sdk/src/errors.ts: the same classes, the same codes, attributes in snake_case."""

from typing import Any, Dict, Mapping, Optional


class TollgateError(Exception):
    """A refusal or failure of a Tollgate call.

    code: the API's error code (e.g. "insufficient_credits"); "connection_error" when no answer came.
    status: the HTTP status; 0 when no answer came back.
    message: the API's message. request_id: X-Request-Id when the server sent one, for support.
    body: the whole error body, details included ({"error": {"code", "message", ...}}).
    """

    def __init__(
        self,
        code: str,
        status: int,
        message: str,
        request_id: Optional[str] = None,
        body: Optional[Dict[str, Any]] = None,
        headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.status = status
        self.message = message
        self.request_id = request_id
        self.body = body if body is not None else {"error": {"code": code, "message": message}}
        self.headers: Dict[str, str] = {k.lower(): v for k, v in (headers or {}).items()}

    def _detail(self, key: str, fallback: Any = None) -> Any:
        value = (self.body.get("error") or {}).get(key)
        return fallback if value is None else value

    @property
    def retry_after(self) -> Optional[float]:
        """Seconds the server asked to wait (Retry-After), or None."""
        raw = self.headers.get("retry-after")
        try:
            value = float(raw) if raw else None
        except ValueError:
            return None
        return value if value is not None and value >= 0 else None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, status={self.status}, message={self.message!r})"


class AuthenticationError(TollgateError):
    """401 invalid_api_key: missing, unknown, revoked or expired key (or a session token where none is accepted)."""


class ValidationError(TollgateError):
    """400 invalid_request: the body failed validation; `issues` says where."""

    @property
    def issues(self) -> list:
        return self._detail("issues", [])


class InsufficientCreditsError(TollgateError):
    """402 insufficient_credits: the balance cannot cover the call."""

    @property
    def required_millicredits(self) -> int:
        return self._detail("requiredMillicredits", 0)

    @property
    def balance_millicredits(self) -> int:
        return self._detail("balanceMillicredits", 0)

    @property
    def buy_credits_url(self) -> Optional[str]:
        """Where the user buys credits (absolute URL)."""
        return self._detail("buyCreditsUrl")


class SpendCapReachedError(TollgateError):
    """402 spend_cap_reached: the key's or team member's monthly cap would be exceeded."""

    @property
    def cap_millicredits(self) -> int:
        return self._detail("capMillicredits", 0)

    @property
    def spent_millicredits(self) -> int:
        return self._detail("spentMillicredits", 0)

    @property
    def resets_at(self) -> Optional[str]:
        return self._detail("resetsAt")


class ModelNotAllowedError(TollgateError):
    """403 model_not_allowed: the plan lacks the model; `required_tier` unlocks it."""

    @property
    def required_tier(self) -> Optional[str]:
        return self._detail("requiredTier")

    @property
    def upgrade_url(self) -> Optional[str]:
        return self._detail("upgradeUrl")


class WorkspaceSuspendedError(TollgateError):
    """403 workspace_suspended."""


class ModelNotFoundError(TollgateError):
    """404 model_not_found: unknown or disabled model."""


class NotFoundError(TollgateError):
    """404 not_found: an unknown reservation, workspace, member or path."""


class ConflictError(TollgateError):
    """409: the idempotency key was used with another body, or the reservation is already settled or expired."""


class QuotaExceededError(TollgateError):
    """429 quota_exceeded: the daily quota is used up until `resets_at`."""

    @property
    def resets_at(self) -> Optional[str]:
        return self._detail("resetsAt")

    @property
    def upgrade_url(self) -> Optional[str]:
        return self._detail("upgradeUrl")


class RateLimitedError(TollgateError):
    """429 rate_limited: the per-minute limit; retry after `retry_after` seconds."""


class ConnectionError(TollgateError):  # noqa: A001 - the TS SDK's name; builtins stay reachable as builtins.ConnectionError
    """No answer: the network failed (after the retries). Safe to retry with the same idempotency key."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__("connection_error", 0, f"Tollgate could not be reached: {cause}")
        self.cause = cause


BY_CODE = {
    "invalid_api_key": AuthenticationError,
    "invalid_request": ValidationError,
    "insufficient_credits": InsufficientCreditsError,
    "spend_cap_reached": SpendCapReachedError,
    "model_not_allowed": ModelNotAllowedError,
    "workspace_suspended": WorkspaceSuspendedError,
    "model_not_found": ModelNotFoundError,
    "not_found": NotFoundError,
    "idempotency_key_reused": ConflictError,
    "reservation_expired": ConflictError,
    "reservation_settled": ConflictError,
    "quota_exceeded": QuotaExceededError,
    "rate_limited": RateLimitedError,
}


def error_from_response(status: int, body: Any, headers: Mapping[str, str]) -> TollgateError:
    """The typed error for an error answer (a body that is not the API's shape becomes http_<status>)."""
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict) or not isinstance(error.get("code"), str):
        error = {"code": f"http_{status}", "message": f"Tollgate answered with status {status}."}
        body = {"error": error}
    cls = BY_CODE.get(error["code"], TollgateError)
    lowered = {k.lower(): v for k, v in headers.items()}
    return cls(
        error["code"],
        status,
        str(error.get("message", "")),
        request_id=lowered.get("x-request-id"),
        body=body,
        headers=lowered,
    )
