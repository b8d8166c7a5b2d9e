"""Every spaCy registration dateline makes, in one place.

- ``dateline_paragraph_starts``: marks the first token after a newline as a sentence start, so
  that no sentence crosses a paragraph (added to the loaded model before the parser).
- ``dateline``: a component that runs the whole extraction over a parsed doc and stores the
  `Record` on ``doc._.dateline_record``, for users who keep their own spaCy pipeline.

The stage functions stay pure; these components only call them and set attributes.
"""

from spacy.language import Language
from spacy.tokens import Doc

if not Doc.has_extension("dateline_record"):
    Doc.set_extension("dateline_record", default=None)


@Language.component("dateline_paragraph_starts", assigns=["token.is_sent_start"])
def paragraph_starts(doc: Doc) -> Doc:
    """Mark tokens that follow a newline as sentence starts."""
    after_newline = False
    for token in doc:
        if after_newline and not token.is_space:
            token.is_sent_start = True
            after_newline = False
        if "\n" in token.text_with_ws:
            after_newline = True
    return doc


@Language.factory("dateline", requires=["token.dep", "doc.ents"], assigns=["doc._.dateline_record"])
def make_dateline_component(nlp: Language, name: str):
    """Return a component that sets ``doc._.dateline_record`` to the doc's `Record`.

    >>> import spacy
    >>> from dateline.parse import load_nlp
    >>> nlp = load_nlp()
    >>> "dateline" in nlp.factory_names
    True
    """

    def dateline_component(doc: Doc) -> Doc:
        from dateline.ingest import make_document
        from dateline.pipeline import build_record

        document = make_document(doc.text, check_language=False)
        doc._.dateline_record = build_record(document, doc)
        return doc

    return dateline_component
