"""Set-up where Chromium cannot be installed: tools/install-chromium.sh and make demo."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "install-chromium.sh"


def _bare_path(tmp_path: Path) -> str:
    """A PATH with the few programs the script runs, and neither apt-get nor chromium."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("id", "sh"):
        found = shutil.which(tool)
        assert found, tool
        (bin_dir / tool).symlink_to(found)
    return str(bin_dir)


def _run(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PEKG_")}
    clean["PATH"] = _bare_path(tmp_path)
    clean.update(env)
    return subprocess.run(
        ["/bin/sh", str(SCRIPT)], env=clean, capture_output=True, text=True, timeout=60
    )


def test_without_apt_get_set_up_goes_on_and_says_why_in_one_line(tmp_path: Path) -> None:
    done = _run(tmp_path)
    assert done.returncode == 0
    assert done.stderr.count("\n") == 1
    assert "chromium not installed (apt-get is not available)" in done.stderr


def test_ci_requires_chromium(tmp_path: Path) -> None:
    done = _run(tmp_path, PEKG_REQUIRE_CHROMIUM="1")
    assert done.returncode == 1
    assert "chromium is required" in done.stderr


def test_a_chromium_of_ones_own_is_used_as_it_is(tmp_path: Path) -> None:
    own = tmp_path / "my-chromium"
    own.write_text("#!/bin/sh\n")
    own.chmod(0o755)
    done = _run(tmp_path, PEKG_CHROMIUM=str(own), PEKG_REQUIRE_CHROMIUM="1")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_make_demo_without_chromium_skips_only_the_screenshot(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PEKG_", "MAKE"))}
    env["PEKG_CHROMIUM"] = str(tmp_path / "no-chromium")
    done = subprocess.run(
        ["make", "--no-print-directory", "demo", f"OUT={out}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    skipped = [line for line in done.stdout.splitlines() if line.startswith("screenshot skipped")]
    assert len(skipped) == 1 and "not an executable file" in skipped[0]
    for name in ("graph.ttl", "report.md", "analysis.ttl", "graph.html"):
        assert (out / name).stat().st_size > 0, name
    assert not (out / "graph.png").exists()


# ---- the install recipe, with a stand-in Python (no network) ---------------------------------

FAKE_PYTHON = """#!/bin/sh
# Stand-in for python3: "-m venv DIR" makes DIR/bin/python, a stand-in for the venv's.
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
    mkdir -p "$3/bin"
    cat > "$3/bin/python" <<'INNER'
#!/bin/sh
# The venv's Python: pip works unless the venv is marked broken; installing fails on demand.
here=$(dirname "$0")
if [ -f "$here/../broken" ]; then exit 1; fi
if [ "$3" = "install" ] && [ -n "$FAIL_INSTALL" ]; then exit 1; fi
echo "$*" >> "$here/../calls"
exit 0
INNER
    chmod +x "$3/bin/python"
    exit 0
fi
exit 1
"""


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "tools").mkdir(parents=True)
    shutil.copy(ROOT / "Makefile", root / "Makefile")
    (root / "tools" / "install-chromium.sh").write_text("exit 0\n")
    (root / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    python = tmp_path / "python3"
    python.write_text(FAKE_PYTHON)
    python.chmod(0o755)
    return root


def _install(root: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    clean.update(env)
    return subprocess.run(
        ["make", "--no-print-directory", "install", f"PYTHON={root.parent / 'python3'}"],
        cwd=root,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_failed_install_leaves_no_stamp_and_the_next_run_installs(tmp_path: Path) -> None:
    root = _project(tmp_path)
    failed = _install(root, FAIL_INSTALL="1")
    assert failed.returncode != 0
    assert not (root / ".venv" / ".installed").exists()  # nothing marks it done
    again = _install(root)
    assert again.returncode == 0, again.stderr
    assert (root / ".venv" / ".installed").exists()
    assert "install --quiet -e .[dev]" in (root / ".venv" / "calls").read_text()


def test_a_venv_whose_pip_does_not_run_is_made_anew(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / ".venv" / "bin").mkdir(parents=True)
    (root / ".venv" / "bin" / "python").write_text("#!/bin/sh\nexit 1\n")  # half made
    (root / ".venv" / "bin" / "python").chmod(0o755)
    (root / ".venv" / "leftover").write_text("")
    done = _install(root)
    assert done.returncode == 0, done.stderr
    assert not (root / ".venv" / "leftover").exists()  # removed, then made again
    assert (root / ".venv" / ".installed").exists()


def test_make_notebook_allows_root_only_as_root() -> None:
    done = subprocess.run(
        ["make", "-n", "--no-print-directory", "notebook"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    launch = [line for line in done.stdout.splitlines() if "jupyter-lab" in line][-1]
    assert ("--allow-root" in launch) == (os.getuid() == 0)
