"""Scorers behind `dateline eval`: each reads evaluation data from ../shared at run time."""
