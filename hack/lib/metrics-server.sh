# metrics-server on a hack/cluster cluster: the HPA's CPU and memory numbers (resource metrics), scraped from the real
# node's kubelet and served through the API server's aggregation layer as v1beta1.metrics.k8s.io. Sourced by
# hack/cluster after lib/node.sh; uses its CLUSTER, WORKDIR, KUBECONFIG_PATH, NODE_* and kube().
#
#   kube-apiserver (127.0.0.1) ── aggregation: APIService v1beta1.metrics.k8s.io → Service kube-system/metrics-server
#        │                        (no selector; its EndpointSlice names 198.18.<slot>.1:4443, dialled directly:
#        │                        --enable-aggregator-routing) with the front-proxy client certificate
#        ▼
#   metrics-server, a host process on 198.18.<slot>.1:4443 (the host's end of the node's veth, one per cluster)
#        └── every 15 s: the real node's kubelet, 198.18.<slot>.2:10250 /metrics/resource (InternalIP)
#
# The kwok nodes have no kubelet and are not scraped (--node-selector): their pods have no metrics, and an HPA of a
# simulated Dashboard reports FailedGetResourceMetric, as on a cluster whose metrics-server cannot reach a node.
# shellcheck shell=bash

METRICS_SERVER_PORT=4443
# Where the aggregation layer's certificates are: made before kwokctl creates the cluster (the API server's flags in
# hack/kwok/kwokctl.yaml name them), outside $WORKDIR, which kwokctl wants to create itself.
AGGREGATION_PKI="$KWOK_WORKDIR/$CLUSTER-aggregation-pki"

# A CA of the aggregation layer's own (not the cluster CA, whose every client certificate could otherwise claim any
# user in X-Remote-User): it signs the API server's front-proxy client certificate (the only name metrics-server
# accepts those headers from: --requestheader-allowed-names) and metrics-server's serving certificate (the
# APIService's caBundle).
aggregation_pki() {
  local d="$AGGREGATION_PKI"
  rm -rf "$d"
  mkdir -p "$d"
  (
    cd "$d"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=astralytiq-aggregation-ca" \
      -keyout ca.key -out ca.crt 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=front-proxy-client" \
      -keyout front-proxy-client.key -out front-proxy-client.csr 2>/dev/null
    openssl x509 -req -in front-proxy-client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
      -extfile <(printf 'extendedKeyUsage=clientAuth\n') -out front-proxy-client.crt 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=metrics-server" \
      -keyout metrics-server.key -out metrics-server.csr 2>/dev/null
    openssl x509 -req -in metrics-server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
      -extfile <(printf 'extendedKeyUsage=serverAuth\nsubjectAltName=DNS:metrics-server.kube-system.svc\n') \
      -out metrics-server.crt 2>/dev/null
    rm -f ./*.csr ca.srl
  ) || die "openssl could not make the aggregation layer's certificates in $d"
}

# Started once the node is Ready; the APIService waited for until the API server finds it Available.
metrics_server_up() {
  local t0; t0="$(now)"
  # The admin kubeconfig (cluster CA, system:masters) for the API server, and the admin certificate for the kubelet,
  # which trusts the cluster CA (kubelet.yaml). The kubelet's serving certificate names no address of the node,
  # hence --kubelet-insecure-tls (the API server, too, dials the kubelet without verifying it).
  NODE_HOST=1 node_start metrics-server "$METRICS_SERVER_BIN_DIR/metrics-server" \
    --kubeconfig "$KUBECONFIG_PATH" \
    --authentication-kubeconfig "$KUBECONFIG_PATH" --authorization-kubeconfig "$KUBECONFIG_PATH" \
    --bind-address "$NODE_HOST_IP" --secure-port "$METRICS_SERVER_PORT" \
    --tls-cert-file "$AGGREGATION_PKI/metrics-server.crt" --tls-private-key-file "$AGGREGATION_PKI/metrics-server.key" \
    --requestheader-client-ca-file "$AGGREGATION_PKI/ca.crt" --requestheader-allowed-names front-proxy-client \
    --kubelet-preferred-address-types InternalIP --kubelet-insecure-tls \
    --kubelet-client-certificate "$WORKDIR/pki/admin.crt" --kubelet-client-key "$WORKDIR/pki/admin.key" \
    --node-selector astralytiq.io/node=real \
    --metric-resolution 15s
  sed -e "s|@METRICS_SERVER_IP@|$NODE_HOST_IP|g" -e "s|@METRICS_SERVER_PORT@|$METRICS_SERVER_PORT|g" \
    -e "s|@CA_BUNDLE@|$(base64 -w0 < "$AGGREGATION_PKI/ca.crt")|g" \
    "$here/node/metrics-server.yaml" > "$NODE_DIR/config/metrics-server.yaml"
  kube apply -f "$NODE_DIR/config/metrics-server.yaml" >/dev/null
  node_wait 120 "APIService v1beta1.metrics.k8s.io Available" metrics_api_available
  log "  metrics-server serving v1beta1.metrics.k8s.io ($(since "$t0"))"
}

metrics_api_available() {
  [[ "$(kube get apiservice v1beta1.metrics.k8s.io --request-timeout=5s \
    -o jsonpath='{.status.conditions[?(@.type=="Available")].status}' 2>/dev/null)" == "True" ]]
}
