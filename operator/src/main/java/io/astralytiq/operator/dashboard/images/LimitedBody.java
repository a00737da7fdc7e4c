package io.astralytiq.operator.dashboard.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** A response body read into memory up to a bound: one byte more (or a Content-Length over it) fails the request. */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

  /** The body was larger than its bound. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long max) {
      super("larger than " + max + " bytes");
    }
  }

  private final long declared;
  private final long max;
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private Flow.Subscription subscription;

  private LimitedBody(long declared, long max) {
    this.declared = declared;
    this.max = max;
  }

  /** Bodies of 200 answers are read up to {@code max} bytes; others are discarded. */
  static HttpResponse.BodyHandler<byte[]> handler(long max) {
    return info -> info.statusCode() != 200 ? HttpResponse.BodySubscribers.replacing(new byte[0])
        : new LimitedBody(info.headers().firstValueAsLong("Content-Length").orElse(-1), max);
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (declared > max) {
      tooLarge();
    } else {
      subscription.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    for (ByteBuffer item : items) {
      if (body.isDone()) {
        return;
      }
      if (out.size() + (long) item.remaining() > max) {
        tooLarge();
        return;
      }
      byte[] bytes = new byte[item.remaining()];
      item.get(bytes);
      out.writeBytes(bytes);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    body.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    body.complete(out.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }

  private void tooLarge() {
    subscription.cancel();
    body.completeExceptionally(new TooLarge(max));
  }
}
