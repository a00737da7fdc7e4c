# shellcheck shell=bash
# Installing Debian packages from hack/ scripts. Needs log.sh.

# Installs the packages with service starts refused for the length of the install (a policy-rc.d answering 101,
# the Debian way): a server package such as postgresql must not leave a system service running. A policy-rc.d
# already there is put aside and restored. Fetches the package lists only when this machine never has.
apt_install_quietly() { # <package>...
  [[ "$(id -u)" -eq 0 ]] || die "installing $* from Debian needs root"
  local policy=/usr/sbin/policy-rc.d saved
  saved="$(mktemp -u /usr/sbin/policy-rc.d.astralytiq.XXXXXX)"
  [[ -e "$policy" ]] && mv "$policy" "$saved"
  printf '#!/bin/sh\n# hack/lib/apt.sh: no service starts while it installs\nexit 101\n' > "$policy"
  chmod +x "$policy"
  log "installing $* from Debian"
  local rc=0
  { compgen -G "/var/lib/apt/lists/*_Packages" >/dev/null || apt-get update -qq; } &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null || rc=$?
  rm -f "$policy"
  if [[ -e "$saved" ]]; then mv "$saved" "$policy"; fi
  [[ $rc -eq 0 ]] || die "apt-get install $* failed (exit $rc)"
}
