#!/usr/bin/env python3
"""Headless Chromium check of the shopper's My rewards page, run by RewardsBrowserTests.swift against a live Regulars.

Opens the signed link in Arabic, Chinese and English, asserts the document language and direction (Arabic is
right-to-left, its tables mirrored), that no catalogue key is shown untranslated, redeems a reward with one click in
Arabic and checks the discount code is shown, and saves a screenshot of every page.

Usage: check_rewards.py REWARDS_URL CATALOGUE_JSON SCREENSHOT_DIR
"""
import json
import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as conditions
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_pages import browser, check_page  # noqa: E402


def main():
    url, catalogue_path, shots = sys.argv[1:4]
    os.makedirs(shots, exist_ok=True)
    with open(catalogue_path, encoding="utf-8") as handle:
        keys = set(json.load(handle).keys())
    driver = browser()
    wait = WebDriverWait(driver, 20)
    try:
        for lang in ("ar", "zh", "en"):
            driver.get(f"{url}?lang={lang}")
            wait.until(conditions.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=balance]")))
            check_page(driver, lang, keys, shots, "rewards")
        driver.get(f"{url}?lang=ar")
        balance = int(driver.find_element(By.CSS_SELECTOR, "[data-testid=balance]").text)
        driver.find_element(By.CSS_SELECTOR, "ul.rewards button[type=submit]").click()
        wait.until(conditions.presence_of_element_located((By.CSS_SELECTOR, "p.notice code")))
        code = driver.find_element(By.CSS_SELECTOR, "p.notice code").text
        assert code.startswith("REG-"), f"rewards: no discount code shown ({code!r})"
        after = int(driver.find_element(By.CSS_SELECTOR, "[data-testid=balance]").text)
        assert after < balance, f"rewards: balance {balance} → {after} after redeeming"
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
        path = os.path.join(shots, "rewards-redeemed-ar.png")
        driver.save_screenshot(path)
        print(f"redeemed in ar: code {code}, balance {balance} → {after}, screenshot {path}")
    finally:
        driver.quit()
    print("rewards browser check passed")


if __name__ == "__main__":
    main()
