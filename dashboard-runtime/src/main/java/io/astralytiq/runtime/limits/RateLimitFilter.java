package io.astralytiq.runtime.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the per-client rates to {@code /api/**}: every request counts against the data API's rate, an export
 * also against the export rate. The client is the remote address, which behind the ingress controller is the
 * address it forwarded for ({@code server.forward-headers-strategy: native} trusts only proxies on internal
 * addresses). Probes, metrics and the page are not limited here.
 */
@Component
class RateLimitFilter extends OncePerRequestFilter {

  private final Limits limits;

  RateLimitFilter(Limits limits) {
    this.limits = limits;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String client = request.getRemoteAddr();
    try {
      limits.api(client);
      if (isExport(request.getRequestURI())) {
        limits.export(client);
      }
    } catch (LimitExceededException e) {
      limits.rejected(e);
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
      response.setContentType("application/json");
      response.getOutputStream().write(("{\"error\":\"" + e.getMessage() + "\"}").getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean isExport(String uri) {
    return uri.startsWith("/api/export.") || uri.startsWith("/api/panels/") && uri.contains("/export.");
  }
}
