#!/usr/bin/env python3
"""Headless Chromium check of the merchant pages, run by BrowserTests.swift against a live Regulars.

Signs in through the real form, opens the Dashboard, the Customers list, a customer profile, the Integrations page and the
Loyalty page (with its programme forms) in English, Arabic and Chinese,
asserts the document language and direction (Arabic is right-to-left and its layout is mirrored), asserts that no
catalogue key is shown untranslated, and saves a screenshot of every page.

Usage: check_pages.py BASE_URL EMAIL PASSWORD CATALOGUE_JSON SCREENSHOT_DIR
"""
import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as conditions
from selenium.webdriver.support.ui import WebDriverWait


def browser():
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                 "--disable-gpu", "--lang=en-US"):
        options.add_argument(flag)
    options.binary_location = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(options=options, service=service)


def check_page(driver, lang, keys, shots, name):
    html = driver.find_element(By.TAG_NAME, "html")
    expected_dir = "rtl" if lang == "ar" else "ltr"
    assert html.get_attribute("lang") == lang, f"{name}: lang is {html.get_attribute('lang')}, expected {lang}"
    assert html.get_attribute("dir") == expected_dir, f"{name}: dir is {html.get_attribute('dir')}"
    direction = driver.execute_script("return getComputedStyle(document.body).direction")
    assert direction == expected_dir, f"{name}: computed direction {direction}"
    text = driver.find_element(By.TAG_NAME, "body").text
    # One-word keys ("email", "search") are ordinary English words, so on English pages only compound keys can leak.
    candidates = keys if lang != "en" else {key for key in keys if "_" in key}
    leaked = sorted(key for key in candidates if key in text.split())
    assert not leaked, f"{name}: untranslated catalogue keys shown: {leaked}"
    tables = driver.find_elements(By.CSS_SELECTOR, "table")
    headers = tables[0].find_elements(By.CSS_SELECTOR, "thead th") if tables else []
    if len(headers) >= 2:
        first, last = headers[0].rect["x"], headers[-1].rect["x"]
        mirrored = first > last
        assert mirrored == (lang == "ar"), f"{name}: table columns run the wrong way ({first} vs {last})"
    path = os.path.join(shots, f"{name}-{lang}.png")
    driver.save_screenshot(path)
    print(f"checked {name} in {lang}: dir={expected_dir}, screenshot {path}")


def main():
    base, email, password, catalogue_path, shots = sys.argv[1:6]
    os.makedirs(shots, exist_ok=True)
    with open(catalogue_path, encoding="utf-8") as handle:
        keys = set(json.load(handle).keys())
    driver = browser()
    wait = WebDriverWait(driver, 20)
    try:
        driver.get(f"{base}/login?lang=ar")
        check_page(driver, "ar", keys, shots, "login")
        driver.find_element(By.NAME, "email").send_keys(email)
        driver.find_element(By.NAME, "password").send_keys(password)
        driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()
        wait.until(conditions.url_contains("/dashboard"))
        for lang in ("ar", "zh", "en"):
            driver.get(f"{base}/dashboard?lang={lang}")
            wait.until(conditions.presence_of_element_located((By.CSS_SELECTOR, ".tiles")))
            assert driver.find_elements(By.CSS_SELECTOR, "svg"), "dashboard: no charts rendered"
            check_page(driver, lang, keys, shots, "dashboard")
            driver.get(f"{base}/customers?lang={lang}")
            wait.until(conditions.presence_of_element_located((By.CSS_SELECTOR, "table tbody tr")))
            check_page(driver, lang, keys, shots, "customers")
            profile = driver.find_element(By.CSS_SELECTOR, "table tbody tr td a").get_attribute("href")
            driver.get(f"{profile}?lang={lang}")
            wait.until(conditions.presence_of_element_located((By.CSS_SELECTOR, "ol.timeline")))
            check_page(driver, lang, keys, shots, "profile")
            driver.get(f"{base}/integrations?lang={lang}")
            wait.until(conditions.presence_of_element_located((By.CSS_SELECTOR, "section.integration")))
            assert len(driver.find_elements(By.CSS_SELECTOR, "section.integration")) == 3, "integrations: 3 sources"
            check_page(driver, lang, keys, shots, "integrations")
            driver.get(f"{base}/loyalty?lang={lang}")
            wait.until(conditions.presence_of_element_located((By.CSS_SELECTOR, "form[action='/loyalty/tiers']")))
            assert driver.find_elements(By.CSS_SELECTOR, "form[action='/loyalty/referral-rules']"), "loyalty: forms"
            check_page(driver, lang, keys, shots, "loyalty")
            driver.execute_script("document.getElementById('tiers').scrollIntoView()")
            driver.save_screenshot(os.path.join(shots, f"loyalty-forms-{lang}.png"))
    finally:
        driver.quit()
    print("browser check passed")


if __name__ == "__main__":
    main()
