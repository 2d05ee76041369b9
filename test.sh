#!/usr/bin/env bash
# Runs Cadre's test suites. See docs/testing.md.
#
#   ./test.sh                 everything: unit, HTTP on SQLite, HTTP on PostgreSQL, browser
#   ./test.sh unit            test projects other than Web and Browser (Core, Text, Cli, ...)
#   ./test.sh web             tests/Cadre.Web.Tests twice: on SQLite, then on PostgreSQL
#   ./test.sh web-sqlite | web-postgres | browser
#   ./test.sh core text       projects by short name (Cadre.<Name>.Tests) or full name
#   ./test.sh core -- -method '*Moving*'   arguments after -- go to every test executable
#
# Installs what is missing (Debian packages), starts a throwaway PostgreSQL server on
# loopback, builds once, runs each test project, stops what it started, and ends with
# one line `N passed, N failed, N skipped`. Exits non-zero if a test failed, a test run
# crashed or timed out, or the build failed (each crash or build failure counts as one
# failed in that line).
set -Eeuo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"
SCRIPTS=$ROOT/tests/TestSupport/scripts
# shellcheck source=tests/TestSupport/scripts/deps.sh
source "$SCRIPTS/deps.sh"
# shellcheck source=tests/TestSupport/scripts/postgres.sh
source "$SCRIPTS/postgres.sh"
# shellcheck source=tests/TestSupport/scripts/trx.sh
source "$SCRIPTS/trx.sh"

CONFIG=${CADRE_TEST_CONFIGURATION:-Debug}
RESULTS=$ROOT/.test-run
RUN_TIMEOUT=${CADRE_TEST_RUN_TIMEOUT:-1800}
SOLUTION=Cadre.slnx

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDTERMINALLOGGER=off NUGET_XMLDOC_MODE=skip
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CADRE_CHROMIUM=${CADRE_CHROMIUM:-/usr/bin/chromium}

usage() {
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
  cat <<'EOF'

Options:
  --no-install   skip the Debian package check (for machines where you are not root)
  --no-build     run what was built last time (same configuration)
  --list         print the test runs that would run, and stop
  -h, --help     this text
Environment: CADRE_TEST_CONFIGURATION (Debug), CADRE_TEST_RUN_TIMEOUT (1800 s per test run),
  CADRE_TEST_POSTGRES (use this server instead of starting one), CADRE_CHROMIUM (/usr/bin/chromium).
EOF
}

now_ms() { date +%s%3N; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.1fs", ms / 1000 }'; }
T_START=$(now_ms)
TIMINGS=()
phase_done() { # NAME START_MS
  local took=$(($(now_ms) - $2))
  TIMINGS+=("$1 $(secs "$took")")
  echo "--- $1 done in $(secs "$took")"
}

# ---------------------------------------------------------------- arguments
do_install=1
do_build=1
do_list=0
selections=()
passthrough=()
while (($#)); do
  case $1 in
    -h | --help) usage; exit 0 ;;
    --no-install) do_install=0 ;;
    --no-build) do_build=0 ;;
    --list) do_list=1 ;;
    --) shift; passthrough=("$@"); break ;;
    -*) echo "test.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) selections+=("$1") ;;
  esac
  shift
done

# ---------------------------------------------------------------- test runs
# A test project is a tests/*/*.csproj that references the test SDK (tests/TestSupport is
# support code, never a suite). Cadre.Web.Tests runs once per provider.
discover_projects() {
  local p
  if [[ -n ${CADRE_TEST_PROJECTS:-} ]]; then
    # A space-separated list of .csproj paths, replacing the discovery below.
    # shellcheck disable=SC2086
    printf '%s\n' $CADRE_TEST_PROJECTS
    return
  fi
  for p in tests/*/*.csproj; do
    [[ -f $p && $p != tests/TestSupport/* ]] || continue
    grep -Eq 'Microsoft\.NET\.Test\.Sdk|xunit\.v3|<IsTestProject>[[:space:]]*true' "$p" || continue
    printf '%s\n' "$p"
  done | sort
}

project_kind() { # PROJECT -> unit | web | browser
  local name
  name=$(basename "$1" .csproj)
  case $name in
    *.Web.Tests) echo web ;;
    *.Browser.Tests) echo browser ;;
    *) echo unit ;;
  esac
}

# Each run: "ID KIND PROVIDER PROJECT", in the order they execute.
ALL_RUNS=()
mapfile -t PROJECTS < <(discover_projects)
for kind in unit web browser; do
  for p in "${PROJECTS[@]}"; do
    [[ $(project_kind "$p") == "$kind" ]] || continue
    name=$(basename "$p" .csproj)
    if [[ $kind == web ]]; then
      ALL_RUNS+=("${name}[Sqlite] web Sqlite $p" "${name}[Postgres] web Postgres $p")
    else
      ALL_RUNS+=("$name $kind - $p")
    fi
  done
done

declare -A WANT=()
select_runs() { # SELECTION -> marks matching runs; fails if none match
  local sel=${1,,} run id kind provider project name matched=0
  sel=${sel%/}
  sel=${sel#tests/}
  for run in "${ALL_RUNS[@]}"; do
    read -r id kind provider project <<<"$run"
    name=$(basename "$project" .csproj)
    name=${name,,}
    case $sel in
      all) ;;
      unit | browser) [[ $kind == "$sel" ]] || continue ;;
      web) [[ $kind == web ]] || continue ;;
      web-sqlite) [[ $kind == web && $provider == Sqlite ]] || continue ;;
      web-postgres) [[ $kind == web && $provider == Postgres ]] || continue ;;
      *) [[ $sel == "$name" || "cadre.$sel.tests" == "$name" || "$sel.tests" == "$name" ]] || continue ;;
    esac
    WANT[$id]=1
    matched=1
  done
  ((matched))
}

if ((${#selections[@]} == 0)); then
  selections=(all)
fi
for s in "${selections[@]}"; do
  if ! select_runs "$s"; then
    echo "test.sh: '$s' matches no test run. Known runs:" >&2
    for run in "${ALL_RUNS[@]}"; do echo "  ${run%% *}" >&2; done
    echo "Subsets: all, unit, web, web-sqlite, web-postgres, browser, or a project name." >&2
    exit 2
  fi
done

RUNS=()
need_postgres=0
for run in "${ALL_RUNS[@]}"; do
  read -r id kind provider project <<<"$run"
  [[ -n ${WANT[$id]:-} ]] || continue
  RUNS+=("$run")
  if [[ $kind == unit || $provider == Postgres ]]; then
    need_postgres=1
  fi
done
full_run=0
if ((${#RUNS[@]} == ${#ALL_RUNS[@]})) && [[ -z ${CADRE_TEST_PROJECTS:-} ]]; then
  full_run=1
fi
if ((do_list)); then
  for run in "${RUNS[@]}"; do
    read -r id kind provider project <<<"$run"
    printf '%-38s %-8s %s\n' "$id" "$kind" "$project"
  done
  exit 0
fi

# ---------------------------------------------------------------- one run at a time per work tree
LOCKDIR=/tmp/cadre-test.$(printf '%s' "$ROOT" | md5sum | cut -c1-12).lock
HAVE_LOCK=0
CHILD=
# shellcheck disable=SC2317 # called by the trap
on_exit() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $CHILD ]]; then
    kill -TERM "$CHILD" 2>/dev/null || true
    wait "$CHILD" 2>/dev/null || true
  fi
  if [[ -n ${CADRE_PG_DIR:-} ]]; then
    cp "$CADRE_PG_DIR/server.log" "$RESULTS/postgres.log" 2>/dev/null || true
    cadre_pg_stop >/dev/null 2>&1 || true
  fi
  if [[ -n ${CI:-} ]] && ((do_build)); then
    dotnet build-server shutdown >/dev/null 2>&1 || true
  fi
  if ((HAVE_LOCK)); then
    rm -rf "$LOCKDIR"
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'echo "test.sh: interrupted" >&2; exit 130' INT
trap 'echo "test.sh: terminated" >&2; exit 143' TERM

waited=0
until mkdir "$LOCKDIR" 2>/dev/null; do
  holder=$(cat "$LOCKDIR/pid" 2>/dev/null || true)
  if [[ $holder =~ ^[0-9]+$ && ! -d /proc/$holder ]]; then
    rm -rf "$LOCKDIR"
    continue
  fi
  if ((!waited)); then
    echo "test.sh: another run is going on in this work tree (pid ${holder:-?}); waiting for it."
    waited=1
  fi
  sleep 2
done
echo $$ >"$LOCKDIR/pid"
HAVE_LOCK=1

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

echo "test.sh: ${#RUNS[@]} test run(s): $(for r in "${RUNS[@]}"; do printf '%s ' "${r%% *}"; done)"

# ---------------------------------------------------------------- summary helpers
TOTAL_PASSED=0
TOTAL_FAILED=0
TOTAL_SKIPPED=0
REPORT=()

finish() {
  echo
  echo "=== results ($CONFIG; TRX files and logs in .test-run/)"
  local line
  for line in "${REPORT[@]}"; do
    echo "$line"
  done
  TIMINGS+=("total $(secs $(($(now_ms) - T_START)))")
  echo "timings: ${TIMINGS[*]/%/,}" | sed 's/,$//'
  # Stop the server now, so nothing prints after the summary line.
  if [[ -n ${CADRE_PG_DIR:-} ]]; then
    cp "$CADRE_PG_DIR/server.log" "$RESULTS/postgres.log" 2>/dev/null || true
    cadre_pg_stop >/dev/null 2>&1 || true
  fi
  echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed, $TOTAL_SKIPPED skipped"
  if ((TOTAL_FAILED > 0)); then
    exit 1
  fi
  exit 0
}

# ---------------------------------------------------------------- 1. install
t=$(now_ms)
if ((do_install)); then
  echo "=== install"
  if ! cadre_deps_install "$RESULTS/apt.log"; then
    phase_done install "$t"
    REPORT+=("  install                                FAILED (counted as 1 failed)")
    TOTAL_FAILED=$((TOTAL_FAILED + 1))
    finish
  fi
  command -v node >/dev/null 2>&1 || echo "test.sh: warning: node is not on PATH (the web build restores npm packages)" >&2
  command -v npm >/dev/null 2>&1 || echo "test.sh: warning: npm is not on PATH (the web build restores npm packages)" >&2
  phase_done install "$t"
fi

# ---------------------------------------------------------------- 2. PostgreSQL
if ((need_postgres)); then
  echo "=== postgres"
  t=$(now_ms)
  if [[ -n ${CADRE_TEST_POSTGRES:-} ]]; then
    echo "postgres: using the server given in CADRE_TEST_POSTGRES"
  else
    cadre_pg_reap_stale
    if ! cadre_pg_start $$; then
      phase_done postgres "$t"
      REPORT+=("  postgres                               FAILED to start (counted as 1 failed)")
      TOTAL_FAILED=$((TOTAL_FAILED + 1))
      finish
    fi
    echo "postgres: $(basename "$(dirname "$(cadre_pg_bindir)")") on 127.0.0.1:$CADRE_PG_PORT ($CADRE_PG_DIR)"
    echo "postgres: CADRE_TEST_POSTGRES=$CADRE_TEST_POSTGRES"
  fi
  phase_done postgres "$t"
fi

# ---------------------------------------------------------------- 3. build
if ((do_build)); then
  echo "=== build ($CONFIG)"
  t=$(now_ms)
  targets=()
  if ((full_run)); then
    targets=("$SOLUTION")
  else
    for run in "${RUNS[@]}"; do
      read -r id kind provider project <<<"$run"
      [[ " ${targets[*]} " == *" $project "* ]] || targets+=("$project")
    done
  fi
  build_failed=0
  for target in "${targets[@]}"; do
    echo "build: $target"
    if ! dotnet build "$target" -c "$CONFIG" -nologo -v:minimal -tl:off -clp:NoSummary \
        </dev/null >>"$RESULTS/build.log" 2>&1; then
      build_failed=1
      break
    fi
  done
  phase_done build "$t"
  if ((build_failed)); then
    echo "build: FAILED ($target); errors (full log: .test-run/build.log):"
    errors=$(grep -E ': (error|warning) [A-Z]+[0-9]*' "$RESULTS/build.log" | sed "s|$ROOT/||g" | sort -u || true)
    if [[ -n $errors ]]; then
      echo "($(wc -l <<<"$errors") distinct; the first 40:)"
      head -n 40 <<<"$errors"
    else
      tail -n 40 "$RESULTS/build.log"
    fi
    REPORT+=("  build                                  FAILED (counted as 1 failed)")
    TOTAL_FAILED=$((TOTAL_FAILED + 1))
    finish
  fi
fi

# ---------------------------------------------------------------- 4. test runs
target_dll() { # PROJECT -> built test assembly
  local dir name dll
  dir=$(dirname "$1")
  name=$(basename "$1" .csproj)
  dll=$(compgen -G "$dir/bin/$CONFIG/*/$name.dll" | head -n 1 || true)
  if [[ -z $dll ]]; then
    dll=$(dotnet msbuild "$1" -getProperty:TargetPath -p:Configuration="$CONFIG" 2>/dev/null | tail -n 1 || true)
  fi
  if [[ -n $dll && $dll != /* ]]; then
    dll=$ROOT/$dll
  fi
  printf '%s\n' "$dll"
}

# The test projects are xUnit v3 executables: each built assembly is run directly, with
# xUnit's own TRX writer. Same engine as `dotnet test --no-build`, without its MSBuild
# start-up per project, its exit code 8 for a project with no tests yet, or a dependency on
# the test-runner mode chosen in global.json.
run_tests() { # ID KIND PROVIDER PROJECT
  local id=$1 kind=$2 provider=$3 project=$4
  local safe=${id//[\[\]]/-}
  safe=${safe%-}
  local out=$RESULTS/$safe trx log dll rc=0 t0 took counts verdict
  trx=$out/$safe.trx
  log=$out/$safe.log
  mkdir -p "$out"
  echo
  echo "=== $id"
  dll=$(target_dll "$project")
  if [[ -z $dll || ! -f $dll ]]; then
    REPORT+=("$(printf '  %-38s NOT BUILT: no test assembly for %s (counted as 1 failed)' "$id" "$project")")
    TOTAL_FAILED=$((TOTAL_FAILED + 1))
    return
  fi
  local -a envs=(env -u CADRE_TEST_PROVIDER)
  if [[ $kind == web ]]; then
    envs=(env CADRE_TEST_PROVIDER="$provider")
  fi
  t0=$(now_ms)
  # In the background, so that Ctrl-C and TERM reach the trap at once; `timeout` runs the
  # tests in their own process group and kills all of it (browsers included) on expiry.
  (cd "$(dirname "$dll")" && exec timeout -k 30 "$RUN_TIMEOUT" "${envs[@]}" \
      dotnet "$dll" -noLogo -noColor -noAutoReporters -result-trx "$trx" "${passthrough[@]}") \
    </dev/null > >(tee "$log") 2>&1 &
  CHILD=$!
  wait "$CHILD" || rc=$?
  # Whatever the tests left running in their process group (a browser, a server) goes too:
  # it would otherwise hold the log pipe, and CI's output, open.
  kill -TERM -- "-$CHILD" 2>/dev/null || true
  CHILD=
  local elapsed=$(($(now_ms) - t0)) timed_out=0
  took=$(secs "$elapsed")
  if ((rc == 124 || (rc == 137 && elapsed >= RUN_TIMEOUT * 1000))); then
    timed_out=1
  fi

  if [[ -f $trx ]] && counts=$(cadre_trx_counts "$trx"); then
    local passed failed skipped total
    read -r passed failed skipped total <<<"$counts"
    verdict=""
    if ((timed_out)); then
      verdict="  TIMED OUT after ${RUN_TIMEOUT}s (counted as 1 failed)"
      failed=$((failed + 1))
    elif ((rc != 0 && failed == 0)); then
      verdict="  EXITED $rc with no failed test (counted as 1 failed)"
      failed=$((failed + 1))
    elif ((total == 0)); then
      verdict="  (no tests)"
    fi
    TOTAL_PASSED=$((TOTAL_PASSED + passed))
    TOTAL_FAILED=$((TOTAL_FAILED + failed))
    TOTAL_SKIPPED=$((TOTAL_SKIPPED + skipped))
    REPORT+=("$(printf '  %-38s %5d passed, %d failed, %d skipped  (%s)%s' "$id" "$passed" "$failed" "$skipped" "$took" "$verdict")")
  else
    if ((timed_out)); then
      verdict="TIMED OUT after ${RUN_TIMEOUT}s"
    else
      verdict="CRASHED (exit $rc, no TRX)"
    fi
    REPORT+=("$(printf '  %-38s %s; see .test-run/%s/%s.log (counted as 1 failed)  (%s)' "$id" "$verdict" "$safe" "$safe" "$took")")
    TOTAL_FAILED=$((TOTAL_FAILED + 1))
  fi
}

t=$(now_ms)
for run in "${RUNS[@]}"; do
  read -r id kind provider project <<<"$run"
  run_tests "$id" "$kind" "$provider" "$project"
done
phase_done tests "$t"

finish
