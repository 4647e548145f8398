"""kg.procs: child processes (build workers, the Oxigraph server) die with a killed ``kg``."""

from __future__ import annotations

import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kg import procs

KG = str(Path(sys.executable).parent / "kg")
SEED = Path(__file__).resolve().parent / "data" / "seed.golden.ttl"

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="tying children to their parent needs Linux"
)


def _children(pid: int) -> set[int]:
    """The children of a process, from every one of its threads."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found.update(int(child) for child in task.read_text().split())
        except OSError:
            pass  # the thread ended meanwhile
    return found


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in _children(todo.pop()) - found:
            found.add(child)
            todo.append(child)
    return found


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for its new parent to reap it does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")


def _wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.05)


@pytest.fixture
def killer() -> Iterator[list[int]]:
    """Pids to SIGKILL at teardown if a test leaves them running (so a failure leaks nothing)."""
    pids: list[int] = []
    yield pids
    for pid in pids:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


def _assert_all_gone(pids: set[int], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = {pid: _cmdline(pid)[:100] for pid in pids if _alive(pid)}
    assert not left, f"processes outlived their killed parent: {left}"


# ---------------------------------------------------------------------------
# The helpers
# ---------------------------------------------------------------------------


@linux_only
def test_a_tied_command_carries_the_death_signal_through_exec() -> None:
    code = "from kg.procs import death_signal; print(death_signal())"
    done = subprocess.run(
        procs.tied_command([sys.executable, "-c", code]), capture_output=True, text=True
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{int(signal.SIGKILL)}\n", "")


@linux_only
def test_a_child_whose_parent_is_already_gone_ends_at_once() -> None:
    """The parent died before the child could ask: the child was adopted and must not run on."""
    code = "import os, kg.procs; kg.procs.die_with_parent(os.getppid() + 1); print('ran on')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == -signal.SIGKILL and done.stdout == ""


def test_no_op_off_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert not procs.supported()
    assert procs.tied_command(["oxigraph", "serve"]) == ["oxigraph", "serve"]
    assert procs.die_with_parent(1) is False
    assert procs.death_signal() is None


# ---------------------------------------------------------------------------
# kill -9 of the command line
# ---------------------------------------------------------------------------


def _articles(directory: Path, n: int) -> Path:
    directory.mkdir()
    for i in range(n):
        (directory / f"a{i:03}.txt").write_text(
            f"Russia vetoed a United Nations resolution on Syria on Tuesday, officials said. "
            f"The United States condemned veto number {i}.\n"
        )
    return directory


def _articles_built(manifest: Path) -> int:
    if not manifest.is_file():
        return 0
    try:
        with sqlite3.connect(f"file:{manifest}?mode=ro", uri=True, timeout=1) as db:
            return int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0  # being created, or locked by the build for a moment


@linux_only
def test_killed_build_leaves_no_worker_behind(tmp_path: Path, killer: list[int]) -> None:
    """``kill -9`` of ``kg build --workers 2`` while the workers parse: none survives, nor
    does a resource tracker of multiprocessing, if one was started."""
    articles = _articles(tmp_path / "articles", 400)
    out = tmp_path / "out"
    command = [KG, "build", str(articles), "-o", str(out), "--workers", "2"]
    build = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killer.append(build.pid)

    def workers() -> set[int]:
        # Forked workers run the parent's command line; spawned ones run spawn_main.
        found = {p for p in _descendants(build.pid) if "resource_tracker" not in _cmdline(p)}
        killer.extend(found - set(killer))
        return found

    _wait_until(lambda: len(workers()) == 2, 60, "two worker processes")
    # Workers past their start-up: a batch came back, so they are parsing.
    _wait_until(lambda: _articles_built(out / "manifest.sqlite") > 0, 60, "a first batch")
    assert build.poll() is None, "the build ended before it could be killed: use more articles"
    family = _descendants(build.pid)
    killer.extend(family)
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    _assert_all_gone(family)


def _port_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


@linux_only
def test_killed_serve_leaves_no_server_behind(tmp_path: Path, killer: list[int]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_bytes(SEED.read_bytes())
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    serve = subprocess.Popen(
        [KG, "serve", str(out)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
    )
    killer.append(serve.pid)
    assert serve.stdout is not None
    line = serve.stdout.readline().decode()
    match = re.match(r"SPARQL endpoint: http://127\.0\.0\.1:(\d+)/query", line)
    assert match, f"kg serve printed {line!r}"
    port = int(match.group(1))
    family = _descendants(serve.pid)
    killer.extend(family)
    assert [p for p in family if "oxigraph" in _cmdline(p).split()[0]], family
    assert _port_answers(port)
    os.kill(serve.pid, signal.SIGKILL)
    serve.wait()
    serve.stdout.close()
    _assert_all_gone(family)
    _wait_until(lambda: not _port_answers(port), 5, f"port {port} to close")


# ---------------------------------------------------------------------------
# A local Dask cluster
# ---------------------------------------------------------------------------


def test_dask_local_build_is_quiet(tmp_path: Path) -> None:
    """A build on a local Dask cluster says what it built, without distributed's log."""
    articles = _articles(tmp_path / "articles", 2)
    out = tmp_path / "out"
    done = subprocess.run(
        [KG, "build", str(articles), "-o", str(out), "--dask", "local"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert "2 built" in done.stdout and (out / "graph.ttl").is_file()


def test_math_libraries_get_one_thread_unless_the_user_sized_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kg.procs import MATH_THREAD_VARIABLES, one_math_thread

    for name in MATH_THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "4")
    one_math_thread()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    assert os.environ["OMP_NUM_THREADS"] == "4"
