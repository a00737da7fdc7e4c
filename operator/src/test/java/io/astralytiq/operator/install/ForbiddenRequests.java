package io.astralytiq.operator.install;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every request a client sent that the API server refused with 403 Forbidden. The operator logs and carries on
 * after some refusals (an Event it could not record), so the tests look here rather than at its behaviour alone.
 */
final class ForbiddenRequests implements Interceptor {

  private final List<String> refused = new CopyOnWriteArrayList<>();

  @Override
  public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
    if (response.code() == 403) {
      refused.add(request.method() + " " + request.uri().getPath()
          + (request.uri().getQuery() == null ? "" : "?" + request.uri().getQuery()));
    }
  }

  /** The refused requests so far, as "VERB /path?query". */
  List<String> all() {
    return List.copyOf(refused);
  }
}
