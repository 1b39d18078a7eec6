"""`airoles-tui serve web`: the app in a browser tab through textual-serve, behind a token.

textual-serve runs one app process per tab and speaks its protocol over a websocket; it has
no login and its page loads a font from a public host. This module puts its public
handlers (index, websocket, download) behind our own aiohttp application: every request
needs the token, as Jupyter does (``?token=`` once, then an HttpOnly, SameSite=Strict
cookie, because the page builds its websocket and static URLs without the query); a
websocket from another origin is refused; tabs are capped; and the page is textual-serve's
own template with the font served from textual-serve's bundled copy, so nothing is fetched
from the internet.
"""

from __future__ import annotations

import hmac
import re
from pathlib import Path

import aiohttp_jinja2
import jinja2
import textual_serve
from aiohttp import web
from textual_serve.server import Server

COOKIE = "airoles_token"
TEMPLATE = "app_index.html"
FONT = "fonts/RobotoMono-VariableFont_wght.ttf"
_REMOTE_LINK = re.compile(r"<link\b[^>]*href=\"https?://[^\"]*\"[^>]*/?>", re.S)
_LOCAL_FONT = """<style>
      @font-face { font-family: "Roboto Mono"; font-weight: 100 700;
                   src: url("{{ config.static.url }}%s") format("truetype"); }
    </style>""" % FONT


def _package_dir() -> Path:
    return Path(textual_serve.__file__).resolve().parent


def local_template() -> str:
    """textual-serve's page with its remote stylesheet links replaced by the bundled font."""
    text = (_package_dir() / "templates" / TEMPLATE).read_text(encoding="utf-8")
    text, replaced = _REMOTE_LINK.subn("", text)
    if replaced:
        text = text.replace("</head>", f"    {_LOCAL_FONT}\n  </head>", 1)
    return text


class TokenServer:
    """The aiohttp application: the token, the origin check and the tab cap around
    textual-serve's handlers."""

    def __init__(self, command: str, host: str, port: int, token: str, max_sessions: int,
                 public_url: str | None = None, title: str = "airoles-tui") -> None:
        self.token = token
        self.max_sessions = max_sessions
        self.active = 0
        self.server = Server(command, host=host, port=port, title=title,
                             public_url=public_url,
                             statics_path=_package_dir() / "static",
                             templates_path=_package_dir() / "templates")

    def _authorized(self, request: web.Request) -> bool:
        given = request.query.get("token") or request.cookies.get(COOKIE) or ""
        return hmac.compare_digest(given.encode(), self.token.encode())

    @web.middleware
    async def guard(self, request: web.Request, handler):
        if not self._authorized(request):
            return web.Response(status=403, text="airoles-tui: this address needs its token: "
                                                 "open the URL printed when the server started\n")
        response = await handler(request)
        if request.query.get("token") and isinstance(response, web.Response):
            response.set_cookie(COOKIE, self.token, httponly=True, samesite="Strict",
                                path="/")
        return response

    async def websocket(self, request: web.Request) -> web.StreamResponse:
        origin = request.headers.get("Origin")
        if origin and origin.split("://", 1)[-1].rstrip("/") != request.host:
            return web.Response(status=403, text="airoles-tui: websocket from another site\n")
        if self.active >= self.max_sessions:
            return web.Response(status=503, text=f"airoles-tui: {self.max_sessions} tabs are "
                                                 "open, the most allowed; try again later\n")
        self.active += 1
        try:
            return await self.server.handle_websocket(request)
        finally:
            self.active -= 1

    def application(self) -> web.Application:
        app = web.Application(middlewares=[self.guard])
        aiohttp_jinja2.setup(app, loader=jinja2.DictLoader({TEMPLATE: local_template()}))
        app.add_routes([
            web.get("/", self.server.handle_index, name="index"),
            web.get("/ws", self.websocket, name="websocket"),
            web.get("/download/{key}", self.server.handle_download, name="download"),
            web.static("/static", self.server.statics_path, name="static"),
        ])
        return app
