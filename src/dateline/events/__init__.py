"""The events stage: PLOVER/CAMEO event coding with actors, places, dates, status and background."""
from dateline.events.find import find_events

__all__ = ["find_events"]
