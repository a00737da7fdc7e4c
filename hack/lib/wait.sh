# shellcheck shell=bash
# Waiting in hack/ scripts. Every wait has a deadline and fails loudly, saying what it waited for: a script that
# carried on after a silent timeout would report numbers, or a cluster, that are not what they claim. Needs log.sh.

# Polls <command> until it succeeds; its output is discarded. Dies when <timeout> (whole seconds) has passed.
# The deadline is checked between polls, so the command must return on its own (curl --max-time, kubectl
# --request-timeout).
#   --every S    seconds between polls (default 0.5)
#   --pid PID    the process that should make the command succeed: when it exits, waiting stops at once
#   --log FILE   where to look when it fails: named in the message; its last lines shown when it is a file
#   --check FN   run as `FN <what>` between polls: dies, saying why, when waiting longer is pointless (a component
#                that exited); if it just fails, wait_for dies for it
# A caller that goes on after a timeout runs it in a subshell, `(wait_for ...) || ...`: the timeout is still logged.
wait_for() { # [options] <timeout s> <what> <command...>
  local every=0.5 watched="" logfile="" check=""
  while [[ "${1:-}" == --* ]]; do
    case "$1" in
      --every) every="$2" ;;
      --pid) watched="$2" ;;
      --log) logfile="$2" ;;
      --check) check="$2" ;;
      *) die "wait_for: unknown option $1" ;;
    esac
    shift 2
  done
  (( $# >= 3 )) || die "usage: wait_for [--every S] [--pid PID] [--log FILE] [--check FN] <timeout s> <what> <command...>"
  [[ "$1" =~ ^[0-9]+$ ]] || die "wait_for: the timeout is whole seconds, not '$1'"
  local timeout="$1" what="$2" deadline
  shift 2
  deadline=$(( SECONDS + timeout ))
  until "$@" >/dev/null 2>&1; do
    if [[ -n "$watched" ]] && ! kill -0 "$watched" 2>/dev/null; then
      _wait_failed "pid $watched exited while waiting for $what" "$logfile"
    fi
    if [[ -n "$check" ]]; then "$check" "$what" || _wait_failed "gave up waiting for $what: $check failed" "$logfile"; fi
    (( SECONDS < deadline )) || _wait_failed "timed out after ${timeout}s waiting for $what" "$logfile"
    sleep "$every"
  done
}

_wait_failed() { # <message> <log, or "">
  if [[ -f "$2" ]]; then tail -n 20 "$2" >&2 || true; fi
  die "$1${2:+ (log: $2)}"
}

# Stops a process: SIGTERM, up to <grace> seconds to exit, then SIGKILL, said in the log since a process that
# ignores SIGTERM is worth knowing about. Reaps it when it is this shell's child. Never fails: callers stop
# processes in EXIT traps, which must go on to clean up the rest.
stop_process() { # <pid> <grace seconds> <what>
  local target="$1" deadline=$(( SECONDS + $2 ))
  if kill "$target" 2>/dev/null; then
    while kill -0 "$target" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.1; done
    if kill -0 "$target" 2>/dev/null; then
      log "$3 (pid $target) ignored SIGTERM for $2s; killing it"
      kill -KILL "$target" 2>/dev/null || true
    fi
  fi
  wait "$target" 2>/dev/null || true
}

# Takes the exclusive lock open on file descriptor <fd> (the caller opens it, `exec 9>FILE`, so that the daemons
# it starts can close that descriptor by number), held until the script exits. A second caller says what it is
# waiting for and dies after <timeout> seconds, naming the lock: a build or a cluster that hangs in one process
# must not hang every other one silently.
take_lock() { # <fd> <timeout s> <what>
  flock -n "$1" && return 0
  log "waiting up to $2s for $3 (another process holds the lock)"
  flock -w "$2" "$1" || die "timed out after $2s waiting for $3; the holder: $(lock_holder "$1")"
}

lock_holder() { # <fd>
  local file pid others=()
  file="$(readlink "/proc/$$/fd/$1" 2>/dev/null)" || { echo "unknown"; return; }
  for pid in $(find /proc/[0-9]*/fd -lname "$file" 2>/dev/null | cut -d/ -f3 | sort -u); do
    # This shell, and the pipeline above, which inherited the descriptor and has exited by now.
    [[ "$pid" == "$$" || "$pid" == "$BASHPID" || ! -e "/proc/$pid" ]] || others+=("$pid ($(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-80))")
  done
  echo "$file, open in: ${others[*]:-no other process}"
}
