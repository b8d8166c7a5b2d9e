"""The record contract: JSON round trip, schema validity, span invariant, public surface."""
import json

import dateline
from dateline.record import Record, check_record


def test_public_surface_is_pinned():
    assert dateline.__all__ == sorted([
        "BadEncoding", "BinaryInput", "DatelineError", "EmptyInput", "InputError", "MalformedInput",
        "NotEnglish", "Record", "StoreError", "TimedOut", "TooLarge", "analyze", "analyze_many",
    ])


def test_seed_record_is_schema_valid_and_spans_match(seed_record):
    data = seed_record.to_json()
    check_record(data)
    json.dumps(data)


def test_demo_record_round_trips(demo_record):
    data = demo_record.to_json()
    check_record(data)
    again = Record.from_json(json.loads(json.dumps(data)))
    assert again == demo_record
    assert again.to_json() == data


def test_errors_keep_path_and_reason_when_pickled():
    import pickle

    from dateline.errors import TooLarge

    err = pickle.loads(pickle.dumps(TooLarge("too big", path="a.txt", doc_id="d1")))
    assert (type(err), err.reason, err.path, err.doc_id, err.message) == (TooLarge, "too big", "a.txt", "d1", "a.txt: too big")
