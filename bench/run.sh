#!/usr/bin/env bash
# Almanac's benchmark harness: builds the service and the harness, then measures everything and writes a dated
# Markdown table and a JSON line under bench/results/. See docs/benchmarks.md.
#
#   bench/run.sh --quick     # under 3 minutes on a 2-core machine (the default): JDK 17 only
#   bench/run.sh --full      # under 15 minutes: 1,000 accounts, 5,000 calendars, 1,000,000 events, JDK 17 and 21+
#
# Environment: ALMANAC_BENCH_DATABASE_URL (+ _USER, _PASSWORD) to use an existing, empty, throwaway PostgreSQL on
# 127.0.0.1 instead of the embedded one; ALMANAC_BENCH_PG_PORT (15432) and ALMANAC_BENCH_HTTP_PORT (18080; the bare
# endpoint of docs/benchmarks.md takes the next port); ALMANAC_BENCH_SKIP_BUILD=1 to reuse the jars already built;
# ALMANAC_BENCH_ALL_JDKS=1 to measure JDK 21+ in quick mode too; ALMANAC_BENCH_SERVICE_JAVA_OPTIONS for extra JVM
# options of the service only (e.g. a flight recording while profiling; the figures are then not comparable).
set -euo pipefail

mode=quick
for arg in "$@"; do
  case "$arg" in
    --quick) mode=quick ;;
    --full) mode=full ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $arg (use --quick or --full)" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
work="$root/bench/target/work"
say() { printf '==> %s\n' "$*"; }

# --- tools -------------------------------------------------------------------------------------------------------
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
need() { # need <command> <debian package>
  if ! command -v "$1" >/dev/null 2>&1; then
    if ! command -v apt-get >/dev/null 2>&1; then
      echo "bench: $1 is missing and this is not a Debian-like system; install $2 and run again" >&2; exit 1
    fi
    if [ "$apt_updated" -eq 0 ]; then say "Updating the apt package lists"; as_root apt-get update -qq; apt_updated=1; fi
    say "Installing $2 (for $1)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  fi
}
need wrk wrk
need pgbench postgresql-client
need mvn maven

jdk17="${ALMANAC_BENCH_JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
if [ ! -x "$jdk17/bin/java" ]; then
  if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "17'; then jdk17="$JAVA_HOME";
  else echo "bench: no JDK 17 at $jdk17 (set ALMANAC_BENCH_JDK17)" >&2; exit 1; fi
fi
jdks=(--jdk "$jdk17")
newer="${ALMANAC_BENCH_JDK21:-}"
if [ -z "$newer" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
                   /usr/lib/jvm/java-21-openjdk-amd64; do
    if [ -x "$candidate/bin/java" ]; then newer="$candidate"; break; fi
  done
fi
if [ "$mode" = quick ] && [ "${ALMANAC_BENCH_ALL_JDKS:-0}" != 1 ]; then
  say "JDKs: $jdk17 only in quick mode (--full, or ALMANAC_BENCH_ALL_JDKS=1, adds ${newer:-a JDK 21+})"
elif [ -n "$newer" ]; then jdks+=(--jdk "$newer"); say "JDKs: $jdk17 and $newer (virtual threads on)";
else say "JDKs: $jdk17 only (no JDK 21+ found)"; fi

# --- build -------------------------------------------------------------------------------------------------------
jars_fresh() { # both jars exist and no source or POM is newer than either of them
  local jar
  for jar in bootstrap/target/almanac.jar bench/target/almanac-bench.jar; do
    [ -f "$jar" ] || return 1
    [ -z "$(find pom.xml ./*/pom.xml ./*/src -newer "$jar" -type f -print -quit 2>/dev/null)" ] || return 1
  done
}
if [ "${ALMANAC_BENCH_SKIP_BUILD:-0}" = 1 ]; then
  say "Using the jars already built (ALMANAC_BENCH_SKIP_BUILD=1)"
elif jars_fresh; then
  say "The jars are newer than every source; not rebuilding"
else
  say "Building the service jar and the harness (mvn -B -q -Pbench -DskipTests package)"
  JAVA_HOME="$jdk17" mvn -B -q -Pbench -DskipTests package
fi

# --- run, and clean up whatever happens --------------------------------------------------------------------------
harness_pid=""
kill_if_ours() { # kill_if_ours <pid> <text its command line must contain>
  local pid="$1" mark="$2"
  if [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$mark"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do [ -d "/proc/$pid" ] || return 0; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
}
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$harness_pid" ]; then kill_if_ours "$harness_pid" almanac-bench.jar; fi
  # if the harness died hard, its service and PostgreSQL may still run: stop them by their recorded PIDs
  # the service's PID is the JVM's, or the start script's on the start that records the class-data archive
  if [ -f "$work/service.pid" ]; then
    service_pid=$(cat "$work/service.pid")
    if [ -r "/proc/$service_pid/cmdline" ] && tr '\0' ' ' <"/proc/$service_pid/cmdline" | grep -q -- bin/almanac; then
      for child in $(pgrep -P "$service_pid" 2>/dev/null); do kill_if_ours "$child" almanac.jar; done
    fi
    kill_if_ours "$service_pid" almanac
  fi
  if [ -f "$work/bare.pid" ]; then kill_if_ours "$(cat "$work/bare.pid")" dev.almanac.bench.BareEndpoint; fi
  if [ -f "$work/pg/postmaster.pid" ]; then kill_if_ours "$(head -n1 "$work/pg/postmaster.pid")" "$work/pg"; fi
  exit "$status"
}
trap cleanup EXIT INT TERM

say "Running the $mode benchmark (results in bench/results/)"
"$jdk17/bin/java" -jar bench/target/almanac-bench.jar --mode "$mode" --service-jar bootstrap/target/almanac.jar \
  "${jdks[@]}" --results "$root/bench/results" --work "$work" &
harness_pid=$!
wait "$harness_pid"
