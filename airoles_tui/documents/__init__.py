"""What every document the user edits and saves (a plan, a skills matrix) shares: conflict
stamps, atomic saves under a folder lock, file names in a document folder, and one recovery
copy per session offered back when that session ended without saving."""
