#!/usr/bin/env bash
# The one command that runs every test (the README's; .ci/run calls it on a clean clone).
# It installs what the tests need, so a fresh machine needs only the .NET SDK, Node.js, Python 3 and apt.
set -euo pipefail
cd "$(dirname "$0")/.."

# Real components the tests talk to: ical.js (Thunderbird's iCalendar parser) reads the feed,
# MailDev is the SMTP server reminders are sent to. Pinned by tests/tools/package-lock.json.
npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error

# Debian packages: Chromium, the real headless browser for the page tests (driven by Playwright),
# docker-compose, which validates docker-compose.yml (there is no Docker engine in CI to run it), and
# PostgreSQL, the database several replicas share.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "tests/run.sh: installing ${missing[*]} (apt-get)..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# A throwaway PostgreSQL cluster on a free loopback port for the storage and replica tests, stopped at the end.
# initdb refuses to run as root: as root, its programs run as the postgres user the package created.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_dir=$(mktemp -d /tmp/calendar-postgres.XXXXXX)
pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$pg_dir"; as_pg=(runuser -u postgres --); else as_pg=(); fi
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U calendar --auth=trust -E UTF8 --locale=C --no-sync >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w -t 60 \
  -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null
trap '"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null; rm -rf "$pg_dir"' EXIT
export CALENDAR_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=calendar;Database=postgres;Pooling=false"

dotnet test Calendar.sln --configuration Release "$@"
