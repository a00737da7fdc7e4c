# shellcheck shell=bash
# Building this checkout's Maven modules for the hack/ scripts that run what they build. Needs log.sh.

# Builds <modules> (Maven's -pl, with the modules they depend on; tests compiled, not run) unless every output
# exists and is fresh. Stale means: a file under src/ or a pom.xml of those modules, of crds (every module
# depends on it) or of the parent is newer than the first output and than the start of the last build this
# function made of the same modules. The last build counts, not the first output alone, because Maven leaves a
# jar as it is when its contents did not change (after an edit to a test): judged by the jar, every later run
# would build again. Maven's output goes to stderr: the callers' stdout is their results.
ensure_built() { # <what, for the log> <modules, comma-separated> <output> [<output>...]
  local what="$1" modules="$2" repo module out newer reason="" stamp reference
  shift 2
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  local sources=("$repo/pom.xml" "$repo/crds/pom.xml" "$repo/crds/src")
  local list
  IFS=, read -ra list <<<"$modules"
  for module in "${list[@]}"; do
    [[ -f "$repo/$module/pom.xml" ]] || die "ensure_built: no module $module in $repo"
    sources+=("$repo/$module/pom.xml" "$repo/$module/src")
  done
  stamp="$repo/${list[0]}/target/.hack-built-${modules//,/+}"
  for out in "$@"; do
    [[ -e "$out" ]] || { reason="no ${out#"$repo"/}"; break; }
  done
  if [[ -z "$reason" ]]; then
    reference="$1"
    if [[ "$stamp" -nt "$reference" ]]; then reference="$stamp"; fi
    newer="$(find "${sources[@]}" -type f -newer "$reference" -print -quit)"
    [[ -n "$newer" ]] || return 0
    reason="${newer#"$repo"/} changed since the last build"
  fi
  log "building $what ($reason)"
  mkdir -p "${stamp%/*}"
  # Touched before the build: a source edited while Maven runs is newer than the stamp, so the next run builds.
  touch "$stamp.new"
  (cd "$repo" && ./mvnw -B -q -pl "$modules" -am package -DskipTests) >&2 || die "building $what failed"
  for out in "$@"; do
    [[ -e "$out" ]] || die "building $what made no ${out#"$repo"/}"
  done
  mv "$stamp.new" "$stamp"
}
