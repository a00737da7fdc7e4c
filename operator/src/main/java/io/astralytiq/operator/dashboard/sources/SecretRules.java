package io.astralytiq.operator.dashboard.sources;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.ApiGroup;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.api.v1alpha1.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Secrets a Dashboard may mount. A Dashboard is written by a tenant's editors, who may not read Secrets; what
 * its runtime mounts, its queries and viewers may come to see. So a Secret the operator or the cluster holds for
 * another purpose is never mounted: a dashboard's TLS certificate, a service-account token, another Dashboard's. And
 * every Secret it mounts, whole or as credentials, carries the label {@link Labels#DASHBOARD_DATA}: set by someone who
 * may write Secrets, it says the Secret is meant for dashboards. Without it an editor could name any Secret with a
 * username and password key and send them to a database at an address of their choosing.
 */
final class SecretRules {

  static final String SERVICE_ACCOUNT_TOKEN = "kubernetes.io/service-account-token";

  private SecretRules() {}

  /** Why the Secret may not be mounted by the Dashboard; empty when it may. */
  static Optional<String> refusal(Secret secret, MountedSource source, Dashboard dashboard,
      Collection<Dashboard> namespaceDashboards) {
    String name = secret.getMetadata().getName();
    if (SERVICE_ACCOUNT_TOKEN.equals(secret.getType())) {
      return Optional.of("is a service-account token");
    }
    Optional<String> tlsOf = namespaceDashboards.stream().filter(d -> name.equals(DashboardNames.tlsSecret(d)))
        .map(d -> d.getMetadata().getName()).findFirst();
    if (tlsOf.isPresent()) {
      return Optional.of("is the TLS Secret of Dashboard " + tlsOf.get());
    }
    Optional<String> owner = otherDashboardOwner(secret, dashboard);
    if (owner.isPresent()) {
      return Optional.of("belongs to Dashboard " + owner.get());
    }
    if (!"true".equals(labels(secret).get(Labels.DASHBOARD_DATA))) {
      return Optional.of("is not labelled " + Labels.DASHBOARD_DATA + "=true, which marks a Secret as meant for"
          + " dashboards (whoever may write Secrets adds it: kubectl label secret " + name + " "
          + Labels.DASHBOARD_DATA + "=true)");
    }
    return Optional.empty();
  }

  /** The keys a credentials Secret lacks; the pod could not start without them. */
  static List<String> missingCredentialKeys(Secret secret) {
    Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
    Map<String, String> stringData = secret.getStringData() == null ? Map.of() : secret.getStringData();
    return List.of(RuntimeContract.USERNAME_KEY, RuntimeContract.PASSWORD_KEY).stream()
        .filter(key -> !data.containsKey(key) && !stringData.containsKey(key)).toList();
  }

  private static Optional<String> otherDashboardOwner(Secret secret, Dashboard dashboard) {
    List<OwnerReference> owners = secret.getMetadata().getOwnerReferences();
    return owners == null ? Optional.empty() : owners.stream()
        .filter(o -> HasMetadata.getKind(Dashboard.class).equals(o.getKind()) && o.getApiVersion() != null
            && o.getApiVersion().startsWith(ApiGroup.GROUP + "/"))
        .filter(o -> !Objects.equals(o.getUid(), dashboard.getMetadata().getUid()))
        .map(OwnerReference::getName).findFirst();
  }

  private static Map<String, String> labels(Secret secret) {
    return secret.getMetadata().getLabels() == null ? Map.of() : secret.getMetadata().getLabels();
  }
}
