#!/usr/bin/env bash
# The feed poll rate of two replicas against one, on one PostgreSQL database, with the same load in the same run.
#   bench/replicas.sh               3 rounds of 10 s per setup
#   ROUNDS=5 SECONDS_PER_RUN=20 bench/replicas.sh
# Prints each round's requests/s, the ratio of the medians, and checks it against bench/replica-targets.csv (exit 1
# on a miss). Needs wrk and PostgreSQL (Debian: apt-get install wrk postgresql; installed here when missing), and runs
# the database in a throwaway cluster (pg_virtualenv).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${PGHOST:-}" ]; then
  missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v pg_virtualenv >/dev/null 2>&1 || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  dotnet build -c Release src/Calendar.Service >/dev/null
  # Re-run this script inside a throwaway PostgreSQL cluster; pg_virtualenv sets PGHOST, PGPORT, PGUSER, PGPASSWORD.
  exec pg_virtualenv "$0" "$@"
fi

rounds=${ROUNDS:-3}
seconds=${SECONDS_PER_RUN:-10}
dll=src/Calendar.Service/bin/Release/net10.0/Calendar.Service.dll
work=$(mktemp -d /tmp/calendar-replicas.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# A replica as docker-compose.yml's cluster profile runs one: the repository's config/ and seeds/, state in PostgreSQL.
start_replica() {
  local name=$1 port=$2
  Calendar__Database__Provider=Postgres \
  Calendar__Database__ConnectionString="Host=$PGHOST;Port=${PGPORT:-5432};Username=$PGUSER;Password=$PGPASSWORD;Database=postgres" \
  Calendar__NodeName="$name" Calendar__DataPath="$work/$name" Calendar__SigningSecret=bench-signing-secret \
  Logging__LogLevel__Default=Warning \
    dotnet "$dll" --urls "http://127.0.0.1:$port" >"$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    if curl --silent --fail --output /dev/null "http://127.0.0.1:$port/health"; then return; fi
    sleep 0.5
  done
  echo "replica $name did not start:"; cat "$work/$name.log"; exit 1
}

# Requests/s of feed polls (GET /calendar.ics, a full 200) with wrk's threads spread over the ports given.
poll_rate() {
  local duration=$1; shift
  PORTS="$*" wrk --threads 4 --connections 32 --duration "${duration}s" --script bench/replicas.lua \
    "http://127.0.0.1:$1/calendar.ics" | awk '/^Requests\/sec:/ { print $2 }'
}

port_a=$(free_port); port_b=$(free_port)
start_replica replica-a "$port_a"
start_replica replica-b "$port_b"
# Warm-up: each replica builds and caches the feed, the JIT settles.
poll_rate 3 "$port_a" "$port_b" >/dev/null

one=(); two=()
for round in $(seq 1 "$rounds"); do
  # Alternating, so that a noisy neighbour weighs on both setups alike.
  one+=("$(poll_rate "$seconds" "$port_a")")
  two+=("$(poll_rate "$seconds" "$port_a" "$port_b")")
  echo "round $round: one replica ${one[-1]} req/s, two replicas ${two[-1]} req/s"
done

python3 bench/check_replicas.py bench/replica-targets.csv "${one[*]}" "${two[*]}"
