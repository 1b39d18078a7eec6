"""`airoles-tui serve`: the app for people without a shell account, over SSH or in a browser.

An optional extra (`pip install 'airoles-tui[serve]'`): asyncssh and textual-serve are
imported here and nowhere else, and nothing here imports ui/. Each session is the installed
`airoles-tui` in a process (and, over SSH, a pty) of its own: the app's signal handlers,
recovery copies and directories are per process, so several apps in one process would
trample each other.
"""

EXTRA_HINT = "pip install 'airoles-tui[serve]'"
