package io.astralytiq.api.v1alpha1;

/** What deleting a Tenant does to its namespaces. */
public enum DeletionPolicy {
  Retain,
  Delete
}
