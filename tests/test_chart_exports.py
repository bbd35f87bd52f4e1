"""Chart files as a user gets them: `python -m dashboard chart` (a real subprocess) and the download routes.

PNG and SVG go through kaleido and the real Debian chromium, so those tests carry the browser mark.
"""

import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from dashboard.formats import chart_files, charts, images
from dashboard.web.app import create_app
from testsupport import DATA, MINI, ROOT

SVG = "{http://www.w3.org/2000/svg}"


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "chart", *args], cwd=ROOT, capture_output=True, text=True, timeout=180
    )


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", data[:16]
    return struct.unpack(">II", data[16:24])


def svg_texts(data: bytes) -> tuple[ET.Element, str]:
    root = ET.fromstring(data)  # raises on anything that is not well-formed XML
    assert root.tag == f"{SVG}svg"
    return root, " ".join(t for el in root.iter(f"{SVG}text") for t in el.itertext())


@pytest.fixture(scope="module")
def client(mini):
    return create_app(catalogue=mini).server.test_client()


@pytest.fixture(scope="module")
def renderer():
    with images.ImageRenderer() as r:
        yield r


# ---------------------------------------------------------------- command line, no browser needed


def test_cli_help_lists_chart():
    out = subprocess.run(
        [sys.executable, "-m", "dashboard", "chart", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0 and "--plotlyjs" in out.stdout and "dispute" in out.stdout


@pytest.mark.parametrize(
    "args,message",
    [
        (["--view", "dispute"], "name the event with event=ID in the query (--event ID on the command line)"),
        (["--event", "nope"], "unknown event id 'nope'"),
        (["--width", "12"], "bad width '12': give a whole number of pixels from 320 to 7680"),
        (["--height", "tall"], "bad height 'tall'"),
        (["--scale", "2", "--format", "svg"], "--scale only multiplies a PNG's pixels"),
        (["--plotlyjs", "cdn", "--format", "html"], "bad --plotlyjs 'cdn'"),
        (["--plotlyjs", "inline", "--format", "png"], "--plotlyjs only applies to --format html"),
        (["--query", "era=bronze-age"], "unknown era value(s) 'bronze-age'"),
    ],
)
def test_cli_bad_parameters_say_what_to_do(tmp_path, args, message):
    base = {"--format": "png", "--out": str(tmp_path / "x.png"), "--data": str(MINI)}
    for flag in ("--format",):
        if flag in args:
            base.pop(flag)
    out = run(*[x for kv in base.items() for x in kv], *args)
    assert out.returncode == 2, out.stderr
    assert message in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "x.png").exists()


def test_cli_missing_folder(tmp_path):
    out = run("--format", "svg", "--out", str(tmp_path / "no" / "x.svg"), "--data", str(MINI))
    assert out.returncode == 2 and "does not exist" in out.stderr


def test_cli_html_offline_and_url_variants(tmp_path):
    offline, small = tmp_path / "chart.html", tmp_path / "chart-url.html"
    out = run("--view", "timeline", "--format", "html", "--out", str(offline), "--data", str(MINI))
    assert out.returncode == 0, out.stderr
    out = run(
        "--view",
        "timeline",
        "--format",
        "html",
        "--plotlyjs",
        "https://example.org/js/plotly.min.js",
        "--out",
        str(small),
        "--data",
        str(MINI),
    )
    assert out.returncode == 0, out.stderr
    assert "5 events drawn" in out.stderr
    assert 'id="plotlyjs-gzip"' in offline.read_text(encoding="utf-8")
    assert '<script src="https://example.org/js/plotly.min.js"' in small.read_text(encoding="utf-8")
    assert small.stat().st_size < 40_000 < offline.stat().st_size


# ---------------------------------------------------------------- download routes, no browser needed


def test_download_html_is_an_attachment_with_a_fixed_name(client):
    r = client.get("/download/chart.html", query_string={"view": "dispute", "event": "xss", "canon": "canon"})
    assert r.status_code == 200 and r.mimetype == "text/html"
    assert r.headers["Content-Disposition"] == 'attachment; filename="bajor-timeline-dispute-xss.html"'
    page = r.get_data(as_text=True)
    assert "&lt;img src=x onerror=alert(1)&gt;: what each source says" in page and "<img" not in page


def test_download_never_puts_user_text_in_a_header(client):
    r = client.get("/download/chart.html", query_string={"view": "gantt", "q": "✓\r\nX-Evil: 1", "era": "☃"})
    assert r.status_code == 200
    assert r.headers["Content-Disposition"] == 'attachment; filename="bajor-timeline-gantt.html"'
    assert "X-Evil" not in r.headers and all(v.isascii() for _, v in r.headers.items())


@pytest.mark.parametrize(
    "query,message",
    [
        ({"view": "dispute"}, "event=ID"),
        ({"view": "pie"}, "unknown view"),
        ({"event": "nope"}, "unknown event id"),
        ({"width": "99999"}, "bad width"),
        ({"plotlyjs": "https://evil.example/x.js"}, "plotlyjs must be one of"),
    ],
)
def test_download_bad_parameters_get_400_with_a_reason(client, query, message):
    r = client.get("/download/chart.html", query_string=query)
    assert r.status_code == 400 and message in r.get_json()["error"]


def test_download_image_size_is_checked_before_any_browser_starts(client):
    r = client.get("/download/chart.png", query_string={"width": "10"})
    assert r.status_code == 400 and "bad width" in r.get_json()["error"]


# ---------------------------------------------------------------- a browser that fails: an error, never a hang


def test_cli_says_when_the_browser_fails_to_start(tmp_path):
    """kaleido's server thread ends when the browser dies while starting; the renderer sees that at
    once instead of waiting for a timeout (a fresh process: kaleido has one server per process)."""
    out = subprocess.run(
        [sys.executable, "-m", "dashboard", "chart", "--format", "png", "--out", str(tmp_path / "x.png")]
        + ["--data", str(MINI)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "CHROMIUM": "/bin/false"},
    )
    assert out.returncode == 1 and "chart: kaleido could not draw the png: the browser stopped" in out.stderr
    assert not (tmp_path / "x.png").exists()


DOWNLOAD_WITH_A_BROKEN_BROWSER = """
import sys
from dashboard.domain.catalogue import Catalogue
from dashboard.web.app import create_app
client = create_app(catalogue=Catalogue.load(sys.argv[1])).server.test_client()
for _ in range(2):  # the second image starts afresh and fails the same way
    r = client.get("/download/chart.png")
    print(r.status_code, r.get_json()["error"])
"""


def test_download_answers_503_when_the_browser_fails():
    out = subprocess.run(
        [sys.executable, "-c", DOWNLOAD_WITH_A_BROKEN_BROWSER, str(MINI)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "CHROMIUM": "/bin/false"},
    )
    answer = "503 the image could not be drawn on this server; the details are in its log"
    assert out.stdout.splitlines() == [answer, answer], out.stderr[-2000:]


# ---------------------------------------------------------------- images: kaleido drives Debian's chromium


@pytest.mark.browser
def test_cli_png_has_the_asked_size(tmp_path):
    out_file = tmp_path / "slide.png"
    out = run(
        "--view",
        "gantt",
        "--format",
        "png",
        "--width",
        "1920",
        "--height",
        "1080",
        "--out",
        str(out_file),
        "--query",
        "canon=canon&faction=resistance",
        "--data",
        str(DATA),
    )
    assert out.returncode == 0, out.stderr
    assert png_size(out_file.read_bytes()) == (1920, 1080)


@pytest.mark.browser
def test_cli_svg_is_valid_xml_with_title_caption_and_credit(tmp_path, mini):
    out_file = tmp_path / "dispute.svg"
    out = run(
        "--view",
        "dispute",
        "--event",
        "xss",
        "--format",
        "svg",
        "--width",
        "1280",
        "--height",
        "720",
        "--out",
        str(out_file),
        "--data",
        str(MINI),
    )
    assert out.returncode == 0, out.stderr
    root, text = svg_texts(out_file.read_bytes())
    assert (root.get("width"), root.get("height")) == ("1280", "720")
    assert "<img src=x onerror=alert(1)>: what each source says" in text  # shown as text...
    assert not any(el.tag.endswith(("img", "script", "foreignObject")) for el in root.iter())  # ...never as markup
    assert "2350, as each source dates it" in text and "Memory Alpha" in text and "CC BY-NC 3.0" in text


@pytest.mark.browser
def test_one_browser_draws_many_images_at_any_scale(renderer, real):
    chart = charts.build(real, "view=timeline&canon=canon")
    first = chart_files.render(chart, real.tables, "png", width=1920, height=1080, renderer=renderer)
    double = chart_files.render(chart, real.tables, "png", width=1920, height=1080, scale=2, renderer=renderer)
    half = chart_files.render(chart, real.tables, "png", width=960, height=540, scale=2, renderer=renderer)
    assert png_size(first) == (1920, 1080) and png_size(double) == (3840, 2160) and png_size(half) == (1920, 1080)
    _, text = svg_texts(chart_files.render(chart, real.tables, "svg", width=1920, height=1080, renderer=renderer))
    assert "Bajor Timeline: moments" in text and chart.caption.split(";")[0] in text
    assert renderer.images == 4  # one browser, kept running


@pytest.mark.browser
def test_an_image_that_times_out_is_an_error_and_the_next_starts_afresh(renderer, mini):
    chart = charts.build(mini, "view=timeline")
    renderer.close()  # this test sets the server's timeout, given when it starts
    renderer.timeout = 0.001
    with pytest.raises(images.RenderError, match="could not draw the png"):
        chart_files.render(chart, mini.tables, "png", width=640, height=360, renderer=renderer)
    assert not renderer.running
    renderer.timeout = images.RENDER_TIMEOUT
    assert png_size(chart_files.render(chart, mini.tables, "png", width=640, height=360, renderer=renderer)) == (
        640,
        360,
    )
    assert renderer.running and renderer.images == 1


@pytest.mark.browser
def test_download_png_and_svg(client):
    r = client.get(
        "/download/chart.png", query_string={"view": "timeline", "width": "960", "height": "540", "scale": "2"}
    )
    assert r.status_code == 200 and r.mimetype == "image/png"
    assert r.headers["Content-Disposition"] == 'attachment; filename="bajor-timeline-timeline.png"'
    assert png_size(r.data) == (1920, 1080)
    r = client.get("/download/chart.svg", query_string={"view": "dispute", "event": "annexation"})
    assert r.status_code == 200 and r.mimetype == "image/svg+xml"
    root, text = svg_texts(r.data)
    assert root.get("width") == "1920" and "Annexation of Bajor: what each source says" in text
