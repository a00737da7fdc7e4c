# Pinned versions (hack/versions.env) and where their binaries are cached, outside the repo.
# shellcheck source=../versions.env
source "$(dirname "${BASH_SOURCE[0]}")/../versions.env"
ASTRALYTIQ_CACHE="${ASTRALYTIQ_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/astralytiq}"
KUBE_BIN_DIR="$ASTRALYTIQ_CACHE/kubernetes-$KUBE_VERSION/bin"
ETCD_BIN_DIR="$ASTRALYTIQ_CACHE/etcd-$ETCD_VERSION/bin"
KWOK_BIN_DIR="$ASTRALYTIQ_CACHE/kwok-$KWOK_VERSION/bin"
CONTAINERD_BIN_DIR="$ASTRALYTIQ_CACHE/containerd-$CONTAINERD_VERSION/bin"
CNI_BIN_DIR="$ASTRALYTIQ_CACHE/cni-plugins-$CNI_PLUGINS_VERSION/bin"
COREDNS_BIN_DIR="$ASTRALYTIQ_CACHE/coredns-$COREDNS_VERSION/bin"
LOCAL_PATH_BIN_DIR="$ASTRALYTIQ_CACHE/local-path-provisioner-$LOCAL_PATH_VERSION/bin"
METRICS_SERVER_BIN_DIR="$ASTRALYTIQ_CACHE/metrics-server-$METRICS_SERVER_VERSION/bin"
THIRD_PARTY_CRD_DIR="$ASTRALYTIQ_CACHE/third-party-crds/cert-manager-$CERT_MANAGER_VERSION-prometheus-operator-$PROMETHEUS_OPERATOR_VERSION"
# -auth: built with htpasswd, for the tests' registries that ask for a password (a new name rebuilds old caches).
REGISTRY_BIN_DIR="$ASTRALYTIQ_CACHE/distribution-$DISTRIBUTION_VERSION-auth/bin"
CRANE_BIN_DIR="$ASTRALYTIQ_CACHE/crane-$CRANE_VERSION/bin"
COSIGN_BIN_DIR="$ASTRALYTIQ_CACHE/cosign-$COSIGN_VERSION/bin"
ACTIONLINT_BIN_DIR="$ASTRALYTIQ_CACHE/actionlint-$ACTIONLINT_VERSION/bin"
