package io.astralytiq.operator.testing;

import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.MemberKind;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantConditions;
import io.astralytiq.api.v1alpha1.TenantMember;
import io.astralytiq.api.v1alpha1.TenantQuota;
import io.astralytiq.api.v1alpha1.TenantRole;
import io.astralytiq.api.v1alpha1.TenantSpec;
import io.astralytiq.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Tenants for tests: a bare one naming its namespaces, changed by each test as its scenario needs. */
public final class Tenants {

  private Tenants() {}

  /** Edits a Tenant as a user would, reading again when the operator wrote its status in between (409). */
  public static Tenant edit(KubernetesClient client, String name, UnaryOperator<Tenant> change) {
    return await("editing tenant " + name).atMost(Duration.ofSeconds(60))
        .ignoreExceptionsMatching(e -> e instanceof KubernetesClientException k && k.getCode() == 409)
        .until(() -> client.resources(Tenant.class).withName(name).edit(change), Objects::nonNull);
  }

  /** A Tenant whose namespaces hold at most {@code maxDashboards} dashboards. */
  public static Tenant withMaxDashboards(String name, int maxDashboards, String... namespaces) {
    Tenant tenant = of(name, namespaces);
    TenantQuota quota = new TenantQuota();
    quota.setMaxDashboards(maxDashboards);
    tenant.getSpec().setQuota(quota);
    return tenant;
  }

  public static TenantMember member(MemberKind kind, String name, TenantRole role) {
    TenantMember member = new TenantMember();
    member.setKind(kind);
    member.setName(name);
    member.setRole(role);
    return member;
  }

  /** Waits until the Tenant's Ready condition has {@code status} ("True", "False") and returns it. */
  public static Condition awaitReady(KubernetesClient client, String name, String status, Duration timeout) {
    return await("tenant " + name + " Ready=" + status).atMost(timeout).until(() -> Optional.ofNullable(
            client.resources(Tenant.class).withName(name).get())
        .filter(t -> t.getStatus() != null)
        .flatMap(t -> Conditions.find(t.getStatus().getConditions(), TenantConditions.READY))
        .filter(c -> status.equals(c.getStatus())), Optional::isPresent).orElseThrow();
  }

  /** The Events recorded for the Tenant (in namespace default: a Tenant has none of its own). */
  public static List<Event> events(KubernetesClient client, String name) {
    return client.v1().events().inAnyNamespace().withField("involvedObject.name", name)
        .withField("involvedObject.kind", "Tenant").list().getItems();
  }

  public static Tenant of(String name, String... namespaces) {
    Tenant tenant = new Tenant();
    tenant.setMetadata(new ObjectMetaBuilder().withName(name).build());
    TenantSpec spec = new TenantSpec();
    spec.setNamespaces(List.of(namespaces));
    tenant.setSpec(spec);
    return tenant;
  }
}
