package io.astralytiq.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * The informers a reconciler registered, typed: JOSDK hands event sources back untyped, so the one cast to an
 * informer of the kind asked for is here.
 */
public final class Informers {

  private Informers() {}

  /** The informer of {@code type} registered under {@code name}. */
  @SuppressWarnings("unchecked")
  public static <R extends HasMetadata, P extends HasMetadata> InformerEventSource<R, P> named(Context<P> context,
      Class<R> type, String name) {
    return (InformerEventSource<R, P>) context.eventSourceRetriever().getEventSourceFor(type, name);
  }

  /** The only informer of {@code type} the reconciler registered. */
  @SuppressWarnings("unchecked")
  public static <R extends HasMetadata, P extends HasMetadata> InformerEventSource<R, P> only(Context<P> context,
      Class<R> type) {
    return (InformerEventSource<R, P>) context.eventSourceRetriever().getEventSourceFor(type);
  }
}
