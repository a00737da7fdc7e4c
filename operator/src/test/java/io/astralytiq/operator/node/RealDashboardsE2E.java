package io.astralytiq.operator.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.operator.testing.RealNode;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.testing.Command;
import io.astralytiq.testing.LocalCluster;
import io.astralytiq.testing.Project;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real dashboard-runtime pods on the real node, each reading its data from where a cluster keeps it: a ConfigMap,
 * a PersistentVolumeClaim of the local-path StorageClass, PostgreSQL through a credentials Secret. Each answers
 * /api/panels through its Service with the numbers of its data.
 */
@ExtendWith(LocalCluster.class)
class RealDashboardsE2E {

  static final Duration UP = Duration.ofMinutes(4);
  private static final String ORDERS_CSV = "order_id,region,amount\n1,EMEA,120.50\n2,AMER,89.50\n3,EMEA,40.00\n";

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onRealNode(Map.of("RUNTIME_IMAGE", RealNode.runtimeImage()));

  @Test
  void aDashboardReadingAConfigMapServesItsNumbers() {
    String namespace = operator.namespace("real-configmap");
    apply(namespace, """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: orders-csv}
        data:
          orders.csv: |
        """ + indent(ORDERS_CSV, 4));
    apply(namespace, dashboard("regions", "{name: orders, mountPath: /data/orders, configMap: {name: orders-csv}}",
        "{name: orders, format: csv, path: /data/orders/orders.csv}"));

    assertRevenue(namespace, "regions", 250.0);
  }

  @Test
  void aDashboardReadingAPersistentVolumeClaimServesItsNumbers() {
    String namespace = operator.namespace("real-pvc");
    apply(namespace, """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: orders}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 16Mi}}
        """);
    // Whoever fills the volume: here a pod that writes the file and exits.
    apply(namespace, """
        apiVersion: v1
        kind: Pod
        metadata: {name: fill-orders}
        spec:
          restartPolicy: Never
          containers:
          - name: fill
            image: astralytiq.local/busybox:1
            imagePullPolicy: Never
            command: [/bin/sh, -c, 'printf "%s" "$CSV" > /data/orders.csv']
            env: [{name: CSV, value: %s}]
            volumeMounts: [{name: orders, mountPath: /data}]
          volumes: [{name: orders, persistentVolumeClaim: {claimName: orders}}]
        """.formatted("%s", Serialization.asJson(ORDERS_CSV)));
    await("the volume filled").atMost(UP).until(() -> {
      Pod fill = operator.client().pods().inNamespace(namespace).withName("fill-orders").get();
      return fill.getStatus() != null && "Succeeded".equals(fill.getStatus().getPhase());
    });
    apply(namespace, dashboard("archive", "{name: orders, mountPath: /data/archive, persistentVolumeClaim: {name: orders}}",
        "{name: orders, format: csv, path: /data/archive/orders.csv}"));

    assertRevenue(namespace, "archive", 250.0);
  }

  @Test
  void aDashboardReadingPostgresqlServesItsNumbers() {
    String namespace = operator.namespace("real-jdbc");
    String database = namespace.replace('-', '_');
    psql("postgres", "CREATE DATABASE " + database);
    psql(database, "CREATE TABLE orders (order_id int, region text, amount numeric(10,2));"
        + " INSERT INTO orders VALUES (1, 'EMEA', 120.50), (2, 'AMER', 89.50), (3, 'EMEA', 40.00);"
        + " CREATE ROLE " + database + " LOGIN PASSWORD 'reader-secret'; GRANT SELECT ON orders TO " + database);
    apply(namespace, """
        apiVersion: v1
        kind: Secret
        metadata: {name: warehouse, labels: {astralytiq.io/dashboard-data: "true"}}
        stringData: {username: %s, password: reader-secret}
        """.formatted(database));
    apply(namespace, dashboard("deals", null, "{name: orders, format: jdbc, jdbc: {url: 'jdbc:postgresql://"
        + "198.18.0.1:5432/" + database + "', credentialsSecret: warehouse, query: 'SELECT region, amount FROM orders'}}"));

    assertRevenue(namespace, "deals", 250.0);
  }

  private static void assertRevenue(String namespace, String name, double expected) {
    operator.dashboards().awaitCondition(namespace, name, DashboardConditions.READY, "True",
        DashboardConditions.REASON_READY, UP);
    JsonNode panels = await("the panels of " + name).atMost(Duration.ofMinutes(1)).ignoreExceptions()
        .until(() -> RealNode.panels(operator.client(), namespace, name), p -> p.size() == 1);
    JsonNode revenue = panels.get(0);
    assertThat(revenue.path("error").isNull() || revenue.path("error").isMissingNode()).as(revenue.toString()).isTrue();
    assertThat(revenue.path("rows").get(0).get(0).asDouble()).as(revenue.toString()).isEqualTo(expected);
    assertThat(RealNode.get(operator.client(), namespace, name, "/")).contains("<html");
  }

  private static String dashboard(String name, String dataVolume, String dataset) {
    return """
        apiVersion: astralytiq.io/v1alpha1
        kind: Dashboard
        metadata: {name: %s}
        spec:
        %s  definition:
            title: Revenue of %s
            datasets: [%s]
            panels:
            - {id: revenue, title: Revenue, type: metric, query: 'SELECT sum(amount) AS revenue FROM orders', x: revenue,
               grid: {col: 0, row: 0, width: 4, height: 2}}
        """.formatted(name, dataVolume == null ? "" : "  dataVolumes: [" + dataVolume + "]\n", name, dataset);
  }

  static void apply(String namespace, String yaml) {
    HasMetadata object = yaml.contains("kind: Dashboard") ? Serialization.unmarshal(yaml, Dashboard.class)
        : Serialization.unmarshal(yaml);
    object.getMetadata().setNamespace(namespace);
    operator.client().resource(object).create();
  }

  private static String indent(String text, int spaces) {
    return text.lines().map(line -> " ".repeat(spaces) + line + "\n").reduce("", String::concat);
  }

  private static void psql(String database, String sql) {
    Command.Result result = Command.run(List.of(Project.path("hack/postgresql").toString(), "psql", "-d", database,
        "-c", sql), null, Duration.ofMinutes(2));
    assertThat(result.exitCode()).as(result.stderr()).isZero();
  }
}
