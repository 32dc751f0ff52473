"""thucydides: turn news into political event data, coded in CAMEO and PLOVER."""

from thucydides.errors import ThucydidesError
from thucydides.models import (
    RECORD_VERSION,
    Actor,
    Article,
    Event,
    Place,
    Rejection,
    RejectionReason,
    Trigger,
)

__version__ = "0.1.0"
CODER_VERSION = "thucydides-0.1.0"

__all__ = [
    "CODER_VERSION",
    "RECORD_VERSION",
    "Actor",
    "Article",
    "Event",
    "Place",
    "Rejection",
    "RejectionReason",
    "ThucydidesError",
    "Trigger",
    "__version__",
]
