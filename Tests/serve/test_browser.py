"""The web page as a clerk uses it: Debian's chromium driven through selenium against a real `zizhu serve`.

Upload the samples, see the summary and the findings, filter them, switch to English, download the zip and open
every workbook in it with openpyxl. A screenshot of the page is saved under .build/browser/ when a step fails.

    python3 Tests/serve/test_browser.py [path/to/zizhu]
"""
import io
import os
import sys
import time
import traceback
import zipfile

import openpyxl
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_support import PACKAGE, Results, Server, default_binary  # noqa: E402
from district_support import Postgres, district_server, person_password, set_up_district  # noqa: E402

SCREENSHOTS = os.path.join(PACKAGE, ".build", "browser")
SAMPLES = os.path.join(PACKAGE, "samples")


def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1600", "--lang=zh-CN"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                              "download.prompt_for_download": False})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait_for_file(folder, suffix, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        done = [n for n in os.listdir(folder) if n.endswith(suffix)]
        if done and not any(n.endswith(".crdownload") for n in os.listdir(folder)):
            return os.path.join(folder, done[0])
        time.sleep(0.2)
    return None


def sign_in(driver, base, login):
    driver.get(base + "/login")
    driver.find_element(By.ID, "login-name").send_keys(login)
    driver.find_element(By.ID, "password").send_keys(person_password(login))
    driver.find_element(By.ID, "login").click()
    WebDriverWait(driver, 60).until(EC.presence_of_element_located((By.ID, "who")))


def sign_out(driver):
    driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
    WebDriverWait(driver, 60).until(EC.presence_of_element_located((By.ID, "login-form")))


def district(results, binary):
    """A school submits through the page; a reviewer returns it with a reason; the school reads the reason."""
    postgres = Postgres()
    server = district_server(binary, postgres)
    os.makedirs(os.path.join(server.data, "downloads"), exist_ok=True)
    driver = browser(os.path.join(server.data, "downloads"))
    step = "set up the district"
    try:
        set_up_district(server, schools=[("S001", "示例县第一中学", "clerk-a")], reviewers=["reviewer-1"])
        wait = WebDriverWait(driver, 120)
        step = "the clerk signs in and uploads"
        sign_in(driver, server.base, "clerk-a")
        results.check("学校资助专干" in driver.find_element(By.ID, "who").text, "the page names the clerk's role")
        driver.find_element(By.ID, "files").send_keys(os.path.join(SAMPLES, "高一(1)班.csv"))
        driver.find_element(By.ID, "submit").click()
        state = wait.until(EC.presence_of_element_located((By.ID, "state"))).text
        results.check("草稿" in state and "示例县第一中学" in state, f"the round is the school's draft: {state!r}")
        round_url = driver.current_url

        step = "the clerk submits"
        driver.find_element(By.CSS_SELECTOR, "#submit-round button").click()
        state = wait.until(EC.presence_of_element_located((By.ID, "state"))).text
        results.check("已提交" in state, f"submitted: {state!r}")
        sign_out(driver)

        step = "the reviewer returns it"
        sign_in(driver, server.base, "reviewer-1")
        driver.get(server.base + "/rounds")
        results.check("示例县第一中学" in driver.find_element(By.ID, "rounds").text, "the reviewer lists the school's round")
        driver.find_element(By.CSS_SELECTOR, "#rounds a").click()
        wait.until(EC.presence_of_element_located((By.ID, "reason-text"))).send_keys("困难证明缺失，请补齐后重新上传")
        driver.find_element(By.CSS_SELECTOR, "#return-round button").click()
        state = wait.until(EC.presence_of_element_located((By.ID, "state"))).text
        results.check("退回" in state and "reviewer-1" in state, f"returned by the reviewer: {state!r}")
        driver.save_screenshot(os.path.join(SCREENSHOTS, "district-returned.png"))

        step = "the reviewer reads the district's figures"
        driver.find_element(By.LINK_TEXT, "区内汇总").click()
        table = wait.until(EC.presence_of_element_located((By.ID, "district")))
        results.check("示例县第一中学" in table.text and "退回 1" in table.text, "区内汇总 lists the school and its returned round")
        chart = driver.find_element(By.ID, "chart-amount")
        results.check(chart.size["width"] > 300 and chart.size["height"] > 50,
                      f"the amount chart is drawn ({chart.size})")
        driver.find_element(By.CSS_SELECTOR, "#district th:nth-child(3) a").click()
        header = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#district th[aria-sort]")))
        results.check("申请人数" in header.text and "sort=applicants" in driver.current_url,
                      f"clicking a header sorts by it ({header.text!r})")
        driver.find_element(By.ID, "summary-xlsx").click()
        results.check(wait_for_file(os.path.join(server.data, "downloads"), ".xlsx") is not None,
                      "the 汇总表 downloads from the page")
        sign_out(driver)

        step = "the clerk reads the reason"
        sign_in(driver, server.base, "clerk-a")
        driver.get(round_url)
        reason = driver.find_element(By.ID, "reason").text
        results.check("困难证明缺失，请补齐后重新上传" in reason, f"the school sees the reason: {reason!r}")
    except Exception:
        traceback.print_exc()
        results.check(False, f"district step '{step}' raised")
        try:
            driver.save_screenshot(os.path.join(SCREENSHOTS, "failed-district.png"))
        except Exception:
            pass
        print(server.log_text()[-3000:])
    finally:
        driver.quit()
        server.stop()
        postgres.stop()


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else default_binary()
    results = Results()
    district(results, binary)
    server = Server(binary)
    downloads = os.path.join(server.data, "downloads")
    os.makedirs(downloads)
    os.makedirs(SCREENSHOTS, exist_ok=True)
    driver = browser(downloads)
    step = "open the upload page"
    try:
        wait = WebDriverWait(driver, 120)
        driver.get(server.base + "/")
        results.check("资助" in driver.title or "资助" in driver.page_source, "the upload page is in Chinese")
        form = driver.find_element(By.ID, "upload-form")
        results.check(form is not None, "the page has the upload form")

        step = "pick the class sheets"
        names = sorted(n for n in os.listdir(SAMPLES) if n.endswith((".csv", ".txt", ".xlsx")))
        chooser = driver.find_element(By.ID, "files")
        chooser.send_keys("\n".join(os.path.join(SAMPLES, n) for n in names))

        step = "submit the round"
        driver.find_element(By.ID, "submit").click()
        summary = wait.until(EC.presence_of_element_located((By.ID, "summary"))).text
        driver.save_screenshot(os.path.join(SCREENSHOTS, "results.png"))
        results.check("17" in summary and "9" in summary and "8" in summary,
                      f"the summary line names 17 rows, 9 accepted, 8 returned: {summary!r}")
        results.check("11,400.00" in summary or "11400.00" in summary, f"the summary shows the accepted amount: {summary!r}")

        step = "read the findings"
        findings = driver.find_element(By.ID, "findings")
        text = findings.text
        results.check("身份证" in text, "the findings name the ID column")
        for name in names:
            results.check(name in driver.page_source, f"the findings are grouped under {name}")
        results.check("110101" not in text or "**" in text, "identifiers are masked on the page")
        rows = findings.find_elements(By.CSS_SELECTOR, "tbody tr")
        results.check(len(rows) > 0, "the findings table has rows")

        step = "filter the findings by severity"
        url = driver.current_url
        separator = "&" if "?" in url else "?"
        driver.get(url + separator + "severity=error")
        filtered = driver.find_element(By.ID, "findings").find_elements(By.CSS_SELECTOR, "tbody tr")
        results.check(0 < len(filtered) <= len(rows), "filtering by severity keeps only errors")
        results.check("警告" not in driver.find_element(By.ID, "findings").text, "no warning is left after the filter")

        step = "switch to English"
        driver.get(url + separator + "lang=en")
        english = driver.find_element(By.ID, "summary").text
        results.check("accepted" in english.lower(), f"the English page says accepted: {english!r}")
        driver.get(url + separator + "lang=zh")

        step = "go to the downloads page"
        driver.find_element(By.ID, "to-downloads").click()
        driver.save_screenshot(os.path.join(SCREENSHOTS, "documents.png"))

        step = "download every document as one zip"
        link = wait.until(EC.presence_of_element_located((By.ID, "download-zip")))
        documents = driver.find_element(By.ID, "documents").text
        for document in ("花名册", "公示名单", "银行代发清单", "退回清单", "问题清单", "report.json", "manifest.json"):
            results.check(document in documents, f"the download page lists {document}")
        link.click()
        archive = wait_for_file(downloads, ".zip")
        results.check(archive is not None, "the zip arrives in the download folder")
        if archive:
            with zipfile.ZipFile(archive) as bundle:
                results.check(bundle.testzip() is None, "the zip's CRCs hold")
                workbooks = [n for n in bundle.namelist() if n.endswith(".xlsx")]
                results.check(len(workbooks) >= 5, f"the zip holds the workbooks: {bundle.namelist()}")
                for name in workbooks:
                    book = openpyxl.load_workbook(io.BytesIO(bundle.read(name)), read_only=True)
                    results.check(len(book.sheetnames) > 0, f"openpyxl opens {name}")
                    book.close()
                results.check(any(n.endswith("manifest.json") for n in bundle.namelist()), "the zip holds manifest.json")
        step = "come back to the round from the list of rounds"
        driver.get(server.base + "/rounds")
        results.check("17" in driver.page_source, "the list of rounds shows the round")
    except Exception:
        traceback.print_exc()
        results.check(False, f"step '{step}' raised")
        shot = os.path.join(SCREENSHOTS, "failed-" + step.replace(" ", "-") + ".png")
        try:
            driver.save_screenshot(shot)
            print("screenshot:", shot)
        except Exception:
            pass
        print(server.log_text()[-3000:])
    finally:
        driver.quit()
        server.stop()
    return results.finish()


if __name__ == "__main__":
    sys.exit(main())
