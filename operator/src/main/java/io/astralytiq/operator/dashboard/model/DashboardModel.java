package io.astralytiq.operator.dashboard.model;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.AutoscalingSpec;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardSpec;
import io.astralytiq.api.v1alpha1.DataVolume;
import io.astralytiq.api.v1alpha1.IngressSpec;
import io.astralytiq.api.v1alpha1.IngressTls;
import io.astralytiq.api.v1alpha1.IssuerRef;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.RolloutSpec;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.api.v1alpha1.TenantEgress;
import io.astralytiq.api.v1alpha1.TenantTls;
import io.astralytiq.operator.common.OwnedLabels;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.foreign.Certificate;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The desired state of one Dashboard's children, computed from the Dashboard, the operator's settings and what
 * the reconciler resolved (definition content, tenant, host conflict). Pure: no cluster access, so every child
 * is tested from a Dashboard in and objects out.
 *
 * @param dashboard the Dashboard, never modified
 * @param config the operator's settings
 * @param definition the definition the runtime reads; null when a custom image runs without one
 * @param tenant the tenant owning the Dashboard's namespace; null when the namespace belongs to none
 * @param tenantTls the tenant's TLS defaults; null when it has none
 * @param hostConflict whether an older Dashboard already serves the same host
 * @param tenantEgress where the tenant lets its dashboards connect to; null when it names nowhere
 * @param tenantNamespaces the namespaces the tenant holds (names in its spec and labelled as its); empty without one
 * @param verifiedImage the image by the digest whose signature was verified, which the pods run; null when no
 *     signature is checked (the pods run the image as the spec names it)
 */
public record DashboardModel(Dashboard dashboard, OperatorConfig config, DefinitionContent definition, String tenant,
    TenantTls tenantTls, boolean hostConflict, TenantEgress tenantEgress, Set<String> tenantNamespaces,
    String verifiedImage) {

  public DashboardModel(Dashboard dashboard, OperatorConfig config, DefinitionContent definition, String tenant,
      TenantTls tenantTls, boolean hostConflict, TenantEgress tenantEgress, Set<String> tenantNamespaces) {
    this(dashboard, config, definition, tenant, tenantTls, hostConflict, tenantEgress, tenantNamespaces, null);
  }

  /** The same model, its pods running the image by the digest that was verified. */
  public DashboardModel withVerifiedImage(String pinned) {
    return new DashboardModel(dashboard, config, definition, tenant, tenantTls, hostConflict, tenantEgress,
        tenantNamespaces, pinned);
  }

  public String name() {
    return dashboard.getMetadata().getName();
  }

  public String namespace() {
    return dashboard.getMetadata().getNamespace();
  }

  /** Whether a namespace is the Dashboard's own or another its tenant holds: the ones its datasets may connect into. */
  public boolean tenantHolds(String otherNamespace) {
    return otherNamespace.equals(namespace()) || tenantNamespaces.contains(otherNamespace);
  }

  /** Dataset hosts its NetworkPolicy does not open (Services of namespaces its tenant does not hold), as sentences. */
  public List<String> egressRefusals() {
    return DesiredEgress.refusals(this);
  }

  public DashboardSpec spec() {
    return dashboard.getSpec();
  }

  public Map<String, String> labels() {
    return OwnedLabels.of(Labels.DASHBOARD_APP, name(), tenant);
  }

  /**
   * Metadata of a child: its name, the labels, and the Dashboard as controlling owner, so the garbage collector
   * removes the child with it and no other controller adopts it.
   */
  public ObjectMeta childMetadata(String childName) {
    return new ObjectMetaBuilder()
        .withName(childName)
        .withNamespace(namespace())
        .withLabels(labels())
        .addNewOwnerReference()
          .withApiVersion(dashboard.getApiVersion()).withKind(dashboard.getKind()).withName(name())
          .withUid(dashboard.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(true)
        .endOwnerReference()
        .build();
  }

  /** The selector labels and the operator's marker, which the operator's pod informer selects on. */
  public Map<String, String> podLabels() {
    return OwnedLabels.of(Labels.DASHBOARD_APP, name(), null);
  }

  public Map<String, String> selectorLabels() {
    return OwnedLabels.selector(Labels.DASHBOARD_APP, name());
  }

  /** The data volumes of the spec; none when it names none. */
  public List<DataVolume> dataVolumes() {
    return spec().getDataVolumes() == null ? List.of() : spec().getDataVolumes();
  }

  public boolean suspended() {
    return Boolean.TRUE.equals(spec().getSuspend());
  }

  public String image() {
    RuntimeSpec runtime = spec().getRuntime();
    return runtime != null && runtime.getImage() != null ? runtime.getImage() : config.runtimeImage();
  }

  /** What the pods run: the verified digest when a signature was checked, else the image as asked. */
  public String runImage() {
    return verifiedImage != null ? verifiedImage : image();
  }

  /** The Secrets the kubelet (and the signature check) read the image's registry with. */
  public List<String> imagePullSecrets() {
    RuntimeSpec runtime = spec().getRuntime();
    return runtime == null || runtime.getImagePullSecrets() == null ? List.of()
        : runtime.getImagePullSecrets().stream().map(ref -> ref.getName()).toList();
  }

  public boolean runsDefaultRuntime() {
    return image().equals(config.runtimeImage());
  }

  public int port() {
    RuntimeSpec runtime = spec().getRuntime();
    return runtime != null && runtime.getPort() != null ? runtime.getPort() : RuntimeContract.HTTP_PORT;
  }

  /** Replicas the Deployment is given; empty while an autoscaler owns the count. */
  public Optional<Integer> fixedReplicas() {
    if (suspended()) {
      return Optional.of(0);
    }
    if (autoscaling().isPresent()) {
      return Optional.empty();
    }
    return Optional.of(spec().getReplicas() == null ? 1 : spec().getReplicas());
  }

  public Optional<AutoscalingSpec> autoscaling() {
    return suspended() ? Optional.empty() : Optional.ofNullable(spec().getAutoscaling());
  }

  /** Fewest replicas the Dashboard runs with when not suspended. */
  public int minimumReplicas() {
    return autoscaling().map(a -> a.getMinReplicas() == null ? 1 : a.getMinReplicas())
        .orElseGet(() -> fixedReplicas().orElse(1));
  }

  public RolloutSpec rollout() {
    return spec().getRollout() == null ? new RolloutSpec() : spec().getRollout();
  }

  /** The ingress to serve, absent when none is asked for or another Dashboard holds the host. */
  public Optional<IngressSpec> servedIngress() {
    return Optional.ofNullable(spec().getIngress()).filter(i -> !hostConflict);
  }

  /** Where the certificate comes from: the dashboard's choice, else its tenant's, else cert-manager. */
  public IngressTls.TlsMode tlsMode() {
    return dashboardTls().map(IngressTls::getMode)
        .or(() -> Optional.ofNullable(tenantTls).map(TenantTls::getMode))
        .orElse(IngressTls.TlsMode.CertManager);
  }

  /** The cert-manager issuer: the dashboard's, else its tenant's; empty when neither names one. */
  public Optional<IssuerRef> issuer() {
    return dashboardTls().map(IngressTls::getIssuerRef)
        .or(() -> Optional.ofNullable(tenantTls).map(TenantTls::getIssuerRef));
  }

  private Optional<IngressTls> dashboardTls() {
    return Optional.ofNullable(spec().getIngress()).map(IngressSpec::getTls);
  }

  /** Whether the operator's CA certifies the served host (tls.mode Operator). */
  public boolean operatorCertificate() {
    return servedIngress().isPresent() && tlsMode() == IngressTls.TlsMode.Operator;
  }

  /** The Secret holding the operator's certificate for the host, with the data the reconciler worked out. */
  public Secret tlsSecret(Map<String, String> data) {
    return DesiredTlsSecret.of(this, data);
  }

  /** The cert-manager Certificate, when the served ingress asks for one. */
  public Optional<Certificate> certificate() {
    return servedIngress().filter(i -> tlsMode() == IngressTls.TlsMode.CertManager).flatMap(i -> issuer())
        .map(issuer -> DesiredCertificate.of(this, issuer));
  }

  /** Where users reach the dashboard: its host, or the Service's in-cluster address. */
  public String url() {
    IngressSpec ingress = spec().getIngress();
    if (ingress == null) {
      return "http://" + name() + "." + namespace() + ".svc";
    }
    String scheme = tlsMode() == IngressTls.TlsMode.None ? "http" : "https";
    String path = ingress.getPath() == null || ingress.getPath().equals("/") ? "" : ingress.getPath();
    return scheme + "://" + ingress.getHost() + path;
  }

  public Optional<ConfigMap> definitionConfigMap() {
    return Optional.ofNullable(definition).map(d -> DesiredDefinitionConfigMap.of(this, d));
  }

  public Deployment deployment() {
    return DesiredDeployment.of(this);
  }

  public Service service() {
    return DesiredService.service(this);
  }

  public ServiceAccount serviceAccount() {
    return DesiredService.serviceAccount(this);
  }

  public Optional<HorizontalPodAutoscaler> autoscaler() {
    return autoscaling().map(a -> DesiredScaling.autoscaler(this, a));
  }

  public Optional<PodDisruptionBudget> disruptionBudget() {
    return suspended() || minimumReplicas() < 2 ? Optional.empty() : Optional.of(DesiredScaling.disruptionBudget(this));
  }

  public Optional<Ingress> ingress() {
    return servedIngress().map(i -> DesiredIngress.of(this, i));
  }

  public NetworkPolicy networkPolicy() {
    return DesiredNetworkPolicy.of(this);
  }
}
