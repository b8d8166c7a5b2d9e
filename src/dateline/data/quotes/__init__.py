"""Quote cue lexicon (cues.json), written for dateline; loaded by `dateline.quotes.cues`."""
