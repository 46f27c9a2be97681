#!/usr/bin/env bash
# The one command that runs every test (the README's; .ci/run calls it on a clean clone).
# It installs what the tests need, so a fresh machine needs only the .NET SDK, Node.js and apt.
set -euo pipefail
cd "$(dirname "$0")/.."

# Real components the tests talk to: ical.js (Thunderbird's iCalendar parser) reads the feed,
# MailDev is the SMTP server reminders are sent to. Pinned by tests/tools/package-lock.json.
npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error

# Debian packages: Chromium, the real headless browser for the page tests (driven by Playwright), and
# docker-compose, which validates docker-compose.yml (there is no Docker engine in CI to run it).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
if [ ${#missing[@]} -gt 0 ]; then
  echo "tests/run.sh: installing ${missing[*]} (apt-get)..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

dotnet test Calendar.sln --configuration Release "$@"
