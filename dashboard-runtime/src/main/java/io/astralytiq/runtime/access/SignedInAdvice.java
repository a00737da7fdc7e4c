package io.astralytiq.runtime.access;

import java.security.Principal;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives pages the signed-in principal's name and role ({@code signedIn}), or nothing when access control is off. */
@ControllerAdvice
class SignedInAdvice {

  /** What a page shows of the principal: a display name and the highest role, in lower case. */
  record SignedIn(String name, String role) {}

  @ModelAttribute("signedIn")
  SignedIn signedIn(Principal principal) {
    if (!(principal instanceof Authentication auth) || !auth.isAuthenticated()) {
      return null;
    }
    String name = auth.getPrincipal() instanceof OidcUser user && user.getPreferredUsername() != null
        ? user.getPreferredUsername() : auth.getName();
    Role role = Arrays.stream(Role.values()).filter(r -> auth.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).anyMatch(r.authority()::equals)).reduce((a, b) -> b).orElse(null);
    return new SignedIn(name, role == null ? "none" : role.name().toLowerCase(Locale.ROOT));
  }
}
