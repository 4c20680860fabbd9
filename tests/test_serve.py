"""`advisor serve`: the wizard in a browser. Starts the server on a free loopback port, loads the page in
headless Chromium (Debian's package) and finds the welcome screen's text in what the page receives.

xterm.js paints on a canvas, so the text is not in the DOM: a script installed before the page loads (over
the DevTools protocol) records what arrives on the page's websocket, and the test reads that back.
Both processes are stopped at the end of the test, whatever happens.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="the serve extra is not installed (pip install -e '.[serve]')")
aiohttp = pytest.importorskip("aiohttp")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
"""Terminal escape sequences (colours, cursor moves) between the words on screen."""
RECORDER = """
window.__received = "";
const Native = window.WebSocket;
window.WebSocket = function (...args) {
  const socket = new Native(...args);
  socket.addEventListener("message", async (event) => {
    const data = event.data;
    if (typeof data === "string") { window.__received += data; return; }
    const buffer = data instanceof Blob ? await data.arrayBuffer() : data;
    window.__received += new TextDecoder().decode(buffer);
  });
  return socket;
};
window.WebSocket.prototype = Native.prototype;
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "the process ended before it listened"
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.1)
    raise AssertionError(f"nothing listened on port {port} within {seconds} s")


@contextlib.contextmanager
def running(*command: str, cwd: Path, env: dict[str, str] | None = None) -> Iterator[subprocess.Popen[bytes]]:
    """A process in a session of its own, ended with everything it started when the block ends."""
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


async def page_text(devtools: int, url: str, wanted: str, seconds: float = 30) -> str:
    """Load `url` in the browser's page and return what its websocket received once `wanted` is in it."""
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{devtools}/json/list") as response:
            target = next(t for t in await response.json() if t["type"] == "page")
        async with http.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            ids = iter(range(1, 10_000))

            async def call(method: str, **params: object) -> dict[str, object]:
                number = next(ids)
                await ws.send_json({"id": number, "method": method, "params": params})
                while True:
                    message = json.loads((await ws.receive()).data)
                    if message.get("id") == number:
                        return message.get("result", {})

            await call("Page.enable")
            await call("Page.addScriptToEvaluateOnNewDocument", source=RECORDER)
            await call("Page.navigate", url=url)
            received = ""
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline and wanted not in ANSI.sub("", received):
                await asyncio.sleep(0.5)
                result = await call("Runtime.evaluate", expression="window.__received || ''")
                received = str(result.get("result", {}).get("value", ""))  # type: ignore[union-attr]
            return received


def test_the_wizard_is_served_to_a_browser_on_loopback(tmp_path: Path) -> None:
    port, devtools = free_port(), free_port()
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}  # autosave stays here
    with running(sys.executable, "-m", "advisor", "serve", "--port", str(port), cwd=tmp_path, env=env) as server:
        wait_for_port(port, server)
        with socket.socket() as probe:  # listening on loopback only, by default
            assert probe.connect_ex(("127.0.0.1", port)) == 0
        with running(
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'chromium'}",
            f"--remote-debugging-port={devtools}",
            "about:blank",
            cwd=tmp_path,
        ) as browser:
            wait_for_port(devtools, browser)
            received = asyncio.run(page_text(devtools, f"http://127.0.0.1:{port}/", "Revisit a saved decision"))
    shown = ANSI.sub("", received)
    assert "Start a new profile" in shown, shown[-2000:]
    assert "Revisit a saved decision" in shown
