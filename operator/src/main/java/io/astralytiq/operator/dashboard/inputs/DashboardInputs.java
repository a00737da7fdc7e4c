package io.astralytiq.operator.dashboard.inputs;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DefinitionRef;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantNames;
import io.astralytiq.api.v1alpha1.definition.DashboardDefinition;
import io.astralytiq.api.v1alpha1.definition.Dataset;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.dashboard.informers.DashboardInformers;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.astralytiq.operator.dashboard.model.DefinitionContent;
import io.astralytiq.operator.dashboard.sources.MountedSource;
import io.astralytiq.operator.dashboard.sources.ObservedSources;
import io.astralytiq.operator.dashboard.sources.SourceCheck;
import io.astralytiq.operator.dashboard.sources.SourceReader;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything a Dashboard's desired state depends on besides its spec, read from the informers' caches: the
 * definition (inline or referenced), its namespace's tenant, which Dashboard holds its host; and the problems
 * that stop its children from being changed.
 *
 * @param model the desired state, valid only when there are no problems
 * @param problems the user's mistakes and policy refusals, in the order they are reported
 * @param hostHolder the older Dashboard serving the same host, if any
 * @param admission the Admitted outcome: whether the tenant's policy lets the Dashboard run
 */
public record DashboardInputs(DashboardModel model, List<Outcome> problems, Optional<Dashboard> hostHolder,
    Outcome admission) {

  /** How soon a Dashboard waiting for a Secret or claim looks again: they are read, not watched. */
  static final Duration RECHECK_MISSING = Duration.ofSeconds(30);

  /** A mistake in what the user asked for, reported as Ready=False with its reason and an Event, never thrown. */
  public static Outcome problem(String reason, String message) {
    return Outcome.of(DashboardConditions.READY, false, reason, message);
  }

  /** The same inputs with one more problem. */
  public DashboardInputs withProblem(Outcome problem) {
    return withProblems(List.of(problem));
  }

  /** The same inputs with another model of the same Dashboard (its image pinned to a verified digest). */
  public DashboardInputs withModel(DashboardModel pinned) {
    return new DashboardInputs(pinned, problems, hostHolder, admission);
  }

  /** The same inputs with more problems, found applying the children. */
  public DashboardInputs withProblems(List<Outcome> found) {
    List<Outcome> more = new ArrayList<>(problems);
    more.addAll(found);
    return new DashboardInputs(model, List.copyOf(more), hostHolder, admission);
  }

  public static DashboardInputs resolve(Dashboard dashboard, Context<Dashboard> context, OperatorConfig config,
      Clock clock) {
    List<Outcome> problems = new ArrayList<>();
    String image = dashboard.getSpec().getRuntime() == null ? null : dashboard.getSpec().getRuntime().getImage();
    if (image != null && !ImageReference.isValid(image)) {
      problems.add(problem(DashboardConditions.REASON_INVALID_IMAGE,
          "spec.runtime.image '" + image + "' is not an image reference such as registry.example.com/team/app:1.0"));
    }
    DefinitionContent definition = definition(dashboard, context, problems);
    problems.addAll(sourceProblems(dashboard, definition, context, clock));
    if (definition == null && (image == null || image.equals(config.runtimeImage()))
        && problems.stream().noneMatch(p -> p.reason().startsWith("Definition"))) {
      problems.add(problem(DashboardConditions.REASON_DEFINITION_INVALID,
          "the default dashboard-runtime needs spec.definition or spec.definitionRef"));
    }
    Optional<Dashboard> holder = HostClaims.holder(dashboard, context.getPrimaryCache().list());
    String tenant = context.getSecondaryResource(Namespace.class, DashboardInformers.NAMESPACES)
        .map(ns -> ns.getMetadata().getLabels()).map(labels -> labels.get(Labels.TENANT)).orElse(null);
    Optional<Tenant> tenantResource = tenant(context, tenant);
    DashboardModel model = new DashboardModel(dashboard, config, definition, tenant,
        tenantResource.map(t -> t.getSpec().getTls()).orElse(null), holder.isPresent(),
        tenantResource.map(t -> t.getSpec().getEgress()).orElse(null), tenantNamespaces(context, tenantResource));
    RuntimeEnv.problem(model).ifPresent(problems::add);
    model.egressRefusals().forEach(refusal -> problems.add(problem(DashboardConditions.REASON_EGRESS_NOT_ALLOWED,
        refusal)));
    Outcome admission = Admission.check(dashboard, tenant, tenantResource, model.image(),
        context.getPrimaryCache().list(), config);
    if (!admission.status()) {
      problems.add(0, problem(admission.reason(), admission.message()));
    }
    return new DashboardInputs(model, List.copyOf(problems), holder, admission);
  }

  private static Optional<Tenant> tenant(Context<Dashboard> context, String name) {
    if (name == null) {
      return Optional.empty();
    }
    return DashboardInformers.tenants(context).get(new ResourceID(name));
  }

  /**
   * The namespaces the tenant holds: those it names that carry its label, as the namespace informer has them. A name
   * in its spec that another tenant holds is not one of them.
   */
  private static Set<String> tenantNamespaces(Context<Dashboard> context, Optional<Tenant> tenant) {
    if (tenant.isEmpty()) {
      return Set.of();
    }
    InformerEventSource<Namespace, Dashboard> namespaces = DashboardInformers.namespaces(context);
    String name = tenant.get().getMetadata().getName();
    return TenantNames.namespaces(tenant.get()).stream()
        .filter(ns -> namespaces.get(new ResourceID(ns)).map(n -> n.getMetadata().getLabels())
            .map(labels -> name.equals(labels.get(Labels.TENANT))).orElse(false))
        .collect(Collectors.toUnmodifiableSet());
  }

  private static DefinitionContent definition(Dashboard dashboard, Context<Dashboard> context,
      List<Outcome> problems) {
    DashboardDefinition inline = dashboard.getSpec().getDefinition();
    DefinitionRef ref = dashboard.getSpec().getDefinitionRef();
    DashboardDefinition definition;
    String yaml;
    if (inline != null) {
      definition = inline;
      yaml = DefinitionYaml.write(inline);
    } else if (ref != null) {
      Optional<String> referenced = context.getSecondaryResource(ConfigMap.class,
          DashboardInformers.REFERENCED_CONFIG_MAPS)
          .map(ConfigMap::getData).map(data -> data.get(ref.getKey()));
      if (referenced.isEmpty()) {
        problems.add(problem(DashboardConditions.REASON_DEFINITION_NOT_FOUND, "ConfigMap " + ref.getName()
            + " with key " + ref.getKey() + " (spec.definitionRef) does not exist in namespace "
            + dashboard.getMetadata().getNamespace()));
        return null;
      }
      try {
        definition = DefinitionYaml.read(referenced.get());
        yaml = referenced.get();
      } catch (DefinitionYaml.InvalidDefinitionException e) {
        problems.add(problem(e.reason(),
            "ConfigMap " + ref.getName() + " key " + ref.getKey() + ": " + e.getMessage()));
        return null;
      }
    } else {
      return null;
    }
    return DefinitionContent.of(yaml, credentialSecrets(definition), sourceUrls(definition));
  }

  private static List<String> sourceUrls(DashboardDefinition definition) {
    return definition.getDatasets().stream()
        .map(d -> d.getJdbc() != null ? d.getJdbc().getUrl() : d.getUrl()).filter(Objects::nonNull).toList();
  }

  private static List<String> credentialSecrets(DashboardDefinition definition) {
    return definition.getDatasets().stream().map(Dataset::getJdbc).filter(Objects::nonNull)
        .map(jdbc -> jdbc.getCredentialsSecret()).filter(Objects::nonNull).distinct().sorted().toList();
  }

  /** The objects the runtime would mount: one missing or refused would keep this revision from rolling out. */
  private static List<Outcome> sourceProblems(Dashboard dashboard, DefinitionContent definition,
      Context<Dashboard> context, Clock clock) {
    List<MountedSource> sources = SourceCheck.sources(dashboard,
        definition == null ? List.of() : definition.credentialSecrets());
    if (sources.isEmpty()) {
      return List.of();
    }
    ObservedSources observed = SourceReader.read(dashboard, sources, context.getClient(),
        DashboardInformers.referencedConfigMaps(context));
    return SourceCheck.check(dashboard, sources, observed,
            context.getPrimaryCache().list(dashboard.getMetadata().getNamespace()).toList()).stream()
        .map(p -> SourceCheck.LOOKED_UP_AGAIN.contains(p.reason())
            ? p.recheckedAt(clock.instant().plus(RECHECK_MISSING)) : p).toList();
  }
}
