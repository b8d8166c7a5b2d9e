"""The time stage: TIMEX3 extraction and normalisation, publication-date inference, and the
anchoring API that tells the event stage when an event happened."""
from dateline.timex.api import TimeResult, anchor_event, find_times

__all__ = ["TimeResult", "anchor_event", "find_times"]
