# Small logging helpers shared by hack/ scripts.
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# die exits from inside functions, and an EXIT trap then sees the dying function's locals: hack/lib functions name
# theirs so that they shadow no global a script's trap uses (root, work, pid, operator_pid).
die() { log "error: $*"; exit 1; }
