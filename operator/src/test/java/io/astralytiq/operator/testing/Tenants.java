package io.astralytiq.operator.testing;

import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;

/** Tenants for tests: a bare one naming its namespaces, changed by each test as its scenario needs. */
public final class Tenants {

  private Tenants() {}

  public static Tenant of(String name, String... namespaces) {
    Tenant tenant = new Tenant();
    tenant.setMetadata(new ObjectMetaBuilder().withName(name).build());
    TenantSpec spec = new TenantSpec();
    spec.setNamespaces(List.of(namespaces));
    tenant.setSpec(spec);
    return tenant;
  }
}
