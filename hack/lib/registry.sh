# shellcheck shell=bash
# Helpers for the local image registry (hack/registry) and its clients. Needs versions.sh, log.sh and hostnet.sh.

# True when the registry at $REGISTRY answers the OCI distribution API's base endpoint.
registry_answers() {
  curl -fsS -o /dev/null --max-time 2 "http://$REGISTRY/v2/" 2>/dev/null
}

# crane (go-containerregistry), built on first use; --insecure: the local registry speaks plain HTTP.
crane() {
  [[ -x "$CRANE_BIN_DIR/crane" ]] || "$(dirname "${BASH_SOURCE[0]}")/../build-binaries" crane
  "$CRANE_BIN_DIR/crane" --insecure "$@"
}

# The repository of a reference: without its @digest or :tag (a registry's :port is not a tag).
repository_of() { # <ref>
  local ref="${1%%@*}"
  [[ "${ref##*/}" == *:* ]] && ref="${ref%:*}"
  echo "$ref"
}
