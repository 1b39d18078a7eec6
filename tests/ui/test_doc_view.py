"""DocView: a document view that repaints only what changed (the cheap card over ssh)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content

from airoles_tui.ui.widgets.doc_view import DocView


class OneDoc(App[None]):
    def compose(self) -> ComposeResult:
        yield DocView(id="doc")


def doc(*lines: str) -> Content:
    return Content("\n".join(lines))


def spy_refreshes(view: DocView, monkeypatch) -> list[int | str]:
    """The lines a new document asks to repaint: "all" for the whole view, "wide" for a
    region reaching into the scrollbar (it did not change)."""
    lines: list[int | str] = []
    refresh = view.refresh

    def spy(*regions, **kwargs):
        if not regions:
            lines.append("all")
        for region in regions:
            wide = region.height != 1 or region.right > view.scrollable_content_region.width
            lines.append("wide" if wide else region.y)
        return refresh(*regions, **kwargs)

    monkeypatch.setattr(view, "refresh", spy)
    return lines


async def test_new_document_repaints_only_changed_lines(monkeypatch):
    app = OneDoc()
    async with app.run_test(size=(40, 10)) as pilot:
        view = app.query_one(DocView)
        view.show(doc("Title", "", "same line", "old text", "tail"))
        await pilot.pause()
        refreshed = spy_refreshes(view, monkeypatch)
        view.show(doc("Title", "", "same line", "new text", "tail"))
        assert refreshed == [3]
        assert view.plain.splitlines()[3] == "new text"


async def test_longer_and_shorter_documents_show_whole_and_size_the_scrollbar():
    # A change of length re-lays the view (Textual's public virtual_size); updating the
    # scrollbar alone bought nothing the benchmark could measure (run.py --patches).
    app = OneDoc()
    async with app.run_test(size=(40, 10)) as pilot:
        view = app.query_one(DocView)
        view.show(doc("a", "b"))
        await pilot.pause()
        view.show(doc("a", "b", "c", "d"))
        await pilot.pause()
        assert view.virtual_size.height == len(view._lines) == 4
        assert [view.render_line(y).text.strip() for y in range(4)] == ["a", "b", "c", "d"]
        view.show(doc("a"))
        await pilot.pause()
        assert view.virtual_size.height == 1
        assert [view.render_line(y).text.strip() for y in range(2)] == ["a", ""]


async def test_wraps_to_the_width_and_scrolls_back_to_top_on_a_new_document():
    app = OneDoc()
    async with app.run_test(size=(20, 5)) as pilot:
        view = app.query_one(DocView)
        view.show(doc(*(f"line {n} " + "word " * 6 for n in range(10))))
        await pilot.pause()
        assert view.virtual_size.height > 10  # wrapped: more screen lines than text lines
        view.scroll_end(animate=False)
        await pilot.pause()
        assert view.scroll_offset.y > 0
        view.show(doc("short"))
        await pilot.pause()
        assert view.scroll_offset.y == 0
        assert view.virtual_size.height == 1


async def test_resize_rewraps():
    app = OneDoc()
    async with app.run_test(size=(20, 5)) as pilot:
        view = app.query_one(DocView)
        view.show(doc("word " * 12))
        await pilot.pause()
        narrow = view.virtual_size.height
        await pilot.resize_terminal(60, 5)
        await pilot.pause()
        assert view.virtual_size.height < narrow


async def test_markup_in_text_stays_literal():
    app = OneDoc()
    async with app.run_test(size=(40, 5)) as pilot:
        view = app.query_one(DocView)
        view.show(Content("[bold]not bold[/] [/x]"))
        await pilot.pause()
        assert view.plain == "[bold]not bold[/] [/x]"
        assert "[bold]not bold[/] [/x]" in "".join(s.text for s in view.render_line(0))


class GutterDoc(App[None]):
    def compose(self) -> ComposeResult:
        yield DocView(id="doc", gutter=1)


async def test_a_line_of_one_style_is_one_segment_with_its_margins():
    """Margins drawn in the line and runs of one style joined: a plain line leaves as one
    colour sequence instead of margin + text + trailing blanks, each with its own."""
    app = GutterDoc()
    async with app.run_test(size=(30, 5)) as pilot:
        view = app.query_one(DocView)
        view.show(doc("plain words"))
        await pilot.pause()
        strip = view.render_line(0)
        assert strip.text == " plain words".ljust(view.scrollable_content_region.width)
        assert len(list(strip)) == 1
