"""The quotes stage: who said what, with cue, content parts and resolved speaker.

Modules, in the order they run: `marks` pairs quotation marks tolerantly (its own stage),
`cues` loads the cue lexicon (``data/quotes/cues.json``), `direct` attributes quoted spans
(cue before/after, split and multi-paragraph quotes, verbless colon and dash forms), `indirect`
reads indirect and mixed quotes off the dependency parse (clausal complements, objects and
intentions, "according to"), `nominal` adds those cued by a noun or an adjective ("her attack
on", "confident that"), `speaker` finds the speaker mention, and `find` assembles
`dateline.record.Quote` records with speakers linked through the actors stage.
"""
from dateline.quotes.find import find_quotes

__all__ = ["find_quotes"]
