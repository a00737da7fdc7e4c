package io.astralytiq.operator.dashboard.model;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;

/** One definition content as an immutable ConfigMap: a new content is a new ConfigMap, never an edit. */
final class DesiredDefinitionConfigMap {

  private DesiredDefinitionConfigMap() {}

  static ConfigMap of(DashboardModel model, DefinitionContent definition) {
    return new ConfigMapBuilder()
        .withMetadata(model.childMetadata(DashboardNames.definitionConfigMap(model.dashboard(), definition.hash())))
        .withImmutable(true)
        .addToData(RuntimeContract.DEFINITION_FILE, definition.yaml())
        .build();
  }
}
