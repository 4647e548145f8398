"""A time budget for one article: a pathological text is skipped, not waited for.

The budget is a real-time timer (``SIGALRM``) that raises :class:`ArticleTimeout`
in the code it interrupts, so it needs no cooperation from spaCy or the rules. It
works in a process's main thread, which is where ``kg build`` and its worker
processes run articles; elsewhere (a Dask worker's task threads) it is a no-op.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")

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


def one_line(err: BaseException) -> str:
    r"""An exception as one line: its type and the first line of its message.

    >>> one_line(ValueError("bad value\nmore detail")), one_line(KeyError())
    ('ValueError: bad value', 'KeyError')
    """
    text = str(err).strip().split("\n", 1)[0]
    return f"{type(err).__name__}: {text}" if text else type(err).__name__


def attempt(work: Callable[[], T], seconds: float | None, where: str) -> T | str:
    """Run one article's ``work`` within its budget: its result, or why it failed, in one line.

    Whatever goes wrong is that article's problem, never the corpus's: the caller
    reports the message and goes on with the next article.

    >>> attempt(lambda: 1 + 1, 5, "a.txt")
    2
    >>> attempt(lambda: 1 / 0, 5, "a.txt")
    'could not be built (ZeroDivisionError: division by zero)'
    """
    try:
        with time_limit(seconds):
            return work()
    except ArticleTimeout:
        return f"skipped: took longer than {seconds:g} s to build (see --article-timeout)"
    except Exception as err:  # noqa: BLE001 - any failure is reported, never fatal
        log.debug("%s: could not be built", where, exc_info=True)
        return f"could not be built ({one_line(err)})"


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
