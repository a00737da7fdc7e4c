package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "self.type != 'Custom' || (has(self.expr) && size(self.expr) > 0)",
    message = "a Custom alert needs expr", fieldPath = ".expr", reason = "FieldValueRequired")
@ValidationRule(value = "self.type == 'Custom' || has(self.threshold)",
    message = "this alert type needs a threshold", fieldPath = ".threshold", reason = "FieldValueRequired")
@ValidationRule(value = "self.type == 'Custom' || !has(self.expr)",
    message = "expr is only for Custom alerts: the other types build their own expression", fieldPath = ".expr",
    reason = "FieldValueForbidden")
@ValidationRule(value = "self.type != 'Custom' || !has(self.threshold)",
    message = "a Custom alert has no threshold: put the comparison in expr", fieldPath = ".threshold",
    reason = "FieldValueForbidden")
@ValidationRule(value = "self.type == 'Latency' || !has(self.percentile)",
    message = "percentile is only for Latency alerts", fieldPath = ".percentile", reason = "FieldValueForbidden")
public class AlertSpec {

  @JsonPropertyDescription("Alert name, such as HighErrorRate. Unique within the dashboard.")
  @Required
  @Pattern("^[A-Za-z][A-Za-z0-9_]*$")
  @Size(max = 63)
  private String name;

  @JsonPropertyDescription("Availability: ready pods below the minimum; ErrorRate: share of 5xx responses;"
      + " Latency: a response-time percentile; Custom: your own PromQL in expr.")
  @Required
  private AlertType type;

  @JsonPropertyDescription("Threshold: a percentage for ErrorRate (\"5%\"), a duration for Latency (\"500ms\"),"
      + " a number of pods for Availability.")
  @Pattern("^[0-9]+(\\.[0-9]+)?(%|ms|s)?$")
  private String threshold;

  @JsonPropertyDescription("Percentile for Latency alerts, between 0 and 1.")
  @Pattern("^0?\\.[0-9]+$")
  private String percentile;

  @JsonPropertyDescription("PromQL expression of a Custom alert; it fires when the expression returns a value.")
  @Size(max = 4096)
  private String expr;

  @JsonProperty("for")
  @JsonPropertyDescription("How long the condition must hold before the alert fires.")
  @Default("5m")
  @Size(max = 32)
  @ValidationRule(value = ApiGroup.IS_DURATION, message = "for must be a duration such as 30s, 5m or 1h")
  private String forDuration = "5m";

  @JsonPropertyDescription("The window rates are computed over, for ErrorRate and Latency alerts: the error share"
      + " and the percentile are those of the requests in the last window. At least two scrape intervals (30s each"
      + " by default); shorter windows react faster, longer ones smooth out short spikes.")
  @Default("5m")
  @Size(max = 32)
  @ValidationRule(value = ApiGroup.IS_DURATION, message = "window must be a duration such as 1m, 5m or 1h")
  private String window = "5m";

  @JsonPropertyDescription("Severity label of the alert.")
  @Default("warning")
  private AlertSeverity severity = AlertSeverity.WARNING;

  /** The ready-made alert kinds. */
  public enum AlertType {
    Availability,
    ErrorRate,
    Latency,
    Custom
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public AlertType getType() {
    return type;
  }

  public void setType(AlertType type) {
    this.type = type;
  }

  public String getThreshold() {
    return threshold;
  }

  public void setThreshold(String threshold) {
    this.threshold = threshold;
  }

  public String getPercentile() {
    return percentile;
  }

  public void setPercentile(String percentile) {
    this.percentile = percentile;
  }

  public String getExpr() {
    return expr;
  }

  public void setExpr(String expr) {
    this.expr = expr;
  }

  public String getForDuration() {
    return forDuration;
  }

  public void setForDuration(String forDuration) {
    this.forDuration = forDuration;
  }

  public String getWindow() {
    return window;
  }

  public void setWindow(String window) {
    this.window = window;
  }

  public AlertSeverity getSeverity() {
    return severity;
  }

  public void setSeverity(AlertSeverity severity) {
    this.severity = severity;
  }
}
