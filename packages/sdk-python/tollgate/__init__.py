"""Tollgate's Python SDK: metering, reservations, typed refusals and safe retries (standard library only)."""

from .client import Tollgate
from .errors import (
    AuthenticationError,
    ConflictError,
    ConnectionError,
    InsufficientCreditsError,
    ModelNotAllowedError,
    ModelNotFoundError,
    NotFoundError,
    QuotaExceededError,
    RateLimitedError,
    SpendCapReachedError,
    TollgateError,
    ValidationError,
    WorkspaceSuspendedError,
)
from .meter import Hold, Meter, Metered, openai_usage
from .tracker import Tracker

__version__ = "0.1.0"

__all__ = [
    "Tollgate",
    "TollgateError",
    "AuthenticationError",
    "ConflictError",
    "ConnectionError",
    "InsufficientCreditsError",
    "ModelNotAllowedError",
    "ModelNotFoundError",
    "NotFoundError",
    "QuotaExceededError",
    "RateLimitedError",
    "SpendCapReachedError",
    "ValidationError",
    "WorkspaceSuspendedError",
    "Hold",
    "Meter",
    "Metered",
    "Tracker",
    "openai_usage",
]
