#!/usr/bin/env bash
# Set-up check for the tests that need a browser (the onboarding page, the docs HTML report):
# headless Chromium, which nothing here installs. Says how to get it (on the terminal itself,
# since turbo shows a passing set-up's output only on failure) and lets every other task go on.
for browser in chromium chromium-browser google-chrome-stable google-chrome; do
  command -v "$browser" >/dev/null && exit 0
done
message="note: headless Chromium is not installed, so the browser tests (the onboarding page, the docs HTML report) will fail. Debian/Ubuntu: sudo apt-get install -y chromium; macOS: brew install --cask chromium"
if { true >/dev/tty; } 2>/dev/null; then echo "$message" >/dev/tty; else echo "$message"; fi
