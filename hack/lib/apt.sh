# shellcheck shell=bash
# Installing Debian packages from hack/ scripts: every apt-get install goes through here. Needs log.sh.

# Installs the packages as root, or through sudo when not root (CI runners), and fails loudly when it cannot: the
# tests that need a tool skip when it is missing, so a failed install must not pass unnoticed. Service starts are
# refused for the length of the install (a policy-rc.d answering 101, the Debian way): a server package such as
# postgresql or prometheus must not leave a system service running. A policy-rc.d already there is put aside and
# restored. The package lists (*_Packages, or *_Packages.lz4 where apt keeps them compressed) are fetched when
# this machine never has, and once more when an install from the lists it has fails (old lists name versions
# the mirror no longer has).
apt_install_quietly() { # <package>...
  local as_root=() policy=/usr/sbin/policy-rc.d saved rc=0 fetched=false
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "installing $* from Debian needs root or sudo"
    as_root=(sudo)
  fi
  local apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -qq)
  saved="$(mktemp -u /usr/sbin/policy-rc.d.astralytiq.XXXXXX)"
  if [[ -e "$policy" ]]; then "${as_root[@]}" mv "$policy" "$saved" || die "could not put $policy aside"; fi
  # From here on a failing step is recorded, not fatal, so that the machine's own policy is always restored.
  printf '#!/bin/sh\n# hack/lib/apt.sh: no service starts while it installs\nexit 101\n' \
    | "${as_root[@]}" tee "$policy" >/dev/null && "${as_root[@]}" chmod 755 "$policy" || rc=$?
  log "installing $* from Debian"
  if [[ $rc -eq 0 ]] && ! compgen -G "/var/lib/apt/lists/*_Packages*" >/dev/null; then
    fetched=true
    "${apt[@]}" update >&2 || rc=$?
  fi
  if [[ $rc -eq 0 ]] && ! "${apt[@]}" install --no-install-recommends "$@" >/dev/null; then
    if [[ "$fetched" == true ]]; then
      rc=1
    else
      log "installing $* from the package lists this machine has failed; fetching them and trying once more"
      { "${apt[@]}" update >&2 && "${apt[@]}" install --no-install-recommends "$@" >/dev/null; } || rc=$?
    fi
  fi
  "${as_root[@]}" rm -f "$policy"
  if [[ -e "$saved" ]]; then "${as_root[@]}" mv "$saved" "$policy"; fi
  [[ $rc -eq 0 ]] || die "apt-get install $* failed (exit $rc)"
}
