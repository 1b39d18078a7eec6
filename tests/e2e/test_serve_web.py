"""`airoles-tui serve web` end to end: the installed server, a websocket client speaking
textual-serve's protocol (JSON messages in, terminal bytes out) and pyte as the screen."""

from __future__ import annotations

import asyncio
import json
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request

import pytest

pytest.importorskip("textual_serve")  # the [test] extra installs it: CI runs these
aiohttp = pytest.importorskip("aiohttp")
pyte = pytest.importorskip("pyte")

from .sshd import free_port, installed_app  # noqa: E402

pytestmark = [pytest.mark.e2e]

TOKEN = "test-token-0123456789"


class Web:
    def __init__(self, tmp_path, max_sessions: int = 5) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.root = tmp_path / "root"
        self.process = subprocess.Popen(
            [str(installed_app()), "serve", "web", "--listen", f"127.0.0.1:{self.port}",
             "--token", TOKEN, "--root", str(self.root), "--max-sessions", str(max_sessions)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True)
        self.banner = self.process.stdout.readline()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url, timeout=1)
            except urllib.error.HTTPError:
                return  # 403: listening
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"serve web did not listen: {self.banner}")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def web(tmp_path):
    server = Web(tmp_path, max_sessions=1)
    try:
        yield server
    finally:
        server.stop()


class Tab:
    """A browser tab as textual-serve's page drives it, minus the browser."""

    def __init__(self, ws, cols: int = 80, rows: int = 24) -> None:
        self.ws = ws
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    async def until(self, condition, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while not condition(self):
            if time.monotonic() > deadline:
                raise AssertionError(f"not within {timeout}s:\n{self.text()}")
            try:
                msg = await asyncio.wait_for(self.ws.receive(), 0.2)
            except asyncio.TimeoutError:
                continue
            if msg.type == aiohttp.WSMsgType.BINARY:
                self.stream.feed(msg.data)
            elif msg.type != aiohttp.WSMsgType.TEXT:
                raise AssertionError(f"websocket ended ({msg.type}):\n{self.text()}")
        return self.text()

    async def wait_for(self, needle: str) -> str:
        return await self.until(lambda tab: needle in tab.text())

    async def keys(self, text: str) -> None:
        await self.ws.send_str(json.dumps(["stdin", text]))

    async def resize(self, cols: int, rows: int) -> None:
        self.screen.resize(rows, cols)
        await self.ws.send_str(json.dumps(["resize", {"width": cols, "height": rows}]))


def jar():
    # A browser keeps the token cookie of http://127.0.0.1; aiohttp's jar refuses cookies
    # from IP addresses unless told otherwise.
    return aiohttp.CookieJar(unsafe=True)


async def open_tab(web, session, cols=80, rows=24) -> Tab:
    ws = await session.ws_connect(f"{web.url}/ws?width={cols}&height={rows}")
    return Tab(ws, cols, rows)


async def test_first_frame_keys_and_resize_in_a_tab(web):
    async with aiohttp.ClientSession(cookie_jar=jar()) as session:
        page = await session.get(f"{web.url}/?token={TOKEN}")  # sets the cookie
        assert page.status == 200
        tab = await open_tab(web, session)
        assert "ML Engineer" in await tab.wait_for("roles ·")
        await tab.keys("4")
        await tab.wait_for("hires ·")
        await tab.resize(110, 30)
        await tab.until(lambda t: any(line[80:].strip() for line in t.screen.display))
        await tab.keys("q")  # the app quits and textual-serve closes the websocket
        msg = await tab.ws.receive(timeout=20)
        while msg.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT):
            msg = await tab.ws.receive(timeout=20)
        assert msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    assert (web.root / "web").stat().st_mode & 0o777 == 0o700


async def test_without_the_token_nothing_is_served(web):
    async with aiohttp.ClientSession(cookie_jar=jar()) as session:
        for path in ("/", "/?token=wrong-token-0123456789", "/static/js/textual.js",
                     "/ws?width=80&height=24"):
            response = await session.get(f"{web.url}{path}")
            assert response.status == 403, path
            assert "needs its token" in await response.text()
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await session.ws_connect(f"{web.url}/ws?width=80&height=24")


async def test_the_page_needs_nothing_from_the_internet(web):
    async with aiohttp.ClientSession(cookie_jar=jar()) as session:
        html = await (await session.get(f"{web.url}/?token={TOKEN}")).text()
        assert "@font-face" in html
        urls = re.findall(r"(?:href|src)=\"([^\"]+)\"|url\(\"?([^\")]+)", html)
        found = [a or b for a, b in urls]
        assert found and all(u.startswith(f"{web.url}/") for u in found), found
        for url in found:  # and each of them is really served
            assert (await session.get(url)).status == 200, url


async def test_tabs_are_capped(web):
    async with aiohttp.ClientSession(cookie_jar=jar()) as session:
        await session.get(f"{web.url}/?token={TOKEN}")
        tab = await open_tab(web, session)
        await tab.wait_for("roles ·")
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(f"{web.url}/ws?width=80&height=24")
        assert refused.value.status == 503
        await tab.ws.close()


async def test_a_websocket_from_another_site_is_refused(web):
    async with aiohttp.ClientSession(cookie_jar=jar()) as session:
        await session.get(f"{web.url}/?token={TOKEN}")
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(f"{web.url}/ws?width=80&height=24",
                                     headers={"Origin": "https://evil.example"})
        assert refused.value.status == 403
