#!/usr/bin/env bash
# The one command that runs every test (the README's; .ci/run calls it on a clean clone).
# It installs what the tests need, so a fresh machine needs only the .NET SDK, Node.js and apt.
set -euo pipefail
cd "$(dirname "$0")/.."

# Real components the tests talk to: ical.js (Thunderbird's iCalendar parser) reads the feed,
# MailDev is the SMTP server reminders are sent to. Pinned by tests/tools/package-lock.json.
npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error

# A real headless browser for the page tests: Debian's Chromium, driven by Playwright.
if ! command -v chromium >/dev/null 2>&1; then
  echo "tests/run.sh: installing chromium (apt-get)..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

dotnet test Calendar.sln --configuration Release "$@"
