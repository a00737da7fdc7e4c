package io.astralytiq.operator.dashboard.tls;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.astralytiq.operator.tls.InvalidTlsDataException;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * tls.mode Operator: keeps the dashboard's kubernetes.io/tls Secret holding a current certificate from the
 * operator's CA. Not a watched dependent on purpose: an informer of Secrets needs the right to list every Secret
 * of the cluster, while this reads its own Secret by name and writes it only when its content must change.
 */
public final class OperatorTlsSecret {

  private OperatorTlsSecret() {}

  /**
   * Makes the Secret hold a current certificate, issued or renewed if it was due, and says how TLS stands; empty
   * when the mode is not Operator.
   *
   * @param onRenewed told when a certificate the Secret already held was replaced
   */
  public static Optional<TlsOutcome> reconcile(DashboardModel model, CertificateTools tools, Context<Dashboard> context,
      Consumer<OperatorLeaf> onRenewed) {
    if (!model.operatorCertificate()) {
      return Optional.empty();
    }
    Optional<Secret> stored = Optional.ofNullable(context.getClient().secrets().inNamespace(model.namespace())
        .withName(DashboardNames.tlsSecret(model.dashboard())).get());
    OperatorLeaf leaf;
    try {
      leaf = OperatorLeaf.plan(model, stored, tools);
    } catch (KubernetesClientException | InvalidTlsDataException e) {
      // The operator's own setup, not this Dashboard, is at fault (its namespace missing, its CA Secret damaged):
      // say so on TLSReady and let the rest of the Dashboard reconcile.
      return Optional.of(TlsOutcome.of(false, DashboardConditions.REASON_CA_UNAVAILABLE, "the operator's CA is not"
          + " available: " + e.getMessage(), null, tools.clock().instant().plus(DashboardTls.RECHECK_SECRET)));
    }
    Secret desired = model.tlsSecret(leaf.data());
    if (stored.isEmpty() || !sameContent(stored.get(), desired)) {
      context.getClient().resource(desired).fieldManager(context.getControllerConfiguration().fieldManager())
          .forceConflicts().serverSideApply();
    }
    if (leaf.renewedExisting()) {
      onRenewed.accept(leaf);
    }
    return Optional.of(DashboardTls.operatorIssued(model, leaf));
  }

  /** Whether the stored Secret already says what the desired one does (others' extra labels are theirs). */
  private static boolean sameContent(Secret stored, Secret desired) {
    return Objects.equals(stored.getType(), desired.getType()) && Objects.equals(stored.getData(), desired.getData())
        && stored.getMetadata().getLabels() != null
        && stored.getMetadata().getLabels().entrySet().containsAll(desired.getMetadata().getLabels().entrySet())
        && Objects.equals(stored.getMetadata().getOwnerReferences(), desired.getMetadata().getOwnerReferences());
  }
}
