package io.astralytiq.operator.testing;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardSpec;
import io.astralytiq.api.v1alpha1.IngressSpec;
import io.astralytiq.api.v1alpha1.IngressTls;
import io.astralytiq.api.v1alpha1.definition.DashboardDefinition;
import io.astralytiq.api.v1alpha1.definition.Dataset;
import io.astralytiq.api.v1alpha1.definition.JdbcSource;
import io.astralytiq.api.v1alpha1.definition.Panel;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
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

  /** The dashboard served on a host, with its TLS from the given mode (and the Secret named, for mode Secret). */
  public static Dashboard withTls(Dashboard dashboard, String host, IngressTls.TlsMode mode, String secretName) {
    IngressTls tls = new IngressTls();
    tls.setMode(mode);
    tls.setSecretName(secretName);
    IngressSpec ingress = new IngressSpec();
    ingress.setHost(host);
    ingress.setTls(tls);
    dashboard.getSpec().setIngress(ingress);
    return dashboard;
  }

  /** The dashboard with one more dataset in its inline definition. */
  public static Dashboard withDataset(Dashboard dashboard, Dataset dataset) {
    List<Dataset> datasets = new ArrayList<>(dashboard.getSpec().getDefinition().getDatasets());
    datasets.add(dataset);
    dashboard.getSpec().getDefinition().setDatasets(datasets);
    return dashboard;
  }

  /** A JDBC dataset reading the table of its name. */
  public static Dataset jdbc(String name, String url, String credentialsSecret) {
    JdbcSource jdbc = new JdbcSource();
    jdbc.setUrl(url);
    jdbc.setCredentialsSecret(credentialsSecret);
    jdbc.setQuery("SELECT * FROM " + name);
    Dataset dataset = new Dataset();
    dataset.setName(name);
    dataset.setFormat("jdbc");
    dataset.setJdbc(jdbc);
    return dataset;
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
