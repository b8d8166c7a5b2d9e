"""CAMEO actor codes for export: country code plus agent code ("USAGOV", "RUSMIL", "IGOWSTNAT").

PLOVER sectors map to CAMEO agent codes through ``sector_codes.tsv`` (PLOVER renamed two:
CAMEO MED "media" is PLOVER JRN, CAMEO HLH "health" is PLOVER MED).
"""
from __future__ import annotations

from dateline.actors.lexicon import load_lexicon


def cameo_code(kind: str, country: str | None, sector: str | None, fixed: str | None = None) -> str | None:
    """Return the CAMEO actor code for an actor, or None when nothing is known.

    >>> cameo_code("PERSON", "USA", "GOV"), cameo_code("COUNTRY", "UKR", None), cameo_code("GROUP", None, "REB")
    ('USAGOV', 'UKR', 'REB')
    """
    if fixed:
        return fixed
    if kind == "IGO":
        return "IGO"
    agent = load_lexicon().sector_cameo.get(sector, sector or "") if sector else ""
    if kind == "COUNTRY":
        return country
    code = (country or "") + (agent if agent != "IGO" else "")
    return code or None
