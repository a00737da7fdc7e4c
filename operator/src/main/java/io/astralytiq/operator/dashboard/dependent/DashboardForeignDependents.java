package io.astralytiq.operator.dashboard.dependent;

import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.operator.foreign.Certificate;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The Dashboard's children of third-party APIs, each active only while its API is installed. */
public final class DashboardForeignDependents {

  private DashboardForeignDependents() {}

  /** cert-manager's Certificate for the host, while {@link Preconditions.CertificateWanted}. */
  @KubernetesDependent(informer = @Informer(labelSelector = DashboardDependents.OWNED))
  public static class DashboardCertificateDependent extends DashboardChildDependent<Certificate> {
    public DashboardCertificateDependent() {
      super(Certificate.class, m -> m.certificate().orElseThrow(), DashboardNames::certificate);
    }
  }
}
