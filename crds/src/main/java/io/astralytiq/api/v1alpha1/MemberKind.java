package io.astralytiq.api.v1alpha1;

/** The kinds of RBAC subject a tenant member can be. */
public enum MemberKind {
  User,
  Group,
  ServiceAccount
}
