"""The reports in headless Chromium: no console error, nothing fetched, the counts of the data.

Set ACTIONPLAN_SCREENSHOTS=docs to refresh the screenshots that the README shows.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sample_paths import NEW_DECK, OLD_DECK

from extractor.cli.main import main
from extractor.compare.changes import changed_groups

pytestmark = pytest.mark.slow

INSTALL_HINT = (
    "no Chromium with chromedriver found; install Debian's packages to run the browser tests: "
    "apt-get install chromium chromium-driver"
)
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--force-device-scale-factor=1",
)  # fmt: skip
PHONE = (390, 844)
DESKTOP = (1100, 1400)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    """Chromium driven through chromedriver, with its console and network logs kept."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="pip install -e '.[test]'")
    from selenium.webdriver.chrome.service import Service

    binary = next(filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None)
    driver_path = shutil.which("chromedriver")
    if binary is None or driver_path is None:
        pytest.skip(INSTALL_HINT)
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    yield driver
    driver.quit()


def _open(driver, page: Path, size: tuple[int, int]) -> tuple[list[str], dict[str, str | None]]:
    """Load a page; return its console errors, and each URL it asked for with why it was blocked."""
    driver.get_log("browser"), driver.get_log("performance")
    driver.set_window_size(*size)
    driver.get(page.as_uri())
    errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    events = [json.loads(e["message"])["message"] for e in driver.get_log("performance")]
    urls = {e["params"]["requestId"]: e["params"]["request"]["url"] for e in events
            if e["method"] == "Network.requestWillBeSent"}  # fmt: skip
    blocked = {e["params"]["requestId"]: e["params"].get("blockedReason") for e in events
               if e["method"] == "Network.loadingFailed"}  # fmt: skip
    return errors, {url: blocked.get(request) for request, url in urls.items()}


def _screenshot(driver, path: Path, height: int) -> bytes:
    """A PNG of the top `height` pixels of the page, saved to path (and to the docs if asked)."""
    width = driver.execute_script("return window.innerWidth")
    full = driver.execute_script("return document.documentElement.scrollHeight")
    clip = {"x": 0, "y": 0, "width": width, "height": min(height, full), "scale": 1}
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}
    )
    png = base64.b64decode(shot["data"])
    path.write_bytes(png)
    if os.environ.get("ACTIONPLAN_SCREENSHOTS"):
        shutil.copy(path, Path(os.environ["ACTIONPLAN_SCREENSHOTS"]) / path.name)
    return png


def _shown_counts(driver) -> dict[str, int]:
    script = """return Array.from(document.querySelectorAll('[data-count]'),
        el => [el.dataset.count, el.querySelector('b').innerText])"""
    return {key: int(value) for key, value in driver.execute_script(script)}


def _fits_width(driver) -> bool:
    return driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


@pytest.fixture(scope="module")
def pages(sample_edition: Path, tmp_path_factory) -> dict[str, Path]:
    """The sample edition's report, and the diff page of the two sample decks."""
    folder = tmp_path_factory.mktemp("pages")
    runner = CliRunner()
    edition = [str(sample_edition), "-o", str(folder / "report.html")]
    diff = [str(OLD_DECK), str(NEW_DECK), "-o", str(folder / "diff-report.html")]
    for args in (edition, diff):
        result = runner.invoke(main, ["report", *args])
        assert result.exit_code == 0, result.output
    return {"edition": folder / "report.html", "diff": folder / "diff-report.html"}


def test_edition_report_on_a_phone(browser, pages, sample_edition: Path, tmp_path: Path) -> None:
    errors, urls = _open(browser, pages["edition"], PHONE)
    assert errors == []
    assert all(url.startswith(("file:", "data:")) for url in urls), urls
    assert _fits_width(browser), "the page is wider than a phone's screen"
    data = json.loads((sample_edition / "plan.json").read_text(encoding="utf-8"))
    groups = data["thematic_groups"]
    wgs = [wg for g in groups for wg in g["working_groups"]]
    assert _shown_counts(browser) == {
        "thematic_groups": len(groups), "working_groups": len(wgs),
        "meetings": sum(len(o["meetings"]) for o in groups + wgs),
        "people": len(data["people"]), "organisations": len(data["organisations"]),
        "warnings": len(data["warnings"]),
    }  # fmt: skip
    charts = browser.execute_script(
        "return Array.from(document.querySelectorAll('figure.chart svg'),"
        " s => s.getBoundingClientRect().width)"
    )
    assert len(charts) == 3 and all(0 < w <= PHONE[0] for w in charts)
    png = _screenshot(browser, tmp_path / "report-phone.png", 1600)
    assert png.startswith(b"\x89PNG") and len(png) > 20_000


def test_edition_report_on_a_desktop(browser, pages, tmp_path: Path) -> None:
    errors, _ = _open(browser, pages["edition"], DESKTOP)
    assert errors == []
    assert browser.execute_script("return document.querySelectorAll('li.meeting').length") == 27
    png = _screenshot(browser, tmp_path / "report.png", 1500)
    assert png.startswith(b"\x89PNG")


def _shown_sections(driver) -> list[list]:
    script = """return Array.from(document.querySelectorAll('section[data-group]'), s => [
        s.dataset.group, Number(s.querySelector('[data-group-count]').innerText),
        s.querySelectorAll('li.change').length])"""
    return driver.execute_script(script)


def test_diff_report(browser, pages, expected_changes, sample_diff, tmp_path: Path) -> None:
    errors, urls = _open(browser, pages["diff"], PHONE)
    assert errors == [] and all(url.startswith("file:") for url in urls)
    assert _fits_width(browser), "the page is wider than a phone's screen"
    kinds = ("added", "removed", "renamed", "modified")
    expected = {kind: sum(r["change"] == kind for r in expected_changes) for kind in kinds}
    assert _shown_counts(browser) == {"changes": 102, **expected}
    groups = changed_groups(sample_diff)
    assert _shown_sections(browser) == [
        [g.group_id, len(g.changes), len(g.changes)] for g in groups
    ]
    _open(browser, pages["diff"], DESKTOP)
    png = _screenshot(browser, tmp_path / "diff-report.png", 1500)
    assert png.startswith(b"\x89PNG") and len(png) > 20_000


def test_a_fetch_from_outside_is_refused_and_reported(browser, pages, tmp_path: Path) -> None:
    html = pages["edition"].read_text(encoding="utf-8")
    tampered = tmp_path / "tampered.html"
    injected = '<img src="https://cdn.invalid/logo.png" alt="">'
    tampered.write_text(html.replace("</main>", f"{injected}</main>"), encoding="utf-8")
    errors, urls = _open(browser, tampered, PHONE)
    assert any("Content Security Policy" in e for e in errors), errors
    assert urls["https://cdn.invalid/logo.png"] == "csp"
