package io.astralytiq.operator.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.lang.reflect.InvocationTargetException;

/**
 * Writes a status only when it differs from what the resource shows, so an unchanged resource costs no write.
 * The patch is a fresh object carrying just the name and the status: server-side apply then claims the status
 * and nothing else, and the cached resource is never mutated.
 */
public final class StatusPatch {

  private StatusPatch() {}

  public static <S, R extends CustomResource<?, S>> UpdateControl<R> ifChanged(R resource, S status,
      Context<R> context) {
    var serialization = context.getClient().getKubernetesSerialization();
    if (resource.getStatus() != null && serialization.convertValue(resource.getStatus(), JsonNode.class)
        .equals(serialization.convertValue(status, JsonNode.class))) {
      return UpdateControl.noUpdate();
    }
    R fresh = newInstance(resource);
    fresh.setMetadata(new ObjectMetaBuilder().withName(resource.getMetadata().getName())
        .withNamespace(resource.getMetadata().getNamespace()).build());
    fresh.setStatus(status);
    return UpdateControl.patchStatus(fresh);
  }

  @SuppressWarnings("unchecked")
  private static <R extends CustomResource<?, ?>> R newInstance(R resource) {
    try {
      return (R) resource.getClass().getDeclaredConstructor().newInstance();
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException
        | NoSuchMethodException e) {
      throw new IllegalStateException("custom resources have a public no-argument constructor", e);
    }
  }
}
