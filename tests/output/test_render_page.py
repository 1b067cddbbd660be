"""The standalone HTML page: well-formed and self-contained always; in a real headless Chromium when
one is installed (Debian's `chromium`), it reads at about 70 characters a line, nothing overflows a
phone's width, and dark mode is dark."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from summarizer.merge.assemble import merge_briefings
from summarizer.output.render import render_brief
from tests.builders import cna, lbc, make

CHROMIUM = Path("/usr/bin/chromium")
LONG_WORD = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch" * 4
LONG_URL = "https://example.org/" + "a-very-long-path-segment/" * 12


def page(title: str | None = None) -> str:
    odd = make(
        "Gazette (published by the Daily Planet / planet.example)",
        f"Bridge {LONG_WORD} reopens",
        [f"The {LONG_WORD} bridge reopened on Monday.", "Traffic was light."],
        url=LONG_URL,
        title=f"Bridge {LONG_WORD}",
    )
    return render_brief(merge_briefings([cna(), lbc(), odd]), "html", standalone=True, title=title)


class _Structure(HTMLParser):
    VOID = frozenset({"meta", "link", "br", "hr", "img", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.problems: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: set[str] = set()
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        found = dict(attrs)
        self.ids += [found["id"] or ""] if "id" in found else []
        self.hrefs += [found["href"] or ""] if "href" in found else []
        self.problems += [f"{tag} has {name}" for name, _ in attrs if name.startswith("on")]
        self._in_title = tag == "title"
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # <br />: a void element, nothing left open
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False
        if not self.open or self.open.pop() != tag:
            self.problems.append(f"</{tag}> closes nothing open")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def test_the_page_is_well_formed_self_contained_and_its_links_land():
    parsed = _Structure()
    parsed.feed(page())
    parsed.close()
    assert parsed.problems == [] and parsed.open == []
    assert parsed.title == "News brief"
    assert {"html", "head", "title", "style", "body", "article", "h1", "h2", "ol", "ul"} <= parsed.tags
    assert not parsed.tags & {"script", "iframe", "object", "embed", "img", "form", "link", "base"}
    assert len(parsed.ids) == len(set(parsed.ids))
    internal = [href[1:] for href in parsed.hrefs if href.startswith("#")]
    assert internal and set(internal) <= set(parsed.ids)
    external = {href for href in parsed.hrefs if not href.startswith("#")}
    assert external == {LONG_URL}  # the article's own URL and nothing else


# --- in a real browser --------------------------------------------------------------------------------


def _chromium_missing() -> bool:
    """Whether to skip the browser tests: no Chromium, unless CI says it must be there (then they fail)."""
    return not CHROMIUM.exists() and os.environ.get("SUMMARIZER_TEST_CHROMIUM") != "required"


needs_chromium = pytest.mark.skipif(
    _chromium_missing(), reason="no /usr/bin/chromium: install Debian's chromium to look at the page"
)


def screenshot(html: Path, tmp_path: Path, width: int, height: int, *, dark: bool = False) -> Image:
    shot = tmp_path / f"{width}x{height}{'-dark' if dark else ''}.png"
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--window-size={width},{height}",
        f"--screenshot={shot}",
        *(["--force-dark-mode"] if dark else []),
    ]
    subprocess.run([str(CHROMIUM), *flags, html.as_uri()], capture_output=True, timeout=120, check=True)
    return Image.read(shot)


class Image:
    """A decoded 8-bit RGB(A) PNG, as Chromium writes its screenshots: just enough to look at pixels."""

    def __init__(self, width: int, height: int, channels: int, rows: list[bytearray]) -> None:
        self.width, self.height, self.channels, self.rows = width, height, channels, rows

    @classmethod
    def read(cls, path: Path) -> Image:
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
        position, chunks, header = 8, [], b""
        while position < len(data):
            length, kind = struct.unpack(">I4s", data[position : position + 8])
            body = data[position + 8 : position + 8 + length]
            header = body if kind == b"IHDR" else header
            chunks += [body] if kind == b"IDAT" else []
            position += 12 + length
        width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", header)
        assert depth == 8 and color in (2, 6) and not interlace, (depth, color, interlace)
        channels = 3 if color == 2 else 4
        raw = zlib.decompress(b"".join(chunks))
        stride = width * channels
        rows, previous = [], bytearray(stride)
        for y in range(height):
            kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
            _unfilter(kind, line, previous, channels)
            rows.append(line)
            previous = line
        return cls(width, height, channels, rows)

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        at = x * self.channels
        red, green, blue = self.rows[y][at : at + 3]
        return red, green, blue

    def inked_columns(self, background: tuple[int, int, int]) -> list[int]:
        """The x of every column holding a pixel that is not the background."""
        columns = set()
        for row in self.rows:
            for x in range(self.width):
                at = x * self.channels
                if max(abs(row[at + i] - background[i]) for i in range(3)) > 24:
                    columns.add(x)
        return sorted(columns)


def _unfilter(kind: int, line: bytearray, previous: bytearray, step: int) -> None:
    for i in range(len(line)):
        left = line[i - step] if i >= step else 0
        up, corner = previous[i], (previous[i - step] if i >= step else 0)
        if kind == 1:
            line[i] = (line[i] + left) & 255
        elif kind == 2:
            line[i] = (line[i] + up) & 255
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 255
        elif kind == 4:
            guess = left + up - corner
            near = min(
                (abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner)
            )
            line[i] = (line[i] + near[2]) & 255


def luminance(rgb: tuple[int, int, int]) -> float:
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


@pytest.fixture(scope="module")
def html_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "brief.html"
    path.write_text(page(), encoding="utf-8")
    return path


@needs_chromium
def test_on_a_wide_screen_the_text_is_a_centred_column_of_about_70_characters(html_file, tmp_path):
    shot = screenshot(html_file, tmp_path, 1280, 900)
    background = shot.pixel(2, 2)
    assert luminance(background) > 220  # light by default
    inked = shot.inked_columns(background)
    left, right = inked[0], inked[-1]
    # The rules above the stories span the column exactly: 70 characters of the page's own text font,
    # whichever serif this machine falls back to (70ch is 595px in Liberation Serif, 757px in DejaVu).
    seventy = _width_of_seventy_characters(html_file.read_text(encoding="utf-8"), tmp_path)
    assert abs((right - left + 1) - seventy) <= 4, (left, right, seventy)
    assert 450 <= seventy <= 800, seventy  # a readable measure in any serif at the page's size
    assert abs(left - (shot.width - 1 - right)) <= 24, "not centred"


def _width_of_seventy_characters(html: str, tmp_path: Path) -> int:
    """The width, in this Chromium with this machine's fonts, of a 70ch bar set in the page's body font."""
    body_font = re.search(r"body \{[^}]*?font: ([^;]+);", html)
    assert body_font, "the page's style sets no body font"
    probe = tmp_path / "seventy.html"
    probe.write_text(
        "<!doctype html><meta charset=utf-8><body style='margin:0;background:#fff'>"
        f"<div style='font: {body_font[1]}; width: 70ch; height: 40px; background: #000'></div>",
        encoding="utf-8",
    )
    shot = screenshot(probe, tmp_path, 1280, 200)
    inked = shot.inked_columns(shot.pixel(1279, 199))
    return inked[-1] - inked[0] + 1


@needs_chromium
def test_on_a_phone_nothing_overflows_not_even_a_long_word_or_address(html_file, tmp_path):
    shot = screenshot(html_file, tmp_path, 390, 2400)
    background = shot.pixel(1, 1)
    inked = shot.inked_columns(background)
    # The page keeps its padding on both sides: no text runs into the edge or past it.
    assert inked[0] >= 12 and inked[-1] <= shot.width - 13, (inked[0], inked[-1])


@needs_chromium
def test_dark_mode_is_dark_with_light_text(html_file, tmp_path):
    light = screenshot(html_file, tmp_path, 800, 600)
    dark = screenshot(html_file, tmp_path, 800, 600, dark=True)
    assert luminance(light.pixel(2, 2)) > 220 and luminance(dark.pixel(2, 2)) < 50
    text = [dark.pixel(x, y) for y in range(0, 200, 2) for x in range(100, 700, 2)]
    assert max(map(luminance, text)) > 180  # the headline and text are light on the dark page


def test_a_page_saved_among_the_articles_is_not_read_back_as_one(tmp_path):
    from summarizer.sources.ingest import read_articles

    (tmp_path / "brief.html").write_text(page(), encoding="utf-8")
    (tmp_path / "article.txt").write_text("The bridge reopened on Monday after two years of repairs.\n" * 10)
    found = read_articles([tmp_path])
    assert [article.origin for article in found.articles] == [str(tmp_path / "article.txt")]
    assert found.failures == []


def test_every_story_of_a_long_page_links_back_to_the_top_stories():
    from tests.output.test_render import three_stories

    html = render_brief(three_stories(), "html", standalone=True)
    assert html.count('<a href="#top-stories">↑ Top stories</a>') == 2  # one a story
    assert '<h2 id="top-stories">Top stories</h2>' in html
    assert "↑ Top stories" not in render_brief(three_stories())  # a fragment or Markdown is the host's
