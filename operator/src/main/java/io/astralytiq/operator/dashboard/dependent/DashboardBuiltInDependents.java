package io.astralytiq.operator.dashboard.dependent;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Dashboard's children of the kinds every cluster serves (Deployment, Service, ServiceAccount, NetworkPolicy,
 * HorizontalPodAutoscaler, PodDisruptionBudget, Ingress), one dependent class each as the workflow needs; all their
 * logic is in the model. The kinds of third-party APIs are in {@link DashboardForeignDependents}.
 * Each informer caches only what the operator made (the annotation is not inherited, so each class carries it).
 */
public final class DashboardBuiltInDependents {

  private DashboardBuiltInDependents() {}

  /** The runtime's Deployment, running the revision the rollout chose. */
  @KubernetesDependent(informer = @Informer(labelSelector = DashboardWorkflowContext.OWNED))
  public static class DashboardDeploymentDependent extends DashboardChildDependent<Deployment> {
    public DashboardDeploymentDependent() {
      super(Deployment.class, DashboardNames::deployment);
    }

    @Override
    protected Deployment desired(Dashboard dashboard, Context<Dashboard> context) {
      return DashboardWorkflowContext.deployment(context);
    }

    @Override
    protected void onCreated(Dashboard dashboard, Deployment created, Context<Dashboard> context) {
      super.onCreated(dashboard, created, context);
      DashboardWorkflowContext.markDeploymentCreated(context);
    }
  }

  /** The runtime's Service. */
  @KubernetesDependent(informer = @Informer(labelSelector = DashboardWorkflowContext.OWNED))
  public static class DashboardServiceDependent extends DashboardChildDependent<Service> {
    public DashboardServiceDependent() {
      super(Service.class, DashboardModel::service, DashboardNames::service);
    }
  }

  /** The runtime's own ServiceAccount. */
  @KubernetesDependent(informer = @Informer(labelSelector = DashboardWorkflowContext.OWNED))
  public static class DashboardServiceAccountDependent extends DashboardChildDependent<ServiceAccount> {
    public DashboardServiceAccountDependent() {
      super(ServiceAccount.class, DashboardModel::serviceAccount, DashboardNames::serviceAccount);
    }
  }

  /** Who may reach the runtime. */
  @KubernetesDependent(informer = @Informer(labelSelector = DashboardWorkflowContext.OWNED))
  public static class DashboardNetworkPolicyDependent extends DashboardChildDependent<NetworkPolicy> {
    public DashboardNetworkPolicyDependent() {
      super(NetworkPolicy.class, DashboardModel::networkPolicy, DashboardNames::networkPolicy);
    }
  }

  /** The autoscaler, while {@link Preconditions.AutoscalerWanted}. */
  @KubernetesDependent(informer = @Informer(labelSelector = DashboardWorkflowContext.OWNED))
  public static class DashboardAutoscalerDependent extends DashboardChildDependent<HorizontalPodAutoscaler> {
    public DashboardAutoscalerDependent() {
      super(HorizontalPodAutoscaler.class, m -> m.autoscaler().orElseThrow(), DashboardNames::autoscaler);
    }
  }

  /** The disruption budget, while {@link Preconditions.DisruptionBudgetWanted}. */
  @KubernetesDependent(informer = @Informer(labelSelector = DashboardWorkflowContext.OWNED))
  public static class DashboardDisruptionBudgetDependent extends DashboardChildDependent<PodDisruptionBudget> {
    public DashboardDisruptionBudgetDependent() {
      super(PodDisruptionBudget.class, m -> m.disruptionBudget().orElseThrow(), DashboardNames::disruptionBudget);
    }
  }

  /** The Ingress, while {@link Preconditions.IngressWanted}. */
  @KubernetesDependent(informer = @Informer(labelSelector = DashboardWorkflowContext.OWNED))
  public static class DashboardIngressDependent extends DashboardChildDependent<Ingress> {
    public DashboardIngressDependent() {
      super(Ingress.class, m -> m.ingress().orElseThrow(), DashboardNames::ingress);
    }

    /**
     * Besides its owner, an Ingress event wakes every Dashboard claiming its host: when the Dashboard holding a
     * host goes, its Ingress goes with it, and the next claimant must take the host over at once.
     */
    @Override
    protected Optional<SecondaryToPrimaryMapper<Ingress>> getSecondaryToPrimaryMapper(
        EventSourceContext<Dashboard> context) {
      SecondaryToPrimaryMapper<Ingress> owners = super.getSecondaryToPrimaryMapper(context).orElseThrow();
      return Optional.of(ingress -> {
        Set<String> hosts = ingress.getSpec().getRules().stream().map(IngressRule::getHost)
            .collect(Collectors.toSet());
        Set<ResourceID> targets = new HashSet<>(owners.toPrimaryResourceIDs(ingress));
        context.getPrimaryCache().list(d -> d.getSpec().getIngress() != null
            && hosts.contains(d.getSpec().getIngress().getHost())).map(ResourceID::fromResource).forEach(targets::add);
        return targets;
      });
    }
  }
}
