"""The parse stage: load the spaCy pipeline once (with paragraph-aware sentence starts) and parse."""
from dateline.parse.nlp import MODEL_NAME, entity_span, load_nlp, paragraph_index, paragraphs

__all__ = ["MODEL_NAME", "entity_span", "load_nlp", "paragraph_index", "paragraphs"]
