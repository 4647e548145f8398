"""Headless Chromium for the view's screenshots and browser tests, through Playwright.

The system's Chromium is used (Debian's ``chromium``; ``PEKG_CHROMIUM`` names
another), never a browser Playwright would download. Each launch gets a fresh
profile in a temporary directory, removed afterwards, with background networking,
component updates and sync turned off, so opening a page asks nothing of the network.

Playwright's sync API cannot run inside a running asyncio loop (a Jupyter cell);
call these from scripts, the CLI or tests.

Example:
    >>> find_chromium({"PEKG_CHROMIUM": "/no/such/chromium"})
    Traceback (most recent call last):
    ...
    RuntimeError: PEKG_CHROMIUM=/no/such/chromium is not an executable file (point it ...
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext

__all__ = ["CANDIDATES", "CHROMIUM_ARGS", "chromium", "find_chromium", "screenshot"]

log = logging.getLogger(__name__)

#: Flags for a quiet, headless, sandbox-less (containers) Chromium.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

#: Where to look when ``PEKG_CHROMIUM`` is not set: a path, then names on the ``PATH``.
CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")
_INSTALL_HINT = (
    "install it with 'sudo apt-get install -y chromium' (or sh tools/install-chromium.sh), "
    "or set PEKG_CHROMIUM=/path/to/chromium"
)


def _executable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def find_chromium(environ: Mapping[str, str] | None = None) -> str:
    """The Chromium to run: ``$PEKG_CHROMIUM``, else ``/usr/bin/chromium``, else
    ``chromium`` or ``chromium-browser`` on the ``PATH`` (see :data:`CANDIDATES`).

    Args:
        environ: The environment to read ``PEKG_CHROMIUM`` and ``PATH`` from
            (default: ``os.environ``).

    Raises:
        RuntimeError: none is there (the message says how to install one), or
            ``PEKG_CHROMIUM`` names something that is not an executable file.
    """
    env = os.environ if environ is None else environ
    chosen = env.get("PEKG_CHROMIUM")
    if chosen:
        if not _executable(chosen):
            raise RuntimeError(
                f"PEKG_CHROMIUM={chosen} is not an executable file "
                "(point it at a Chromium, or unset it to use the system's)"
            )
        return chosen
    for candidate in CANDIDATES:
        path = (
            candidate if os.path.isabs(candidate) else shutil.which(candidate, path=env.get("PATH"))
        )
        if path and _executable(path):
            return path
    raise RuntimeError(f"Chromium not found: {_INSTALL_HINT}")


def chromium_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """Why no Chromium can run here, in one line, or None when one is found.

    ``make demo`` asks before its screenshot: ``python -c "import sys, kg.browser as b;
    sys.exit(b.chromium_problem())"`` exits 0 when Chromium is there, else prints why.

    >>> chromium_problem({"PEKG_CHROMIUM": "/nonexistent/chromium"})[:50]
    'PEKG_CHROMIUM=/nonexistent/chromium is not an exec'
    """
    try:
        find_chromium(environ)
    except RuntimeError as err:
        return str(err)
    return None


@contextmanager
def chromium(*, headless: bool = True, **options: Any) -> Iterator[BrowserContext]:
    """A Playwright browser context on the system's Chromium, with a fresh profile.

    Args:
        headless: Run without a window.
        **options: More keywords for ``launch_persistent_context`` (``viewport``, ...).

    Raises:
        RuntimeError: no Chromium (see :func:`find_chromium`) or no Playwright.
    """
    executable = find_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise RuntimeError(
            "the browser needs Playwright: pip install 'pekg[browser]' (its browsers are "
            "not needed: the system's Chromium is used)"
        ) from None
    profile = tempfile.mkdtemp(prefix="pekg-chromium-")
    try:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                user_data_dir=profile,
                executable_path=executable,
                headless=headless,
                args=list(CHROMIUM_ARGS),
                **options,
            )
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(
    html_path: str | Path,
    png_path: str | Path,
    width: int = 1400,
    height: int = 900,
    *,
    timeout: float = 60.0,
    settle: float = 0.5,
) -> Path:
    """Open a view page (:func:`kg.viz.write_view`) and save a PNG once it is drawn.

    Waits for the page's ``data-ready="true"``, then ``settle`` seconds more for the
    last frames of the layout.

    Args:
        html_path: The page.
        png_path: Where to write the PNG (its directory is made if needed).
        width: Viewport width in pixels.
        height: Viewport height in pixels.
        timeout: Seconds to wait for the page to be ready.
        settle: Seconds to wait after that.

    Raises:
        RuntimeError: no Chromium or Playwright, or the page never became ready.
    """
    url = Path(html_path).resolve().as_uri()
    png = Path(png_path)
    png.parent.mkdir(parents=True, exist_ok=True)
    with chromium(viewport={"width": width, "height": height}) as context:
        page = context.new_page()
        # The view is offline: refuse anything that is not the file itself or data.
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(("file:", "data:"))
                else route.abort()
            ),
        )
        page.on("pageerror", lambda err: log.warning("%s: %s", html_path, err))
        page.goto(url)
        try:
            page.wait_for_selector("body[data-ready='true']", timeout=timeout * 1000)
        except Exception as err:  # playwright's TimeoutError, without importing it here
            raise RuntimeError(f"{html_path}: the view was not drawn within {timeout:g} s") from err
        page.wait_for_timeout(settle * 1000)
        page.screenshot(path=str(png))
    return png
