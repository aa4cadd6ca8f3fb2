"""Parameter validation shared by the models: a clear ValueError naming the parameter and the rule."""

from __future__ import annotations

__all__ = ["require"]


def require(condition: bool, message: str) -> None:
    """Raise ValueError with ``message`` unless ``condition`` holds."""
    if not condition:
        raise ValueError(message)
