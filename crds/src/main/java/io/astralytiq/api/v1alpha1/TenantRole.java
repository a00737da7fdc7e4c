package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The operator's tenant roles, each bound to a ClusterRole named astralytiq-tenant-&lt;role&gt;. */
public enum TenantRole {
  ADMIN,
  EDITOR,
  VIEWER;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
