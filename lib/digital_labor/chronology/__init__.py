"""What happened after the essay, for chapters 1, 2 and 4: a dated table of events, one page each."""

from .data import events, events_table

__all__ = ["events", "events_table"]
