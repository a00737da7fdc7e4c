package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

// The API server refuses a Deployment whose pods could never count as available before its deadline. Both fields
// have defaults, which the API server fills in before this rule runs: minReadySeconds 400 alone meets a deadline
// of 300.
@ValidationRule(value = "!has(self.progressDeadlineSeconds) || !has(self.minReadySeconds)"
    + " || self.progressDeadlineSeconds > self.minReadySeconds",
    message = "progressDeadlineSeconds (300 unless set) must be greater than minReadySeconds: a pod must be able to"
        + " count as available before the deadline", fieldPath = ".progressDeadlineSeconds")
public class RolloutSpec {

  @JsonPropertyDescription("Seconds a new revision may take to become available before it counts as failed.")
  @Min(10)
  @Max(3600)
  @Default("300")
  private Integer progressDeadlineSeconds = 300;

  @JsonPropertyDescription("Seconds a new pod must be ready before it counts as available.")
  @Min(0)
  @Max(600)
  @Default("0")
  private Integer minReadySeconds = 0;

  @JsonPropertyDescription("When true, a revision that fails is rolled back to the last good one by itself.")
  @Default("true")
  private Boolean autoRollback = Boolean.TRUE;

  @JsonPropertyDescription("Run this earlier revision (status.currentRevision numbers) instead of the spec's own:"
      + " a rollback by hand. It stays in force until removed; remove it to run the spec again.")
  @Min(1)
  private Long restoreRevision;

  @JsonPropertyDescription("How many old revisions to keep. The current and the last good one are always kept.")
  @Min(1)
  @Max(100)
  @Default("10")
  private Integer revisionHistoryLimit = 10;

  public Integer getProgressDeadlineSeconds() {
    return progressDeadlineSeconds;
  }

  public void setProgressDeadlineSeconds(Integer progressDeadlineSeconds) {
    this.progressDeadlineSeconds = progressDeadlineSeconds;
  }

  public Integer getMinReadySeconds() {
    return minReadySeconds;
  }

  public void setMinReadySeconds(Integer minReadySeconds) {
    this.minReadySeconds = minReadySeconds;
  }

  public Boolean getAutoRollback() {
    return autoRollback;
  }

  public void setAutoRollback(Boolean autoRollback) {
    this.autoRollback = autoRollback;
  }

  public Long getRestoreRevision() {
    return restoreRevision;
  }

  public void setRestoreRevision(Long restoreRevision) {
    this.restoreRevision = restoreRevision;
  }

  public Integer getRevisionHistoryLimit() {
    return revisionHistoryLimit;
  }

  public void setRevisionHistoryLimit(Integer revisionHistoryLimit) {
    this.revisionHistoryLimit = revisionHistoryLimit;
  }
}
