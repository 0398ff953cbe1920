#!/usr/bin/env bash
# Installs one Debian package with apt-get, for the ensure-*.sh scripts (sourced, not run):
#   apt_install PACKAGE LOG_PREFIX
# Runs `apt-get update` first when apt does not know the package yet. Another apt or dpkg
# process (unattended-upgrades, a second installer) may hold the dpkg or lists lock: apt is
# told to wait for it (DPkg::Lock::Timeout) and, for the lists lock `apt-get update` takes,
# the call is retried, all within APT_LOCK_WAIT_SECONDS (default 600). Fails with apt's message
# once that time has passed, or at once on any other error. Needs root or sudo.

apt_install() {
  local package="$1" prefix="$2"
  local wait="${APT_LOCK_WAIT_SECONDS:-600}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || {
      printf '[%s] %s\n' "$prefix" "not root and no sudo: install the Debian package $package as root" >&2
      return 1
    }
    sudo=(sudo)
  fi
  command -v apt-get >/dev/null 2>&1 || {
    printf '[%s] %s\n' "$prefix" "no apt-get here: install $package by other means" >&2
    return 1
  }
  export DEBIAN_FRONTEND=noninteractive
  local deadline=$((SECONDS + wait))
  # apt_locked_retry CMD...: runs CMD; while it fails because a lock is held, waits and retries.
  apt_locked_retry() {
    local out status
    while :; do
      status=0
      out="$("$@" 2>&1)" || status=$?
      printf '%s\n' "$out" >&2
      [ "$status" -eq 0 ] && return 0
      if grep -qiE 'could not get lock|unable to lock|is another process using it' <<<"$out" && [ "$SECONDS" -lt "$deadline" ]; then
        printf '[%s] %s\n' "$prefix" "another apt or dpkg process holds the lock; waiting (until ${wait}s have passed)" >&2
        sleep "${APT_LOCK_RETRY_SECONDS:-5}"
        continue
      fi
      return "$status"
    done
  }
  local lock_timeout=(-o "DPkg::Lock::Timeout=$wait")
  local candidate
  candidate="$(apt-cache policy "$package" 2>/dev/null | awk '/Candidate:/ { print $2 }')"
  if [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; then
    printf '[%s] %s\n' "$prefix" "apt does not know $package yet: apt-get update" >&2
    apt_locked_retry "${sudo[@]}" apt-get "${lock_timeout[@]}" update -qq || return $?
  fi
  printf '[%s] %s\n' "$prefix" "installing $package (Debian's, once)" >&2
  apt_locked_retry "${sudo[@]}" apt-get "${lock_timeout[@]}" install -y -qq --no-install-recommends "$package"
}
