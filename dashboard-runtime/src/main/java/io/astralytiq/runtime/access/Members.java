package io.astralytiq.runtime.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The principals allowed on this dashboard and their roles: what the operator derives from the Tenant's members
 * (or the Dashboard's access) and passes as {@code ASTRALYTIQ_ACCESS_MEMBERS}, such as
 * {@code group:acme-viewers=viewer,user:alice@acme.io=editor}. A principal gets the highest role of every entry
 * that names it or one of its groups; a principal that none names gets none (403).
 */
public record Members(List<Member> entries) {

  public enum Kind { GROUP, USER }

  public record Member(Kind kind, String name, Role role) {}

  public Members {
    entries = List.copyOf(entries);
  }

  /** Parses the comma-separated form; blank means nobody. */
  public static Members parse(String text) {
    List<Member> entries = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return new Members(entries);
    }
    for (String item : text.split(",")) {
      if (item.isBlank()) {
        continue;
      }
      int colon = item.indexOf(':');
      int equals = item.lastIndexOf('=');
      if (colon < 0 || equals < colon + 2) {
        throw new IllegalArgumentException("member '" + item.trim() + "': expected group:<name>=<role> or "
            + "user:<name>=<role>");
      }
      Kind kind = switch (item.substring(0, colon).trim().toLowerCase(Locale.ROOT)) {
        case "group" -> Kind.GROUP;
        case "user" -> Kind.USER;
        default -> throw new IllegalArgumentException("member '" + item.trim() + "': the kind is group or user");
      };
      entries.add(new Member(kind, item.substring(colon + 1, equals).trim(), Role.parse(item.substring(equals + 1))));
    }
    return new Members(entries);
  }

  /** The role of a principal with this user name and these groups, if any entry names either. */
  public Optional<Role> roleOf(String user, Collection<String> groups) {
    Role best = null;
    for (Member m : entries) {
      boolean named = m.kind() == Kind.USER ? m.name().equals(user) : groups.contains(m.name());
      if (named && (best == null || m.role().includes(best))) {
        best = m.role();
      }
    }
    return Optional.ofNullable(best);
  }
}
