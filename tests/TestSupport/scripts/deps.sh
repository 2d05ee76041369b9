# shellcheck shell=bash
# Installs the Debian packages the test suites need. Sourced by test.sh.
#
# Checks with dpkg first and calls apt-get (update, then install) only when
# something is missing, so a second run costs a few dpkg-query calls.
# Browsers come from Debian only: never `playwright install`.

# One Debian package, installed and configured?
cadre_deps_has() {
  local status
  status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
  [[ $status == 'install ok installed' ]]
}

# Does apt know an installable version of this package?
cadre_deps_available() {
  local policy
  policy=$(apt-cache policy "$1" 2>/dev/null) || return 1
  grep -Eq '^[[:space:]]*Candidate:[[:space:]]*[^([:space:]]' <<<"$policy"
}

# cadre_deps_install LOGFILE
# Installs postgresql, chromium, libreoffice-writer(-nogui) and fonts-dejavu-core when missing.
cadre_deps_install() {
  local log=$1
  local -a missing=() packages=()
  local want_office=0 sudo=

  export DEBIAN_FRONTEND=noninteractive

  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "deps: not a Debian system (no dpkg-query); skipping the installation step." >&2
    return 0
  fi

  # PostgreSQL server: the metapackage, or any server version already present.
  if ! cadre_deps_has postgresql && ! compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; then
    missing+=(postgresql)
  fi
  cadre_deps_has chromium || missing+=(chromium)
  if ! cadre_deps_has libreoffice-writer-nogui && ! cadre_deps_has libreoffice-writer; then
    want_office=1
    missing+=(libreoffice-writer)
  fi
  cadre_deps_has fonts-dejavu-core || missing+=(fonts-dejavu-core)

  if ((${#missing[@]} == 0)); then
    echo "deps: all present (postgresql, chromium, libreoffice writer, fonts-dejavu-core)"
    return 0
  fi

  if [[ $EUID -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=sudo
    else
      echo "deps: missing ${missing[*]}, and this is not root (no password-less sudo)." >&2
      echo "deps: install them with apt-get as root, or rerun with --no-install to go on without them." >&2
      return 1
    fi
  fi

  echo "deps: missing ${missing[*]}; running apt-get update (log: $log)"
  local tries
  for tries in 1 2; do
    if $sudo env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 update >>"$log" 2>&1; then
      break
    fi
    if ((tries == 2)); then
      echo "deps: apt-get update failed; last lines of $log:" >&2
      tail -n 20 "$log" >&2
      return 1
    fi
    sleep 5
  done

  local p
  for p in "${missing[@]}"; do
    [[ $p == libreoffice-writer ]] || packages+=("$p")
  done
  if ((want_office)); then
    # The -nogui variant leaves out the desktop toolkit: smaller, and enough for --headless.
    if cadre_deps_available libreoffice-writer-nogui; then
      packages+=(libreoffice-writer-nogui)
    else
      packages+=(libreoffice-writer)
    fi
  fi

  echo "deps: apt-get install ${packages[*]}"
  if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=600 \
      --no-install-recommends install "${packages[@]}" >>"$log" 2>&1; then
    echo "deps: apt-get install failed; last lines of $log:" >&2
    tail -n 30 "$log" >&2
    return 1
  fi
  echo "deps: installed ${packages[*]}"
}
