package io.astralytiq.operator.dashboard.sources;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.operator.dashboard.sources.MountedSource.Kind;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the objects a Dashboard mounts: ConfigMaps from the informer that already watches the users' ConfigMaps,
 * Secrets and claims one GET each by name, since listing or watching them would put every Secret of the cluster in
 * the operator's memory.
 */
public final class SourceReader {

  private SourceReader() {}

  public static ObservedSources read(Dashboard dashboard, List<MountedSource> sources, KubernetesClient client,
      InformerEventSource<ConfigMap, Dashboard> configMaps) {
    String namespace = dashboard.getMetadata().getNamespace();
    Set<String> presentConfigMaps = new HashSet<>();
    Map<String, Secret> secrets = new HashMap<>();
    Set<String> claims = new HashSet<>();
    for (MountedSource source : sources) {
      if (source.kind() == Kind.ConfigMap && configMaps.get(new ResourceID(source.name(), namespace)).isPresent()) {
        presentConfigMaps.add(source.name());
      } else if (source.kind() == Kind.Secret && !secrets.containsKey(source.name())) {
        Secret secret = client.secrets().inNamespace(namespace).withName(source.name()).get();
        if (secret != null) {
          secrets.put(source.name(), secret);
        }
      } else if (source.kind() == Kind.PersistentVolumeClaim
          && client.persistentVolumeClaims().inNamespace(namespace).withName(source.name()).get() != null) {
        claims.add(source.name());
      }
    }
    return new ObservedSources(Set.copyOf(presentConfigMaps), Map.copyOf(secrets), Set.copyOf(claims));
  }
}
