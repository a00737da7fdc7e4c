package io.astralytiq.operator.testing;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardSpec;
import io.astralytiq.api.v1alpha1.definition.DashboardDefinition;
import io.astralytiq.api.v1alpha1.definition.Dataset;
import io.astralytiq.api.v1alpha1.definition.Panel;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;

/** Dashboards for tests: a small valid one to start from, changed by each test as its scenario needs. */
public final class Dashboards {

  private Dashboards() {}

  public static Dashboard minimal(String namespace, String name) {
    Dashboard dashboard = new Dashboard();
    dashboard.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    DashboardSpec spec = new DashboardSpec();
    spec.setDefinition(definition("Orders"));
    dashboard.setSpec(spec);
    return dashboard;
  }

  public static DashboardDefinition definition(String title) {
    Dataset orders = new Dataset();
    orders.setName("orders");
    orders.setFormat("csv");
    orders.setPath("/data/orders.csv");
    Panel total = new Panel();
    total.setId("total");
    total.setTitle("Total orders");
    total.setType("metric");
    total.setQuery("SELECT count(*) AS total FROM orders");
    total.setX("total");
    DashboardDefinition definition = new DashboardDefinition();
    definition.setTitle(title);
    definition.setDatasets(List.of(orders));
    definition.setPanels(List.of(total));
    return definition;
  }
}
