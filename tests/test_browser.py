"""Every report in a real browser (Debian's headless Chromium through chromedriver): no console
errors, no request to another host, every image decoded, Chinese text present, every index link
resolving. A screenshot of each lands in the test's temporary folder."""

import json
import re
import shutil
from pathlib import Path

import pytest

from analysis import config

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
    pytest.skip("Debian's chromium and chromium-driver are not installed (.ci/run installs "
                "them: apt-get install chromium chromium-driver)", allow_module_level=True)

PAGES = sorted(p for p in config.REPORTS_DIR.rglob("*.html"))
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--window-size=1200,900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def requests_made(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(config.REPORTS_DIR).as_posix() for p in PAGES])
def test_a_report_in_the_browser(browser, page, tmp_path):
    browser.get_log("performance")  # drop what earlier pages left
    browser.get(page.as_uri())
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == [], errors
    foreign = [url for url in requests_made(browser) if not url.startswith(("file:", "data:"))]
    assert foreign == []
    undecoded = browser.execute_script(
        "return Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0))"
        ".map(i => i.alt)")
    assert undecoded == []
    text = browser.execute_script("return document.body.innerText")
    if "en" in page.relative_to(config.REPORTS_DIR).parts[:-1]:
        assert browser.execute_script("return document.documentElement.lang") == "en"
        assert len(re.findall(r"[A-Za-z]+", text)) > 50
    else:
        assert len(CJK.findall(text)) > 50  # Chinese, as reviewers read it by default
    browser.save_screenshot(str(tmp_path / (page.stem + ".png")))


def test_every_index_link_resolves(browser):
    browser.get((config.REPORTS_DIR / "index.html").as_uri())
    links = browser.execute_script("return Array.from(document.links).map(a => a.href)")
    assert len(links) >= 20
    for link in links:
        browser.get(link)
        assert browser.execute_script("return document.readyState") == "complete"
        assert browser.title and "ERR_FILE_NOT_FOUND" not in browser.page_source, link


@pytest.fixture(scope="module")
def phone():
    """A 390-px-wide phone (the width of most of today's phones), emulated by Chromium."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"):
        options.add_argument(flag)
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3.0, "mobile": True, "touch": True}})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(config.REPORTS_DIR).as_posix() for p in PAGES])
def test_on_a_phone_the_page_never_scrolls_sideways(phone, page, tmp_path):
    phone.get(page.as_uri())
    width = phone.execute_script("return window.innerWidth")
    assert width == 390
    assert phone.execute_script("return document.documentElement.scrollWidth") <= width
    # Every verdict of the headline table is on screen without scrolling sideways.
    offside = phone.execute_script(
        "return Array.from(document.querySelectorAll('td .status'))"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).length")
    assert offside == 0
    # Charts scale down to the width.
    wide = phone.execute_script(
        "return Array.from(document.querySelectorAll('svg'))"
        ".filter(e => e.getBoundingClientRect().width > window.innerWidth).length")
    assert wide == 0
    phone.save_screenshot(str(tmp_path / (page.stem + "-phone.png")))


def test_on_a_phone_the_first_screen_shows_the_title_and_the_overall_assessment(phone):
    phone.get((config.REPORTS_DIR / "annual_2025.html").as_uri())
    top = phone.execute_script(
        "const h = Array.from(document.querySelectorAll('h1, h2'));"
        "return [h[0].getBoundingClientRect().top, h[1].getBoundingClientRect().top, h[1].innerText]")
    assert top[0] < 844 and top[1] < 844 * 0.75 and "总体情况" in top[2]


@pytest.mark.parametrize("name", ["annual_2025.html", "en/annual_2023.html", "methods.html"])
def test_every_link_of_a_report_resolves_in_the_browser(browser, name):
    """The bar (index, other language, methods), the table of contents and the downloads."""
    from urllib.parse import unquote, urlparse

    page = config.REPORTS_DIR / name
    browser.get(page.as_uri())
    links = browser.execute_script("return Array.from(document.links).map(a => a.href)")
    assert len(links) >= 4
    for link in links:
        url = urlparse(link)
        assert url.scheme == "file", link
        assert Path(unquote(url.path)).is_file(), link
        if url.fragment:
            # As the browser looks it up: the fragment as written, then percent-decoded.
            assert browser.execute_script(
                "return document.getElementById(arguments[0]) !== null"
                " || document.getElementById(arguments[1]) !== null",
                url.fragment, unquote(url.fragment)), link
