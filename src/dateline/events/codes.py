"""The event code tables of the standards: CAMEO codes and names, Goldstein weights, and the
CAMEO → PLOVER 0.8 category/mode/context mapping (with the manual's corrections), plus the
small CAMEO arithmetic the coder needs (intent, demand and rejection of an action).

The table is ``data/events/cameo_codes.tsv``: CAMEO 1.1b3 code list and Goldstein scale as
published by GDELT, the mapping from ``CAMEO2PLOVER-2021.txt``; where that table and
``PLOVER_MANUAL.tex`` disagree the manual wins (163 sanctions → SANCTION ``discontinue``; 116 court
rulings → SANCTION ``convict``). PLOVER drops CAMEO 01 (statements) and 02 (appeals); dateline
codes appeals as REQUEST (the manual's note 2 asks coders to document such choices) and leaves
statements uncoded: they are quotes.
"""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

PLOVER_CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
"""The 16 PLOVER 0.8 event categories, in the manual's order."""

_QUAD = {  # PLOVER manual, "quad codes": 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its name, Goldstein weight and PLOVER equivalent."""

    code: str
    name: str
    goldstein: float
    plover: str | None
    mode: str | None
    context: tuple[str, ...]


@functools.cache
def load_codes() -> dict[str, CameoCode]:
    """Return every CAMEO code (2-, 3- and 4-digit) keyed by code.

    >>> load_codes()["163"].plover, load_codes()["163"].mode
    ('SANCTION', 'discontinue')
    """
    path = resources.files("dateline.data").joinpath("events", "cameo_codes.tsv")
    out = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            out[row["cameo"]] = CameoCode(
                row["cameo"], row["name"], float(row["goldstein"]), row["plover"] or None,
                row["mode"].strip() or None, tuple(c for c in row["context"].split(";") if c),
            )
    return out


def lookup(code: str | None) -> CameoCode | None:
    """Return the code's entry, falling back to its 3- then 2-digit parent.

    >>> lookup("0231").plover
    'REQUEST'
    """
    if not code:
        return None
    codes = load_codes()
    for c in (code, code[:3], code[:2]):
        if c in codes:
            return codes[c]
    return None


def plover(code: str) -> tuple[str | None, str | None, tuple[str, ...]]:
    """Return ``(category, mode, context)`` for a CAMEO code.

    >>> plover("116")
    ('SANCTION', 'convict', ('legal',))
    """
    entry = lookup(code)
    if entry is None:
        return None, None, ()
    return entry.plover, entry.mode, entry.context


def goldstein(code: str) -> float | None:
    """Return the Goldstein weight of a CAMEO code.

    >>> goldstein("190")
    -10.0
    """
    entry = lookup(code)
    return entry.goldstein if entry else None


def quad_class(category: str | None) -> int | None:
    """Return the PLOVER/GDELT quad class (1 verbal coop ... 4 material conflict) of a category.

    >>> quad_class("ASSAULT")
    4
    """
    return _QUAD.get(category or "")


def root(code: str) -> str:
    """Return the 2-digit root (cue category) of a CAMEO code.

    >>> root("0874")
    '08'
    """
    return code[:2]


_INTENT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "14": "133", "15": "138",
           "16": "131", "17": "132", "18": "138", "19": "138", "20": "138"}
_INTENT_FINE = {"061": "0311", "062": "0312", "063": "0313", "064": "0314", "071": "0331",
                "072": "0332", "073": "0333", "074": "0334", "081": "0351", "084": "0353",
                "0841": "0353", "085": "0354", "086": "0355", "087": "0356", "0871": "0356",
                "0872": "0356", "162": "1311", "163": "1312", "161": "1313", "164": "134",
                "165": "135", "166": "136", "172": "132", "1723": "1323", "1724": "1324",
                "175": "137", "191": "1381", "192": "1382", "190": "1384", "195": "1384",
                "194": "1384", "204": "1385", "16": "131", "14": "133"}
_DEMAND = {"071": "1031", "072": "1032", "073": "1033", "074": "1034", "061": "1011", "062": "1012",
           "063": "1013", "064": "1014", "04": "106", "05": "102", "06": "101", "07": "103", "08": "105",
           "081": "1051", "084": "1053", "0841": "1053", "085": "1054", "086": "1055",
           "087": "1056", "0872": "1056", "0871": "1056", "0831": "1041", "03": "100"}
_REJECT = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124",
           "081": "1241", "084": "1243", "0841": "1243", "085": "1244", "086": "1245",
           "087": "1246", "0871": "1246", "0872": "1246", "0831": "1231", "046": "125",
           "045": "126", "036": "125", "02": "120", "10": "120"}


def _table(table: dict, code: str) -> str | None:
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return None


def refine(control: str, action: str | None) -> str:
    """Combine a control verb's code with the code of the action it governs (CAMEO parallels).

    "agreed to withdraw" (030 + 0872) is 0356; "threatened to attack" (130 + 190) is 1384;
    "refused to meet" (120 + 040) is 125; "demanded the release" (100 + 0841) is 1053.

    >>> refine("030", "0872"), refine("130", "190"), refine("120", "040"), refine("100", "0841")
    ('0356', '1384', '125', '1053')
    """
    if not action:
        return control
    croot, aroot = root(control), root(action)
    if croot == "03":
        if aroot in ("03", "04", "05", "06", "07", "08"):
            return _table(_INTENT_FINE, action) or _INTENT.get(aroot, control)
        if aroot in ("16", "17", "18", "19", "20", "13", "14"):  # promising harm is a threat
            return _table(_INTENT_FINE, action) or _INTENT.get(aroot, "130")
        return action
    if croot == "13":
        if aroot in ("03", "04", "05"):  # "threatened to meet" is still just a threat
            return control
        return _table(_INTENT_FINE, action) or _INTENT.get(aroot, control)
    if croot in ("10", "02"):
        code = _table(_DEMAND, action)
        if code and croot == "02":
            code = "02" + code[2:] if len(code) > 2 else "02"
        return code or control
    if croot == "12":
        return _table(_REJECT, action) or control
    return control


def intent(action: str) -> str:
    """Return the code for *announcing* an action instead of doing it (CAMEO 03x / 13x).

    >>> intent("042"), intent("190")
    ('036', '1384')
    """
    return refine("030", action)
