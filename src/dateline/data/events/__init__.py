"""Event code tables and the trigger lexicon (data files; see NOTES.md)."""
