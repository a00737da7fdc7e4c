package io.astralytiq.operator.common;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;
import java.util.Set;

/**
 * A write of a child that the API server refused for what it holds: invalid (422, 400), forbidden by an admission
 * policy, a quota or missing rights (403), too large (413). Trying again changes nothing until someone changes the
 * spec or the cluster, so it is reported, not retried in a loop; anything else (the API server unreachable or
 * overloaded, a conflict) is not a refusal and goes to the SDK's retry with backoff.
 *
 * @param kind the child's kind (Deployment)
 * @param name the child's name
 * @param message the API server's own words
 */
public record Refusal(String kind, String name, String message) {

  private static final Set<Integer> REFUSED = Set.of(400, 403, 413, 422);
  /** The API server quotes every invalid field; a condition message stays readable (and far below its limit). */
  private static final int MAX_MESSAGE = 1024;

  /** The refusal in {@code error} or one of its causes; empty when the error is of another kind. */
  public static Optional<Refusal> of(Throwable error, String kind, String name) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof KubernetesClientException e && REFUSED.contains(e.getCode())) {
        String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
            : e.getMessage();
        return Optional.of(new Refusal(kind, name, shorten(message)));
      }
    }
    return Optional.empty();
  }

  /** What a user reads: the child and the API server's reason. */
  public String describe() {
    return "the API server refused " + kind + " " + name + ": " + message;
  }

  private static String shorten(String message) {
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
