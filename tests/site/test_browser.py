"""The built site in a real browser: Debian's Chromium driven by Playwright over 127.0.0.1.

Playwright's own browser download does not work on these machines, so the tests launch
/usr/bin/chromium (`make test` installs it with apt-get).
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps dialling Google hosts that this network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(QuietHandler, directory=str(site.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    assert shutil.which(CHROMIUM), f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def site_pages(site) -> list[str]:
    """URL paths of the pages: '/', '/upsample/', '/zh/upsample/', ..."""
    folders = [p.parent.relative_to(site.site).as_posix() for p in site.site.rglob("index.html")]
    return sorted("/" if f == "." else f"/{f}/" for f in folders if not f.startswith(("assets", "search")))


def test_every_image_on_every_page_loads(site, server, page):
    checked = 0
    for path in site_pages(site):
        page.goto(server + path, wait_until="load")
        for image in page.locator("article img").all():
            image.scroll_into_view_if_needed()
            src = image.get_attribute("src")
            assert image.evaluate("img => img.complete && img.naturalWidth > 0"), f"{path}: image {src} did not load"
            checked += 1
    assert checked >= 6


def test_language_switcher_leads_to_the_same_page_in_chinese(server, page):
    page.goto(f"{server}/upsample/")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="zh"]').click()
    page.wait_for_url("**/zh/upsample/")
    assert page.locator("h1").first.inner_text().startswith("nn.Upsample")
    assert page.locator("html").get_attribute("lang") == "zh"


def test_searching_chinese_finds_the_upsampling_page(server, page):
    page.goto(f"{server}/zh/")
    field = page.locator("input.md-search__input")
    field.click()
    field.type("双线性")
    field.press("End")  # Material reads the query on keyup
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15_000)
    hrefs = [a.get_attribute("href") for a in results.all()]
    assert any("zh/upsample/" in (h or "") for h in hrefs), hrefs


def test_explorer_controls_switch_the_picture(server, page):
    page.goto(f"{server}/interpolate-explorer/")
    box = page.locator(".example-switch")
    image = box.locator("img")
    first = image.get_attribute("src")
    box.locator('select[data-key="mode"]').select_option("bicubic")
    box.locator('select[data-key="scale_factor"]').select_option("3")
    second = image.get_attribute("src")
    assert second != first
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    box.locator('select[data-key="mode"]').select_option("nearest")
    box.locator('select[data-key="align_corners"]').select_option("True")
    assert box.locator(".example-switch__missing").is_visible() and not image.is_visible()


def test_explorer_page_stays_light(site, server, page):
    sizes = []
    page.on("response", lambda response: sizes.append(len(response.body())))
    page.goto(f"{server}/zh/interpolate-explorer/", wait_until="networkidle")
    assert sum(sizes) < 2_000_000, f"{sum(sizes)} bytes transferred"
