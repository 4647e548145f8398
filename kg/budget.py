"""A time budget for one article: a pathological text is skipped, not waited for.

The budget is a real-time timer (``SIGALRM``) that raises :class:`ArticleTimeout`
in the code it interrupts, so it needs no cooperation from spaCy or the rules. It
works in a process's main thread, which is where ``kg build`` and its worker
processes run articles; elsewhere (a Dask worker's task threads) it is a no-op.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

#: Seconds an article may take to parse and extract before it is skipped.
DEFAULT_SECONDS = 60.0


class ArticleTimeout(BaseException):
    """An article ran over its time budget.

    A ``BaseException``, so that no ``except Exception`` on the way swallows it.
    """


def _expired(signum: int, frame: FrameType | None) -> None:
    raise ArticleTimeout


def enforceable() -> bool:
    """Whether a budget can be enforced here (the main thread of a process with SIGALRM).

    Example:
        >>> enforceable()
        True
    """
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in the body once ``seconds`` have passed.

    ``None`` or ``0`` means no limit. Nested limits are not supported: the inner
    one replaces the outer one.

    Example:
        >>> import time
        >>> try:
        ...     with time_limit(0.05):
        ...         time.sleep(5)
        ... except ArticleTimeout:
        ...     print("stopped")
        stopped
    """
    if not seconds or seconds <= 0 or not enforceable():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
