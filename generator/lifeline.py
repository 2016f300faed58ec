"""Child processes die with their parent: a killed `almanac` leaves nothing running behind it.

Linux's prctl(PR_SET_PDEATHSIG) asks the kernel to send a signal to a process when its parent
dies, even when the parent is killed with SIGKILL and runs no cleanup of its own. Report workers
call `die_with_parent` as their pool initializer; the site engine is started through
`python -m generator.lifeline PARENT_PID MODULE ARGS...`, which does the same and then runs the
engine's module. Elsewhere (no prctl) this is a no-op.
"""

from __future__ import annotations

import ctypes
import os
import runpy
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when `parent` dies (Linux); exit now if it already has."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return
    prctl = getattr(libc, "prctl", None)
    if prctl is None:
        return
    prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    # the parent may have died before the request was made: then no signal will ever come
    if os.getppid() != parent:
        os._exit(1)


def module_command(module: str, *args: str) -> list[str]:
    """The command that runs `python -m module args` as a child that dies with this process."""
    return [sys.executable, "-m", "generator.lifeline", str(os.getpid()), module, *args]


def main(argv: list[str]) -> None:
    parent, module, *args = argv
    die_with_parent(int(parent))
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
