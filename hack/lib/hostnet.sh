# Addresses of the local cluster's network, shared by hack/ scripts.
#
# Everything lives in 198.18.0.0/15, the range reserved for network benchmarks (RFC 2544): it is never routed on
# the internet nor used by private networks, so nothing sent there can leave this machine by mistake.
#   198.18.0.1/32        host services (API servers, the image registry, PostgreSQL) on the dummy link astq0
#   198.18.<slot>.1/24   the host's end of the veth to a real node's network namespace (slot 1-63, per cluster)
#   198.18.<slot>.2/24   the real node's address
#   198.19.<slot>.0/24   that node's pods
#   198.18.128.0/20      Services (cluster IPs; meaningful only inside a node's network namespace)
HOST_SERVICES_IP=198.18.0.1
HOST_SERVICES_LINK=astq0
SERVICE_CIDR=198.18.128.0/20
REGISTRY_PORT="${ASTRALYTIQ_REGISTRY_PORT:-5000}"
REGISTRY="${ASTRALYTIQ_REGISTRY:-$HOST_SERVICES_IP:$REGISTRY_PORT}"

# The dummy link that carries HOST_SERVICES_IP; idempotent. Needs root (CAP_NET_ADMIN).
ensure_host_services_address() {
  if ! ip link show "$HOST_SERVICES_LINK" >/dev/null 2>&1; then
    # Kernels built without the dummy driver (this project's CI VMs) get a bridge without ports, which carries a
    # local address just the same.
    ip link add "$HOST_SERVICES_LINK" type dummy 2>/dev/null || ip link add "$HOST_SERVICES_LINK" type bridge
  fi
  ip link set "$HOST_SERVICES_LINK" up
  if ! ip -4 addr show dev "$HOST_SERVICES_LINK" | grep -q "inet $HOST_SERVICES_IP/"; then
    ip addr add "$HOST_SERVICES_IP/32" dev "$HOST_SERVICES_LINK"
  fi
}
