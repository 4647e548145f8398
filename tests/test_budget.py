"""kg.budget: a time limit that interrupts any Python code, in the main thread only."""

from __future__ import annotations

import threading
import time

import pytest

from kg.budget import ArticleTimeout, enforceable, time_limit


def test_the_limit_interrupts_a_long_computation() -> None:
    started = time.monotonic()
    with pytest.raises(ArticleTimeout), time_limit(0.2):
        while True:
            sum(range(1000))
    assert time.monotonic() - started < 5


def test_within_the_limit_nothing_happens_and_the_timer_is_cleared() -> None:
    with time_limit(5):
        value = sum(range(10))
    time.sleep(0.05)
    assert value == 45


def test_no_limit_means_none_or_zero() -> None:
    for seconds in (None, 0):
        with time_limit(seconds):
            time.sleep(0.01)


def test_outside_the_main_thread_it_is_a_no_op() -> None:
    results: list[bool] = []

    def run() -> None:
        results.append(enforceable())
        with time_limit(0.01):
            time.sleep(0.05)
        results.append(True)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert results == [False, True]


def test_a_timeout_is_not_swallowed_by_except_exception() -> None:
    with pytest.raises(ArticleTimeout), time_limit(0.1):
        try:
            time.sleep(5)
        except Exception:  # noqa: BLE001 - what third-party code might do
            pass
