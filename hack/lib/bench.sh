# What the operator benchmarks share: a fresh cluster of their own, the operator jar as a process of its own, and
# its metrics. Source after versions.sh, log.sh, build.sh, metrics.sh and wait.sh; set ASTRALYTIQ_CLUSTER first.
# shellcheck shell=bash

# A fresh cluster (whatever was there before is deleted) with the CRDs and room for thousands of Services.
bench_cluster_up() { # <repository root>
  "$1/hack/cluster" down
  "$1/hack/cluster" up
  eval "$("$1/hack/cluster" env)"
  kubectl apply --server-side --field-manager=astralytiq-install -f "$1/helm/astralytiq-operator/files/crds" >/dev/null
  kubectl wait --for=condition=Established crd/tenants.astralytiq.io crd/dashboards.astralytiq.io --timeout=60s \
    >/dev/null
  # The cluster's service range is a /24: room for 253 ClusterIPs, fewer than the dashboards' Services. A second
  # ServiceCIDR (a /20, clear of the nodes' pod ranges 10.244.0.0/22) gives the API server room for 4,000 more.
  kubectl apply --server-side --field-manager=astralytiq-bench -f - >/dev/null <<'YAML'
apiVersion: networking.k8s.io/v1
kind: ServiceCIDR
metadata: {name: astralytiq-bench}
spec: {cidrs: [10.96.0.0/20]}
YAML
  kubectl wait --for=condition=Ready servicecidr/astralytiq-bench --timeout=60s >/dev/null
}

# The operator process: bench_operator_start sets these; the caller's EXIT trap calls bench_operator_stop.
operator_pid="" operator_log="" operator_port="" operator_jar="" harness_classes=""

# Copies the jar and the harnesses (the test classes) first: others may rebuild operator/target while the
# benchmark's JVMs load classes from it.
bench_operator_init() { # <operator jar> <work directory>
  cp "$1" "$2/operator.jar"
  cp -r "$(dirname "$1")/test-classes" "$2/test-classes"
  # The test support the harnesses share with the tests of the API module (io.astralytiq.testing).
  cp -r "$(dirname "$1")/../../crds/target/test-classes" "$2/crds-test-classes"
  operator_jar="$2/operator.jar" harness_classes="$2/test-classes:$2/crds-test-classes"
  operator_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
}

# Extra settings come as NAME=value words before the call: RESYNC_PERIOD=20s bench_operator_start log.
bench_operator_start() { # <log file> (appended: one log for every start of a run)
  # shellcheck disable=SC2086 # the options are words
  HEALTH_PORT="$operator_port" java ${OPERATOR_JAVA_OPTS:--Xmx512m} -jar "$operator_jar" >>"$1" 2>&1 &
  operator_pid=$! operator_log="$1"
  wait_for --pid "$operator_pid" --log "$operator_log" 120 "the operator's /readyz" \
    curl -fsS --max-time 5 "http://127.0.0.1:$operator_port/readyz"
}

bench_operator_stop() {
  [[ -n "$operator_pid" ]] || return 0
  stop_process "$operator_pid" 20 "the operator"
  operator_pid=""
}

# As a crash or an OOM kill would: no shutdown of any kind.
bench_operator_kill() {
  [[ -n "$operator_pid" ]] || return 0
  kill -KILL "$operator_pid" 2>/dev/null || true
  wait "$operator_pid" 2>/dev/null || true
  operator_pid=""
}

# Whether the operator process has exited; if so, reaps it and sets operator_exit_code.
operator_exit_code=""
bench_operator_exited() {
  [[ -n "$operator_pid" ]] && kill -0 "$operator_pid" 2>/dev/null && return 1
  operator_exit_code=0
  wait "$operator_pid" 2>/dev/null || operator_exit_code=$?
  operator_pid=""
}

bench_metrics_url() { echo "http://127.0.0.1:$operator_port/metrics"; }
bench_writes() { metric "$(bench_metrics_url)" astralytiq_operator_api_requests_total 'verb="(POST|PUT|PATCH|DELETE)"'; }
bench_reconciled() { metric "$(bench_metrics_url)" operator_sdk_reconciliations_success_total 'kind="Dashboard"'; }
bench_requests_by_verb() {
  curl -fsS "$(bench_metrics_url)" | awk '/^astralytiq_operator_api_requests_total\{/ {
    match($0, /verb="[A-Z]+"/); printf "%s=%d ", substr($0, RSTART + 6, RLENGTH - 7), $NF }'
}

bench_reconciled_at_least() { local n; n="$(bench_reconciled)" && (( n >= $1 )); }
# Fails, after saying how far it got, rather than dying: the second round's caller counts an incomplete round.
bench_wait_reconciled() { # <at least> <timeout seconds>
  (wait_for --every 1 --pid "$operator_pid" --log "$operator_log" "$2" "$1 Dashboard reconciliations" \
    bench_reconciled_at_least "$1") || { log "  only $(bench_reconciled || true) of $1 reconciliations in $2 s"; return 1; }
}

# The writes of a no-op resync: the operator restarted with a short resync period reconciles every dashboard at
# start-up (its writes counted apart), then again when the period has passed; sets noop_writes to the writes of
# that second round (a variable, not output: the operator must be started by this shell, not a subshell). A restart rather than a short period from the start: a short resync would add load to what is measured.
bench_noop_writes() { # <dashboards> <resync period> <log file>
  local startup_writes before
  bench_operator_stop
  log "no-op resync: restarting the operator with RESYNC_PERIOD=$2"
  RESYNC_PERIOD="$2" bench_operator_start "$3"
  bench_wait_reconciled "$1" 600 || die "the restarted operator did not reconcile every dashboard"
  startup_writes="$(bench_writes)" before="$(bench_reconciled)"
  log "  start-up reconciliations: $before, their writes: $startup_writes"
  bench_wait_reconciled $(( before + $1 )) 900 || log "  warning: counting the writes of an incomplete round"
  noop_writes=$(( $(bench_writes) - startup_writes ))
  log "  $(( $(bench_reconciled) - before )) more reconciliations, writes: $noop_writes"
  bench_operator_stop
}

# A harness in the operator's test classes, its output in
# <log directory>/harness-<command>.log; prints the line it ends with, RESULT taken off.
bench_harness() { # <class> <log directory> <command> [options]
  local class="$1" out="$2/harness-$3.log"
  shift 2
  java -Xmx256m -cp "$operator_jar:$harness_classes" "io.astralytiq.operator.bench.$class" "$@" >"$out" \
    || die "the harness's $1 failed; log: $out"
  sed -n 's/^RESULT //p' "$out"
}
