package io.astralytiq.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.testing.LocalCluster;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chaos soak's judge sees what it is there to see: a converged pair of Dashboards (one rolled back from a bad
 * image) passes, and a second Deployment or a good revision marked failed is counted. Without this, a soak that
 * reports zeros could be a judge that never looks.
 */
@ExtendWith(LocalCluster.class)
class ChaosVerdictE2E {

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onLocalCluster();

  @Test
  void passesWhatConvergedAndCountsWhatDidNot() {
    String namespace = operator.tenantNamespace("verdict");
    List<String> namespaces = List.of(namespace);
    Dashboard good = onImage(Dashboards.minimal(namespace, "good"), ChaosBenchmark.GOOD_IMAGE + "1");
    Dashboard bad = onImage(Dashboards.minimal(namespace, "bad"), ChaosBenchmark.GOOD_IMAGE + "1");
    operator.client().resource(good).create();
    operator.client().resource(bad).create();
    await("both converged").atMost(Duration.ofSeconds(90)).until(() -> verdict(namespaces), ChaosVerdict::settled);
    operator.dashboards().edit(namespace, "bad", d -> onImage(d, ChaosBenchmark.BAD_IMAGE + "2"));
    await("the bad image rolled back").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
        .until(() -> verdict(namespaces), ChaosVerdict::settled);
    ChaosVerdict settled = verdict(namespaces);
    assertThat(settled.summary()).isEqualTo("dashboards=2 complete=2 duplicates=0 unrecorded=0 good_rolled_back=0"
        + " good_not_rolled_out=0 not_ready=0 bad_not_restored=0 bad_ready=0");

    Dashboard owner = operator.dashboards().get(namespace, "good");
    Deployment second = operator.client().apps().deployments().inNamespace(namespace).withName("good").get();
    second.setMetadata(new ObjectMetaBuilder().withName("good-twin").withNamespace(namespace)
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion())
            .withKind(owner.getKind()).withName("good").withUid(owner.getMetadata().getUid()).build())
        .build());
    second.setStatus(null);
    operator.client().resource(second).create();
    String revision = operator.client().apps().controllerRevisions().inNamespace(namespace).list().getItems()
        .stream().map(cr -> cr.getMetadata().getName()).filter(name -> name.startsWith("good-")).findFirst()
        .orElseThrow();
    operator.client().apps().controllerRevisions().inNamespace(namespace).withName(revision)
        .edit(cr -> new ControllerRevisionBuilder(cr).editMetadata()
            .addToAnnotations("astralytiq.io/outcome", "Failed").endMetadata().build());

    ChaosVerdict broken = verdict(namespaces);
    assertThat(broken.duplicates()).isEqualTo(1);
    assertThat(broken.goodRolledBack()).isEqualTo(1);
    assertThat(broken.settled()).isFalse();
    assertThat(broken.offenders()).anyMatch(o -> o.contains(namespace + "/good: good revision 1"));
  }

  private static Dashboard onImage(Dashboard dashboard, String image) {
    RuntimeSpec runtime = new RuntimeSpec();
    runtime.setImage(image);
    dashboard.getSpec().setRuntime(runtime);
    return dashboard;
  }

  private static ChaosVerdict verdict(List<String> namespaces) {
    return ChaosVerdict.of(operator.client(), namespaces);
  }
}
