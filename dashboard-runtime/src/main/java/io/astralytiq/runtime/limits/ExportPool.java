package io.astralytiq.runtime.limits;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where PNG and PDF exports are drawn: a few threads and a short queue, because each drawing holds a whole image in
 * the heap. An export that finds the queue full is refused at once (429) rather than waiting in a request thread,
 * so a burst of exports cannot take the heap or the request threads from the data API.
 */
public final class ExportPool implements AutoCloseable {

  private final ThreadPoolExecutor pool;

  public ExportPool(int threads, int queue) {
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(Math.max(1, queue)), r -> {
          Thread t = new Thread(r, "export-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());
  }

  /** @throws LimitExceededException when every thread is drawing and the queue is full */
  public <T> T draw(Callable<T> drawing) {
    Future<T> future;
    try {
      future = pool.submit(drawing);
    } catch (RejectedExecutionException e) {
      throw new LimitExceededException(Limits.EXPORT_QUEUE, "too many exports are being drawn; try again shortly",
          2);
    }
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new IllegalStateException("interrupted while drawing", e);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
