package io.astralytiq.runtime.access;

import java.util.Locale;

/**
 * A principal's role on this dashboard, as the Tenant's members name it. Each role includes the ones before it:
 * viewers see and export, editors also see the definition and the query behind a panel, admins also the audit view.
 */
public enum Role {
  VIEWER, EDITOR, ADMIN;

  /** The Spring Security authority of this role, {@code ROLE_VIEWER} and so on. */
  public String authority() {
    return "ROLE_" + name();
  }

  boolean includes(Role other) {
    return compareTo(other) >= 0;
  }

  static Role parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown role '" + text + "'; expected viewer, editor or admin", e);
    }
  }
}
