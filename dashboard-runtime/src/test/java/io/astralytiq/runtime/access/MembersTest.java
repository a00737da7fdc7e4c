package io.astralytiq.runtime.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class MembersTest {

  final Members members = Members.parse("group:acme-viewers=viewer, group:acme-editors=editor,user:alice@acme.io=admin");

  @Test
  void aPrincipalGetsTheHighestRoleOfEveryEntryNamingIt() {
    assertThat(members.roleOf("bob@acme.io", List.of("acme-viewers"))).contains(Role.VIEWER);
    assertThat(members.roleOf("bob@acme.io", List.of("acme-viewers", "acme-editors"))).contains(Role.EDITOR);
    assertThat(members.roleOf("alice@acme.io", List.of("acme-viewers"))).contains(Role.ADMIN);
  }

  @Test
  void aPrincipalNoEntryNamesGetsNoRole() {
    assertThat(members.roleOf("eve@globex.io", List.of("globex-viewers"))).isEmpty();
    assertThat(members.roleOf(null, List.of())).isEmpty();
    assertThat(Members.parse("").roleOf("alice@acme.io", List.of("acme-viewers"))).isEmpty();
  }

  @Test
  void aUserEntryIsNotAGroupOfTheSameName() {
    assertThat(Members.parse("user:ops=editor").roleOf("someone", List.of("ops"))).isEmpty();
  }

  @Test
  void malformedEntriesAreRefusedWithTheEntry() {
    assertThatThrownBy(() -> Members.parse("team:x=viewer")).hasMessageContaining("team:x=viewer");
    assertThatThrownBy(() -> Members.parse("group:x")).hasMessageContaining("group:<name>=<role>");
    assertThatThrownBy(() -> Members.parse("group:x=owner")).hasMessageContaining("unknown role 'owner'");
  }

  @Test
  void rolesIncludeTheLowerOnesAsAuthorities() {
    PrincipalRoles roles = new PrincipalRoles(members, "groups", "email");
    assertThat(roles.authorities(Map.of("email", "x@acme.io", "groups", List.of("acme-editors"))))
        .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_VIEWER", "ROLE_EDITOR");
    assertThat(roles.authorities(Map.of("email", "x@acme.io", "groups", "acme-viewers")))
        .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_VIEWER");
    assertThat(roles.authorities(Map.of("email", "eve@globex.io"))).isEmpty();
  }
}
