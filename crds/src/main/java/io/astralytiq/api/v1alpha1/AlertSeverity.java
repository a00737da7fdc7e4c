package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Severity label values as Alertmanager routes usually expect them. */
public enum AlertSeverity {
  INFO,
  WARNING,
  CRITICAL;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
