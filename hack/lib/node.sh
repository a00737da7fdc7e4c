# The real node of a hack/cluster cluster: containerd, runc, the CNI bridge, kubelet, kube-proxy and CoreDNS,
# all inside a network namespace of their own, so that each cluster's iptables rules, bridge and ports stay
# out of the host's and out of every other cluster's. Sourced by hack/cluster after lib/versions.sh,
# lib/log.sh, lib/hostnet.sh, lib/apt.sh and lib/wait.sh; uses its CLUSTER, WORKDIR, KUBECONFIG_PATH and kube().
#
#   host                                    network namespace astq-<cluster>
#   astq0 198.18.0.1 (API server relay,     eth0 198.18.<slot>.2 ── kubelet :10250, CoreDNS :53, kube-proxy
#        registry, PostgreSQL)              cni0 198.19.<slot>.1 ── pods 198.19.<slot>.0/24
#   astq<slot>h 198.18.<slot>.1 ─── veth ───┘
#
# The API server listens on 127.0.0.1 only (kwokctl's binary runtime wants every component there); a socat
# relay on 198.18.0.1 with the same port is how the node and pods reach it, and the kubernetes Service points
# there (advertise-address). The node's components use a kubeconfig naming that address.
# The host routes 198.19.<slot>.0/24 to the node, so the API server reaches pods (service proxy, port-forward
# through the kubelet) and tests reach them by address. The node forwards only to 198.18.0.0/15: nothing a pod
# sends can leave the machine. Containers run in cgroup /astq-<cluster> (cgroup v1, cgroupfs driver).
# shellcheck shell=bash

NODE_NAME="$CLUSTER-node"
NODE_NETNS="astq-$CLUSTER"
NODE_DIR="$WORKDIR/node"
# containerd's state holds unix sockets (at most 108 bytes of path): a short path on tmpfs.
NODE_RUN="/run/astq/$CLUSTER"
NODE_CGROUP="/astq-$CLUSTER"
NODE_SLOTS="$KWOK_WORKDIR/node-slots"
NODE_COMPONENTS=(apiserver-relay containerd coredns kubelet kube-proxy local-path-provisioner metrics-server)
NODE_KUBECONFIG="$NODE_DIR/config/kubeconfig.yaml"
PAUSE_IMAGE="astralytiq.local/pause:1"
BUSYBOX_IMAGE="astralytiq.local/busybox:1"
EXAMPLE_REGISTRY="registry.acme.io"

node_enabled() { [[ "${ASTRALYTIQ_REAL_NODE:-true}" == "true" ]]; }

# A slot number 1-63 per cluster name, kept while the cluster exists; it picks the node's addresses.
node_slot() {
  mkdir -p "$NODE_SLOTS"
  local f n
  for f in "$NODE_SLOTS"/*; do
    [[ -f "$f" && "$(cat "$f")" == "$CLUSTER" ]] && { echo "${f##*/}"; return; }
  done
  for n in $(seq 1 63); do
    # A host link of that slot means a node namespace still uses it (one whose cluster state is gone: a killed
    # run, another cache directory); never share its addresses.
    ip link show "astq${n}h" >/dev/null 2>&1 && continue
    if (set -o noclobber; echo "$CLUSTER" > "$NODE_SLOTS/$n") 2>/dev/null; then echo "$n"; return; fi
  done
  die "no free node slot in $NODE_SLOTS (63 clusters with a real node exist)"
}

node_release_slot() {
  local f
  for f in "$NODE_SLOTS"/*; do
    [[ -f "$f" && "$(cat "$f")" == "$CLUSTER" ]] && rm -f "$f"
  done
  return 0
}

node_addresses() {
  NODE_SLOT="$(node_slot)"
  NODE_HOST_IP="198.18.$NODE_SLOT.1"
  NODE_IP="198.18.$NODE_SLOT.2"
  POD_CIDR="198.19.$NODE_SLOT.0/24"
  POD_GATEWAY="198.19.$NODE_SLOT.1"
  NODE_HOST_LINK="astq${NODE_SLOT}h"
}

# nsenter, not `ip netns exec`: that one also gives the command a mount namespace of its own with a fresh /sys,
# which would hide the cgroup hierarchies from the kubelet and the kubelet's volume mounts from containerd.
in_node() { nsenter --net="/run/netns/$NODE_NETNS" -- "$@"; }

# Debian's runc, iptables and conntrack (kube-proxy uses both), socat (the API server relay), nsenter and a
# static busybox (helper pods' shell), jq (hack/images, hack/demo): installed once, when missing.
node_packages() {
  local missing=() cmd pkg
  for cmd in runc:runc iptables:iptables conntrack:conntrack socat:socat nsenter:util-linux busybox:busybox-static jq:jq; do
    pkg="${cmd#*:}"; cmd="${cmd%%:*}"
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return
  apt_install_quietly "${missing[@]}"
}

node_network() {
  ensure_host_services_address
  # The namespace of an earlier run of this cluster that was killed before its teardown.
  ip netns del "$NODE_NETNS" 2>/dev/null || true
  ip netns add "$NODE_NETNS"
  ip link add "$NODE_HOST_LINK" type veth peer name eth0 netns "$NODE_NETNS"
  ip addr add "$NODE_HOST_IP/24" dev "$NODE_HOST_LINK"
  ip link set "$NODE_HOST_LINK" up
  in_node ip link set lo up
  in_node ip addr add "$NODE_IP/24" dev eth0
  in_node ip link set eth0 up
  in_node ip route add default via "$NODE_HOST_IP"
  ip route replace "$POD_CIDR" via "$NODE_IP" dev "$NODE_HOST_LINK"
  in_node sysctl -qw net.ipv4.ip_forward=1
  # The fence: pods and node processes reach the cluster's own addresses and nothing else.
  in_node iptables -N ASTQ-FENCE
  in_node iptables -A ASTQ-FENCE -d 198.18.0.0/15 -j RETURN
  in_node iptables -A ASTQ-FENCE -o lo -j RETURN
  in_node iptables -A ASTQ-FENCE -j REJECT --reject-with icmp-net-unreachable
  in_node iptables -I FORWARD 1 -j ASTQ-FENCE
  in_node iptables -I OUTPUT 1 -j ASTQ-FENCE
}

node_cgroups() {
  local controller
  for controller in /sys/fs/cgroup/*/; do
    [[ -L "${controller%/}" || ! -f "$controller/cgroup.procs" ]] && continue
    mkdir -p "$controller${NODE_CGROUP#/}"
  done
}

# An OCI archive of one image built from a directory, for `ctr images import`: the node's own images (the pod
# sandbox, a shell for helper pods) are never pulled. Deterministic: sorted, numeric owners, time zero.
oci_archive() { # <image name> <rootfs dir> <entrypoint JSON array> <user> <archive path>
  local name="$1" rootfs="$2" entrypoint="$3" user="$4" out="$5" dir
  dir="$(mktemp -d)"
  mkdir -p "$dir/oci/blobs/sha256"
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$rootfs" -cf "$dir/layer.tar" .
  local layer layer_size config config_size manifest manifest_size
  layer="$(blob "$dir" "$dir/layer.tar")"; layer_size="$(stat -c %s "$dir/layer.tar")"
  printf '{"architecture":"amd64","os":"linux","config":{"Entrypoint":%s,"User":"%s"},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
    "$entrypoint" "$user" "$layer" > "$dir/config.json"
  config="$(blob "$dir" "$dir/config.json")"; config_size="$(stat -c %s "$dir/config.json")"
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:%s","size":%s}]}' \
    "$config" "$config_size" "$layer" "$layer_size" > "$dir/manifest.json"
  manifest="$(blob "$dir" "$dir/manifest.json")"; manifest_size="$(stat -c %s "$dir/manifest.json")"
  printf '{"imageLayoutVersion":"1.0.0"}' > "$dir/oci/oci-layout"
  printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"io.containerd.image.name":"%s","org.opencontainers.image.ref.name":"%s"}}]}' \
    "$manifest" "$manifest_size" "$name" "${name##*:}" > "$dir/oci/index.json"
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$dir/oci" -cf "$out.partial" .
  mv "$out.partial" "$out"
  rm -rf "$dir"
}

blob() { # <work dir> <file>: copies the file into the layout's blobs, prints its digest
  local digest
  digest="$(sha256sum < "$2" | cut -d' ' -f1)"
  cp "$2" "$1/oci/blobs/sha256/$digest"
  echo "$digest"
}

# The pod sandbox: hack/node/pause built from source.
node_pause_archive() {
  local src="$here/node/pause" dir
  dir="$ASTRALYTIQ_CACHE/node-images/pause-$(cat "$src/main.go" "$src/go.mod" | sha256sum | cut -c1-12)"
  if [[ ! -f "$dir/image.tar" ]]; then
    mkdir -p "$dir/rootfs"
    (cd "$src" && CGO_ENABLED=0 GOTOOLCHAIN=local go build -trimpath -ldflags "-s -w" -o "$dir/rootfs/pause" .)
    oci_archive "$PAUSE_IMAGE" "$dir/rootfs" '["/pause"]' "65535:65535" "$dir/image.tar"
  fi
  echo "$dir/image.tar"
}

# A shell for the node's helper pods (the local-path provisioner's, tests'): Debian's static busybox.
node_busybox_archive() {
  local version dir
  version="$(dpkg-query -W -f='${Version}' busybox-static 2>/dev/null || true)"
  [[ -n "$version" ]] || die "busybox-static is not installed (node_packages installs it)"
  dir="$ASTRALYTIQ_CACHE/node-images/busybox-${version//[^A-Za-z0-9.]/_}"
  if [[ ! -f "$dir/image.tar" ]]; then
    mkdir -p "$dir/rootfs/bin" "$dir/rootfs/tmp"
    cp "$(command -v busybox)" "$dir/rootfs/bin/busybox"
    ln -sf busybox "$dir/rootfs/bin/sh"
    oci_archive "$BUSYBOX_IMAGE" "$dir/rootfs" '["/bin/sh"]' "0:0" "$dir/image.tar"
  fi
  echo "$dir/image.tar"
}

node_config() {
  local d="$NODE_DIR/config" pki="$WORKDIR/pki"
  mkdir -p "$d" "$NODE_DIR/cni/net.d" "$NODE_DIR/cni/ipam" "$NODE_DIR/certs.d/$REGISTRY" "$NODE_RUN"
  sed "s|https://127.0.0.1:|https://$HOST_SERVICES_IP:|" "$KUBECONFIG_PATH" > "$NODE_KUBECONFIG"
  cat > "$d/containerd.toml" <<EOF
version = 3
root = "$NODE_DIR/containerd"
state = "$NODE_RUN/containerd"
[grpc]
  address = "$NODE_RUN/containerd.sock"
[plugins.'io.containerd.cri.v1.images']
  snapshotter = "overlayfs"
  [plugins.'io.containerd.cri.v1.images'.pinned_images]
    sandbox = "$PAUSE_IMAGE"
  [plugins.'io.containerd.cri.v1.images'.registry]
    config_path = "$NODE_DIR/certs.d"
[plugins.'io.containerd.cri.v1.runtime']
  netns_mounts_under_state_dir = true
  # This machine grants root every capability but CAP_SYS_RESOURCE, so no process may lower its
  # oom_score_adj below containerd's; the kubelet asks -998 for pod sandboxes. Clamp instead of failing.
  restrict_oom_score_adj = true
  [plugins.'io.containerd.cri.v1.runtime'.cni]
    bin_dirs = ["$CNI_BIN_DIR"]
    conf_dir = "$NODE_DIR/cni/net.d"
  [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc]
    runtime_type = "io.containerd.runc.v2"
    [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options]
      BinaryName = "$(command -v runc)"
      Root = "$NODE_RUN/runc"
      SystemdCgroup = false
EOF
  # The local registry speaks plain HTTP.
  cat > "$NODE_DIR/certs.d/$REGISTRY/hosts.toml" <<EOF
server = "http://$REGISTRY"
[host."http://$REGISTRY"]
  capabilities = ["pull", "resolve"]
EOF
  # The examples name their team's registry; the local registry stands in for it (hack/example-images), so the
  # examples run as written. A real cluster pulls from the real one.
  mkdir -p "$NODE_DIR/certs.d/$EXAMPLE_REGISTRY"
  cat > "$NODE_DIR/certs.d/$EXAMPLE_REGISTRY/hosts.toml" <<EOF
server = "https://$EXAMPLE_REGISTRY"
[host."http://$REGISTRY"]
  capabilities = ["pull", "resolve"]
EOF
  cat > "$NODE_DIR/cni/net.d/10-astralytiq.conflist" <<EOF
{
  "cniVersion": "1.0.0",
  "name": "astralytiq",
  "plugins": [
    {"type": "bridge", "bridge": "cni0", "isGateway": true, "ipMasq": false, "hairpinMode": true,
     "ipam": {"type": "host-local", "dataDir": "$NODE_DIR/cni/ipam",
              "ranges": [[{"subnet": "$POD_CIDR", "gateway": "$POD_GATEWAY"}]],
              "routes": [{"dst": "0.0.0.0/0"}]}},
    {"type": "portmap", "capabilities": {"portMappings": true}}
  ]
}
EOF
  # Only the cluster's own names: no upstream, so no pod query ever leaves the machine.
  cat > "$d/Corefile" <<EOF
.:53 {
  bind $NODE_IP
  errors
  health 127.0.0.1:8080
  ready 127.0.0.1:8181
  kubernetes cluster.local in-addr.arpa ip6.arpa {
    kubeconfig $NODE_KUBECONFIG
    pods insecure
  }
  cache 30
}
EOF
  echo "nameserver $NODE_IP" > "$d/resolv.conf"
  cat > "$d/kubelet.yaml" <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: $NODE_IP
port: 10250
healthzBindAddress: 127.0.0.1
healthzPort: 10248
containerRuntimeEndpoint: unix://$NODE_RUN/containerd.sock
cgroupDriver: cgroupfs
cgroupRoot: $NODE_CGROUP
# cgroup v1 is what this machine has; Kubernetes 1.34 keeps it behind this switch.
failCgroupV1: false
failSwapOn: false
clusterDomain: cluster.local
clusterDNS: [$NODE_IP]
resolvConf: $d/resolv.conf
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: $pki/ca.crt}
authorization: {mode: Webhook}
tlsCertFile: $pki/admin.crt
tlsPrivateKeyFile: $pki/admin.key
serializeImagePulls: false
maxPods: 110
# The host's disk is shared with everything else on the machine: evict only when it is nearly full.
evictionHard: {memory.available: "256Mi", nodefs.available: "2%", imagefs.available: "2%"}
imageGCHighThresholdPercent: 98
imageGCLowThresholdPercent: 95
EOF
  cat > "$d/kube-proxy.yaml" <<EOF
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: iptables
clusterCIDR: $POD_CIDR
hostnameOverride: $NODE_NAME
bindAddress: $NODE_IP
healthzBindAddress: 127.0.0.1:10256
metricsBindAddress: 127.0.0.1:10249
clientConnection: {kubeconfig: $NODE_KUBECONFIG}
# nf_conntrack_max is the host's, not the node's: leave it alone.
conntrack: {maxPerCore: 0}
EOF
}

# Starts a node component in the node's network namespace (or, with NODE_HOST=1, in the host's); argv[0] under
# $WORKDIR/bin ties the process to this cluster for teardown, like kwokctl's own components.
node_start() { # <component> <binary> <args...>
  local name="$1" binary="$2" enter=(nsenter --net="/run/netns/$NODE_NETNS" --); shift 2
  [[ "${NODE_HOST:-0}" == 1 ]] && enter=()
  ln -sf "$binary" "$WORKDIR/bin/$name"
  mkdir -p "$WORKDIR/logs" "$WORKDIR/pids"
  # Appended: hack/cluster crash starts a component again into the same log.
  setsid "${enter[@]}" "$WORKDIR/bin/$name" "$@" </dev/null >>"$WORKDIR/logs/$name.log" 2>&1 9>&- &
  echo $! > "$WORKDIR/pids/$name.pid"
}

api_server_port() { sed -n 's|.*server: https://127.0.0.1:\([0-9]*\).*|\1|p' "$KUBECONFIG_PATH"; }

# Waits for the real node; gives up early when one of its components started so far has died.
node_wait() { # <timeout seconds> <what> <command...>
  wait_for --check node_components_alive --log "$WORKDIR/logs" "$@"
}
node_components_alive() { # <what is waited for>
  local c
  for c in "${NODE_COMPONENTS[@]}"; do
    [[ -f "$WORKDIR/pids/$c.pid" ]] || continue
    component_running "$c" && continue
    tail -n 20 "$WORKDIR/logs/$c.log" >&2 || true
    die "real node: $c exited while waiting for $1 (log: $WORKDIR/logs/$c.log)"
  done
}

node_up() {
  local t0; t0="$(now)"
  node_packages
  node_addresses
  log "real node $NODE_NAME: $NODE_IP in network namespace $NODE_NETNS, pods $POD_CIDR"
  node_network
  node_cgroups
  node_config
  local port archive
  port="$(api_server_port)"
  [[ -n "$port" ]] || die "no API server port in $KUBECONFIG_PATH"
  NODE_HOST=1 node_start apiserver-relay "$(command -v socat)" \
    "TCP-LISTEN:$port,bind=$HOST_SERVICES_IP,fork,reuseaddr" "TCP:127.0.0.1:$port"
  PATH="$CONTAINERD_BIN_DIR:$PATH" node_start containerd "$CONTAINERD_BIN_DIR/containerd" \
    --config "$NODE_DIR/config/containerd.toml"
  node_wait 60 "the real node's containerd" "$CONTAINERD_BIN_DIR/ctr" --address "$NODE_RUN/containerd.sock" version
  for archive in "$(node_pause_archive)" "$(node_busybox_archive)"; do
    # ctr repeats containerd's cgroup v1 deprecation notice on every call; any other message goes through.
    "$CONTAINERD_BIN_DIR/ctr" --address "$NODE_RUN/containerd.sock" -n k8s.io images import --local "$archive" \
      2> >(grep -v 'support for cgroup v1 is deprecated' >&2) >/dev/null
  done
  node_start coredns "$COREDNS_BIN_DIR/coredns" -conf "$NODE_DIR/config/Corefile"
  node_start kubelet "$KUBE_BIN_DIR/kubelet" \
    --config "$NODE_DIR/config/kubelet.yaml" --kubeconfig "$NODE_KUBECONFIG" \
    --root-dir "$NODE_DIR/kubelet" --hostname-override "$NODE_NAME" --node-ip "$NODE_IP" \
    --node-labels "astralytiq.io/node=real"
  node_start kube-proxy "$KUBE_BIN_DIR/kube-proxy" --config "$NODE_DIR/config/kube-proxy.yaml"
  node_wait 120 "the real node $NODE_NAME Ready" node_ready
  node_storage
  log "  real node $NODE_NAME Ready ($(since "$t0"))"
}

# The default StorageClass: claims become directories under the node's volume directory.
node_storage() {
  local manifests="$NODE_DIR/config/local-path.yaml" volumes="$NODE_DIR/volumes"
  mkdir -p "$volumes"
  sed "s|@VOLUME_DIR@|$volumes|" "$here/node/local-path.yaml" > "$manifests"
  kube apply -f "$manifests" >/dev/null
  # The provisioner reads config.json and the helper pod from files; the scripts reach the helper pods through
  # the ConfigMap.
  kube -n local-path-storage get configmap local-path-config -o jsonpath='{.data.config\.json}' > "$NODE_DIR/config/local-path.json"
  kube -n local-path-storage get configmap local-path-config -o jsonpath='{.data.helperPod\.yaml}' > "$NODE_DIR/config/local-path-helper.yaml"
  NODE_HOST=1 node_start local-path-provisioner "$LOCAL_PATH_BIN_DIR/local-path-provisioner" start \
    --kubeconfig "$KUBECONFIG_PATH" --namespace local-path-storage --config "$NODE_DIR/config/local-path.json" \
    --helper-pod-file "$NODE_DIR/config/local-path-helper.yaml" --helper-image "$BUSYBOX_IMAGE" \
    --service-account-name local-path-provisioner-helper
}

node_ready() {
  [[ "$(kube get node "$NODE_NAME" --request-timeout=5s \
    -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null)" == "True" ]]
}

# Sets REASON and fails when the real node is not fully usable.
node_healthy() {
  local c
  for c in "${NODE_COMPONENTS[@]}"; do
    component_running "$c" || { REASON="real node: $c is not running"; return 1; }
  done
  node_ready || { REASON="real node $NODE_NAME is not Ready"; return 1; }
}

# containerd's shims outlive containerd (and run outside the node's cgroups); their command lines name its state.
node_shim_pids() {
  local d cmdline
  for d in /proc/[0-9]*; do
    cmdline="$(tr '\0' ' ' 2>/dev/null < "$d/cmdline")" || continue
    [[ "$cmdline" == *containerd-shim*"$NODE_RUN/"* ]] && echo "${d#/proc/}"
  done
  return 0
}

# Kills every container of the node (their processes live in its cgroups, not under this cluster's pids),
# unmounts what containerd and the kubelet mounted, removes the namespace, cgroups and addresses.
node_down() {
  local controller procs m
  procs="$(node_shim_pids)"
  # shellcheck disable=SC2086
  [[ -z "$procs" ]] || kill -KILL $procs 2>/dev/null || true
  for controller in /sys/fs/cgroup/*/; do
    [[ -d "$controller${NODE_CGROUP#/}" ]] || continue
    procs="$(find "$controller${NODE_CGROUP#/}" -name cgroup.procs -exec cat {} + 2>/dev/null | sort -u)"
    # shellcheck disable=SC2086
    [[ -z "$procs" ]] || kill -KILL $procs 2>/dev/null || true
  done
  for m in $(findmnt -rn -o TARGET | grep -E "^($NODE_DIR|$NODE_RUN)(/|$)" | sort -r); do
    umount -l "$m" 2>/dev/null || true
  done
  ip netns del "$NODE_NETNS" 2>/dev/null || true
  for controller in /sys/fs/cgroup/*/; do
    [[ -d "$controller${NODE_CGROUP#/}" ]] || continue
    find "$controller${NODE_CGROUP#/}" -depth -type d -exec rmdir {} + 2>/dev/null || true
  done
  rm -rf "$NODE_RUN"
  node_release_slot
}
