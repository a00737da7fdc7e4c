package io.astralytiq.runtime.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session that is too old, however busy (the absolute timeout), and gives each session the idle timeout. Runs before the security context is read from the session: an ended session's request goes on as
 * anonymous, so a page is sent to sign in again and the API answers 401. Sign-in makes a new session (Spring
 * Security's session fixation protection), so the absolute timeout counts from the sign-in.
 */
final class SessionTimeouts extends OncePerRequestFilter {

  private final Duration idle;
  private final Duration absolute;
  private final Clock clock;

  SessionTimeouts(Duration idle, Duration absolute, Clock clock) {
    this.idle = idle;
    this.absolute = absolute;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      if (expired(session.getCreationTime())) {
        session.invalidate();
      } else if (session.getMaxInactiveInterval() != idle.toSeconds()) {
        session.setMaxInactiveInterval((int) idle.toSeconds());
      }
    }
    chain.doFilter(request, response);
  }

  boolean expired(long creationMillis) {
    return clock.millis() - creationMillis >= absolute.toMillis();
  }
}
