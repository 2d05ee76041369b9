# shellcheck shell=bash
# Reads the counters of a TRX file. Sourced by test.sh.
#
# TRX (Visual Studio test results) carries one element
#   <Counters total="5" executed="3" passed="2" failed="1" error="0" timeout="0" aborted="0" ... notExecuted="2" .../>
# Skipped tests are counted in notExecuted. grep and sed only: no runtime to start.

# cadre_trx_counts FILE -> prints "PASSED FAILED SKIPPED TOTAL" (failed includes error, timeout, aborted)
cadre_trx_counts() {
  local counters
  counters=$(tr '\n' ' ' <"$1" | grep -o '<Counters [^>]*>') || return 1
  counters=${counters%%$'\n'*}
  [[ -n $counters ]] || return 1
  _cadre_trx_attr() {
    local v
    v=$(sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p" <<<"$counters")
    printf '%s' "${v:-0}"
  }
  local passed failed error timeout aborted skipped total
  passed=$(_cadre_trx_attr passed)
  failed=$(_cadre_trx_attr failed)
  error=$(_cadre_trx_attr error)
  timeout=$(_cadre_trx_attr timeout)
  aborted=$(_cadre_trx_attr aborted)
  skipped=$(_cadre_trx_attr notExecuted)
  total=$(_cadre_trx_attr total)
  echo "$passed $((failed + error + timeout + aborted)) $skipped $total"
}
