"""Child processes that die with their parent, even when the parent is killed with SIGKILL.

A parent that ends normally stops its children (``kg build`` shuts its worker pool
down, ``kg serve`` terminates its Oxigraph server), but ``kill -9`` gives it no chance
to. On Linux the kernel can do it instead: ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` in a
child asks for SIGKILL when its parent ends. On other systems these functions do nothing.

- :func:`die_with_parent` is called first thing in a Python child (a worker process);
- :func:`tied_command` wraps a command line (a server) so that the program it runs
  does the same before it starts (the setting survives ``exec``).

The kernel ties the signal to the *thread* that started the child, not to the whole
parent process: start such children from a thread that outlives them (the main thread
of the command line does).

:func:`one_math_thread` sets the environment a build's processes start with: one
thread for the math libraries numpy loads.

This module imports only the standard library: :func:`tied_command` runs it as a
script in isolated mode (``python -I -S kg/procs.py PARENT_PID COMMAND...``).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Sequence

__all__ = ["death_signal", "die_with_parent", "one_math_thread", "supported", "tied_command"]

#: Environment variables sizing the thread pools of the BLAS / OpenMP libraries numpy loads.
MATH_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_math_thread() -> None:
    """Give the math libraries numpy loads one thread each, unless the user sized them.

    spaCy's small pipelines multiply small matrices, one batch at a time; a BLAS thread
    pool gains nothing on them, and its threads spin between products, competing with
    the worker processes for the cores (measured on 2 cores: a build used 11% less
    CPU with one worker, 17% less with two). It takes effect in a process that has not
    loaded numpy yet: call it before spaCy is imported, or before starting workers
    (they inherit the environment).

    >>> import os
    >>> one_math_thread()
    >>> all(os.environ.get(name) for name in MATH_THREAD_VARIABLES)
    True
    """
    for name in MATH_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")


#: ``prctl`` options (``<linux/prctl.h>``).
PR_SET_PDEATHSIG, PR_GET_PDEATHSIG = 1, 2


def supported() -> bool:
    """Whether children can be tied to their parent here (Linux only).

    Example:
        >>> supported() == sys.platform.startswith("linux")
        True
    """
    return sys.platform.startswith("linux")


def _prctl(option: int, arg: int | ctypes.c_int) -> int:
    """Call ``prctl(option, arg, 0, 0, 0)`` from the C library; ``-1`` on failure."""
    libc = ctypes.CDLL(None, use_errno=True)
    value = ctypes.byref(arg) if isinstance(arg, ctypes.c_int) else ctypes.c_ulong(arg)
    zero = ctypes.c_ulong(0)
    return int(libc.prctl(ctypes.c_int(option), value, zero, zero, zero))


def die_with_parent(parent: int | None = None) -> bool:
    """Have the kernel SIGKILL this process when its parent ends (Linux; else a no-op).

    Args:
        parent: The process id of the parent that started this process. If this
            process's parent is no longer that one (the parent died before this call and
            the process was adopted), the process kills itself at once, as the kernel
            would have done had it been asked in time.

    Returns:
        Whether the kernel will kill this process with its parent: ``False`` when not on
        Linux or when ``prctl`` fails.

    Example:
        In a child, through :func:`tied_command`, which calls this function:

        >>> import subprocess
        >>> code = "from kg.procs import death_signal; print(death_signal())"
        >>> done = subprocess.run(tied_command([sys.executable, "-c", code]),
        ...                       capture_output=True, text=True, check=True)
        >>> done.stdout.strip() == ("9" if supported() else "None")
        True
    """
    if not supported():
        return False
    if _prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL)) != 0:
        return False
    if parent is not None and os.getppid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)
    return True


def death_signal() -> int | None:
    """The signal this process gets when its parent ends: 0 for none, ``None`` off Linux.

    Example:
        >>> death_signal() is None or death_signal() >= 0
        True
    """
    if not supported():
        return None
    found = ctypes.c_int(0)
    if _prctl(PR_GET_PDEATHSIG, found) != 0:
        return None
    return found.value


def tied_command(command: Sequence[str]) -> list[str]:
    """``command``, run so that it is killed when the process starting it ends.

    On Linux the command becomes a small Python program (this module, in isolated mode)
    that calls :func:`die_with_parent` with this process's id and then ``exec``\\ s
    ``command``: same process id, same standard streams, same exit status. Elsewhere
    ``command`` is returned as it is.

    Example:
        >>> import subprocess
        >>> subprocess.run(tied_command(["echo", "hello"]), capture_output=True,
        ...                text=True, check=True).stdout
        'hello\\n'
    """
    if not supported():
        return list(command)
    return [sys.executable, "-I", "-S", os.path.abspath(__file__), str(os.getpid()), *command]


def _exec_tied(argv: Sequence[str]) -> None:
    """Tie this process to the parent id ``argv[0]``, then replace it with ``argv[1:]``."""
    parent, program, *rest = argv
    die_with_parent(int(parent))
    os.execvp(program, [program, *rest])


if __name__ == "__main__":
    _exec_tied(sys.argv[1:])
