"""The HTML after-action report: one self-contained file, nothing executable, every
data text escaped."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from console.drills.report import render
from console.drills.report.texts import EN, ZH
from tests.drills.report_samples import hostile, sample_report


@pytest.fixture(scope="module")
def zh_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = render(sample_report("zh"), "html", tmp_path_factory.mktemp("html") / "r.html")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def evil_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    data = hostile(sample_report("zh", events=40))
    path = render(data, "html", tmp_path_factory.mktemp("html") / "evil.html")
    return path.read_text(encoding="utf-8")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_self_contained_and_script_free(zh_html: str) -> None:
    parsed = _parse(zh_html)
    names = {tag for tag, _ in parsed.tags}
    assert "script" not in names and "link" not in names and "iframe" not in names
    images = [attrs for tag, attrs in parsed.tags if tag == "img"]
    assert len(images) >= 3
    assert all((a.get("src") or "").startswith("data:image/png;base64,") for a in images)
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:|//)", zh_html)
    assert "url(" not in zh_html
    assert "Content-Security-Policy" in zh_html and "default-src 'none'" in zh_html
    assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs)


def test_sections_lang_marker_and_notes(zh_html: str) -> None:
    assert '<html lang="zh-CN">' in zh_html
    parsed = _parse(zh_html)
    text = "".join(parsed.text)
    for title in (ZH.s_overview, ZH.s_people, ZH.s_timeline, ZH.s_targets, ZH.s_evaluation,
                  ZH.s_actions, ZH.s_trend):
        assert title in text
    assert 'class="banner"' in zh_html and "演练 DRILL" in text and "DEMO DATA" in text
    assert "@top-left" in zh_html and "counter(pages)" in zh_html  # printed pages
    assert "预案文件已修改" in text
    assert zh_html.count('<tr class="human">') == 12
    assert "<thead>" in zh_html  # repeated on printed pages


def test_markup_in_data_is_shown_as_text(evil_html: str) -> None:
    parsed = _parse(evil_html)
    assert not any(tag in ("script", "b") for tag, _ in parsed.tags)
    text = "".join(parsed.text)
    assert "<script>alert('x')</script>&amp;<b>粗</b>" in text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&amp;amp;" in evil_html
    assert "\x00" not in evil_html and "\x07" not in evil_html
    # the page-margin marker text is a CSS string: markup and quotes are escaped there too
    style = evil_html[evil_html.index("<style>") + 7:evil_html.index("</style>")]
    assert "<" not in style and ">" not in style.replace("> ", "")
    assert evil_html.count("</style>") == 1


def test_marker_with_quotes_stays_inside_the_css_string(tmp_path: Path) -> None:
    data = dataclasses.replace(sample_report("zh", events=20), marker='演练"}</style><i>x')
    html = render(data, "html", tmp_path / "m.html").read_text(encoding="utf-8")
    assert html.count("</style>") == 1
    assert "<i>" not in html
    assert '演练&quot;}&lt;/style&gt;&lt;i&gt;x' in html


def test_english_html(tmp_path: Path) -> None:
    data = dataclasses.replace(sample_report("en", events=30), demo_roster=False, trend=())
    html = render(data, "html", tmp_path / "en.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert EN.s_overview in html and EN.s_trend not in html
    assert "DEMO DATA" not in html
