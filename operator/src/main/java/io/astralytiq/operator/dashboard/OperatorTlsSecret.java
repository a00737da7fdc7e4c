package io.astralytiq.operator.dashboard;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.astralytiq.operator.tls.CertificateTools;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Objects;
import java.util.Optional;

/**
 * tls.mode Operator: keeps the dashboard's kubernetes.io/tls Secret holding a current certificate from the
 * operator's CA. Not a watched dependent on purpose: an informer of Secrets needs the right to list every Secret
 * of the cluster, while this reads its own Secret by name and writes it only when its content must change.
 */
final class OperatorTlsSecret {

  private OperatorTlsSecret() {}

  /** The certificate the Secret holds now, issued or renewed if it was due; empty when the mode is not Operator. */
  static Optional<OperatorLeaf> reconcile(DashboardModel model, CertificateTools tools, Context<Dashboard> context) {
    if (!model.operatorCertificate()) {
      return Optional.empty();
    }
    Optional<Secret> stored = Optional.ofNullable(context.getClient().secrets().inNamespace(model.namespace())
        .withName(DashboardNames.tlsSecret(model.dashboard())).get());
    OperatorLeaf leaf = OperatorLeaf.plan(model, stored, tools);
    Secret desired = model.tlsSecret(leaf.data());
    if (stored.isEmpty() || !sameContent(stored.get(), desired)) {
      context.getClient().resource(desired).fieldManager(context.getControllerConfiguration().fieldManager())
          .forceConflicts().serverSideApply();
    }
    return Optional.of(leaf);
  }

  /** Whether the stored Secret already says what the desired one does (others' extra labels are theirs). */
  private static boolean sameContent(Secret stored, Secret desired) {
    return Objects.equals(stored.getType(), desired.getType()) && Objects.equals(stored.getData(), desired.getData())
        && stored.getMetadata().getLabels() != null
        && stored.getMetadata().getLabels().entrySet().containsAll(desired.getMetadata().getLabels().entrySet())
        && Objects.equals(stored.getMetadata().getOwnerReferences(), desired.getMetadata().getOwnerReferences());
  }
}
