package io.astralytiq.api.v1alpha1;

/** The one-word summary of a Dashboard's state shown by kubectl get. */
public enum DashboardPhase {
  Pending,
  Progressing,
  Ready,
  Degraded,
  RolledBack,
  Suspended,
  Failed
}
