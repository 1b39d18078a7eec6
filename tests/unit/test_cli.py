"""The command line a user types: --version, --help, usage errors (the installed script and
`python -m` themselves run in tests/e2e/test_command_line.py)."""

from __future__ import annotations

import pytest

from airoles_tui import __version__
from airoles_tui.cli.main import main


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"airoles-tui {__version__}"


def test_help_lists_commands_and_options(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for word in ("--data-dir", "--plans-dir", "--theme", "--no-mouse", "validate"):
        assert word in out


def test_unknown_option_is_a_usage_error_not_a_traceback(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--colour=pink"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "unrecognized arguments: --colour=pink" in err and "Traceback" not in err


@pytest.mark.parametrize("argv", [["--version"], ["validate"], ["--theme", "no-such-theme"]])
def test_collector_handed_back_to_an_in_process_caller(argv, capsys):
    """main() runs with the garbage collector off (start-up speed); whatever the command and
    however it ends, a caller in the same process must get its collector back."""
    import gc

    assert gc.isenabled()
    try:
        main(argv)
    except SystemExit:
        pass
    assert gc.isenabled()
