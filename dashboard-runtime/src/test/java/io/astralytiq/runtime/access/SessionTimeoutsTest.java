package io.astralytiq.runtime.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class SessionTimeoutsTest {

  static final Instant SIGN_IN = Instant.parse("2026-12-04T08:00:00Z");

  @Test
  void aSessionPastTheAbsoluteTimeoutEndsHoweverBusy() throws Exception {
    MockHttpSession session = sessionCreatedAt(SIGN_IN);
    run(session, SIGN_IN.plus(Duration.ofHours(8)));
    assertThat(session.isInvalid()).isTrue();
  }

  @Test
  void aYoungerSessionGoesOnWithTheIdleTimeout() throws Exception {
    MockHttpSession session = sessionCreatedAt(SIGN_IN);
    run(session, SIGN_IN.plus(Duration.ofHours(8)).minusSeconds(1));
    assertThat(session.isInvalid()).isFalse();
    assertThat(session.getMaxInactiveInterval()).isEqualTo(30 * 60);
  }

  private static void run(MockHttpSession session, Instant now) throws Exception {
    SessionTimeouts filter = new SessionTimeouts(Duration.ofMinutes(30), Duration.ofHours(8),
        Clock.fixed(now, ZoneOffset.UTC));
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
    request.setSession(session);
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request, new MockHttpServletResponse(), chain);
    assertThat(chain.getRequest()).as("the request goes on, as anonymous when the session ended").isNotNull();
  }

  private static MockHttpSession sessionCreatedAt(Instant created) {
    return new MockHttpSession() {
      @Override
      public long getCreationTime() {
        return created.toEpochMilli();
      }
    };
  }
}
