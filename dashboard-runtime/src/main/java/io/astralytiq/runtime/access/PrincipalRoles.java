package io.astralytiq.runtime.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Turns a token's claims into this dashboard's authorities: the role the allowed members give the principal's user
 * name or groups, with every role it includes ({@code ROLE_EDITOR} also grants {@code ROLE_VIEWER}). A principal
 * that no member names gets no role, and so a 403 everywhere.
 */
final class PrincipalRoles {

  private final Members members;
  private final String groupsClaim;
  private final String userClaim;

  PrincipalRoles(Members members, String groupsClaim, String userClaim) {
    this.members = members;
    this.groupsClaim = groupsClaim;
    this.userClaim = userClaim;
  }

  List<GrantedAuthority> authorities(Map<String, Object> claims) {
    Object user = claims.get(userClaim);
    List<GrantedAuthority> out = new ArrayList<>();
    members.roleOf(user == null ? null : user.toString(), groups(claims)).ifPresent(role -> {
      for (Role r : Role.values()) {
        if (role.includes(r)) {
          out.add(new SimpleGrantedAuthority(r.authority()));
        }
      }
    });
    return out;
  }

  private List<String> groups(Map<String, Object> claims) {
    Object value = claims.get(groupsClaim);
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    return value == null ? List.of() : List.of(value.toString());
  }
}
