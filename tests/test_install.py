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
