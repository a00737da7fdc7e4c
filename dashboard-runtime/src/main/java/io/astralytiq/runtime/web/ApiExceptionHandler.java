package io.astralytiq.runtime.web;

import io.astralytiq.runtime.definition.DefinitionException;
import io.astralytiq.runtime.engine.QueryException;
import io.astralytiq.runtime.limits.LimitExceededException;
import io.astralytiq.runtime.limits.Limits;
import io.astralytiq.runtime.variables.InvalidVariableException;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the runtime's expected failures into JSON answers with a message, never a stack trace. */
@RestControllerAdvice(basePackages = {"io.astralytiq.runtime.web", "io.astralytiq.runtime.export", "io.astralytiq.runtime.live"})
class ApiExceptionHandler {

  private final Limits limits;

  ApiExceptionHandler(Limits limits) {
    this.limits = limits;
  }

  @ExceptionHandler(InvalidVariableException.class)
  ResponseEntity<Map<String, Object>> invalidVariable(InvalidVariableException e) {
    return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(NoSuchElementException.class)
  ResponseEntity<Map<String, Object>> notFound(NoSuchElementException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
  }

  /** Panel queries report errors in their data; this is a query outside a panel, such as a variable's options. */
  @ExceptionHandler(QueryException.class)
  ResponseEntity<Map<String, Object>> queryFailed(QueryException e) {
    return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(LimitExceededException.class)
  ResponseEntity<Map<String, Object>> limited(LimitExceededException e) {
    limits.rejected(e);
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(DefinitionException.class)
  ResponseEntity<Map<String, Object>> unavailable(DefinitionException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(Map.of("error", "the dashboard definition did not load", "problems", e.problems()));
  }
}
