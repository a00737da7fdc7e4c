package io.astralytiq.runtime.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response. Scripts only from this origin, no inline script, no eval; styles allow
 * inline because the chart library positions its tooltips with style attributes (scripts stay strict, which is
 * what stops injection). Nothing may frame the dashboard.
 */
@Component
class SecurityHeadersFilter extends OncePerRequestFilter {

  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
      + " img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
      + " form-action 'self'; frame-ancestors 'none'";

  private final String csp;

  /**
   * With sign-in on, the sign-out form's POST is answered with a redirect to the provider's end-session endpoint,
   * which form-action must allow (browsers check it on redirects too): that origin and no other is added.
   */
  SecurityHeadersFilter(@Value("${astralytiq.access.issuer:}") String issuer) {
    this.csp = issuer == null || issuer.isBlank() ? CSP : withFormAction(URI.create(issuer));
  }

  static String withFormAction(URI issuer) {
    String origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
    return CSP.replace("form-action 'self';", "form-action 'self' " + origin + ";");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", csp);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    chain.doFilter(request, response);
  }
}
