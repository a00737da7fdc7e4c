package io.astralytiq.runtime.access;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The runtime's one filter chain. Without a provider (astralytiq.access.issuer unset) everything is open and
 * stateless, exactly as before access control existed; the operator sets the provider for every dashboard it
 * deploys. With one: pages sign in with the authorization-code flow and PKCE, the API and exports also take a
 * bearer JWT, probes and static assets stay open, editors alone see a panel's query, and a principal the members
 * do not name gets 403.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class AccessConfiguration {

  static final String LOGIN_PATH = "/oauth2/authorization/" + ProviderRegistration.ID;

  @Bean
  SecurityFilterChain accessFilterChain(HttpSecurity http, AccessProperties properties) throws Exception {
    return properties.enabled() ? signedIn(http, properties) : open(http);
  }

  private static SecurityFilterChain open(HttpSecurity http) throws Exception {
    // The runtime's own SecurityHeadersFilter writes the headers; no session, no CSRF token (no state changes).
    return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .headers(h -> h.disable())
        .requestCache(r -> r.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  private static SecurityFilterChain signedIn(HttpSecurity http, AccessProperties properties) throws Exception {
    PrincipalRoles roles = new PrincipalRoles(properties.allowed(), properties.groupsClaim(), properties.userClaim());
    ProviderRegistration registration = new ProviderRegistration(properties);
    DefaultOAuth2AuthorizationRequestResolver pkce =
        new DefaultOAuth2AuthorizationRequestResolver(registration, "/oauth2/authorization");
    pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    OidcClientInitiatedLogoutSuccessHandler providerLogout = new OidcClientInitiatedLogoutSuccessHandler(registration);
    providerLogout.setPostLogoutRedirectUri("{baseUrl}/");
    return http
        .authorizeHttpRequests(a -> a
            .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
            .requestMatchers("/actuator/health/**", "/livez", "/readyz", "/actuator/prometheus").permitAll()
            .requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
            .requestMatchers("/api/panels/*/query").hasRole(Role.EDITOR.name())
            .anyRequest().hasRole(Role.VIEWER.name()))
        .oauth2Login(o -> o
            .clientRegistrationRepository(registration)
            .authorizationEndpoint(e -> e.authorizationRequestResolver(pkce))
            .userInfoEndpoint(u -> u.userAuthoritiesMapper(granted -> granted.stream()
                .filter(OidcUserAuthority.class::isInstance)
                .map(OidcUserAuthority.class::cast)
                .flatMap(oidc -> roles.authorities(oidc.getIdToken().getClaims()).stream())
                .toList())))
        .oauth2ResourceServer(r -> r.jwt(j -> j
            .decoder(ProviderTokens.decoder(properties))
            .jwtAuthenticationConverter(jwt -> new JwtAuthenticationToken(jwt,
                List.<GrantedAuthority>copyOf(roles.authorities(jwt.getClaims())), jwt.getSubject()))))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint()))
        .logout(l -> l.logoutSuccessHandler(providerLogout))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
        .addFilterBefore(new SessionTimeouts(properties.idleTimeout(), properties.absoluteTimeout(), Clock.systemUTC()),
            SecurityContextHolderFilter.class)
        .headers(h -> h.disable())
        .build();
  }

  /** The API answers 401 with a Bearer challenge; a page goes to the provider's sign-in. */
  private static AuthenticationEntryPoint entryPoint() {
    AuthenticationEntryPoint api = new BearerTokenAuthenticationEntryPoint();
    AuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint(LOGIN_PATH);
    return (request, response, exception) -> {
      if (request.getRequestURI().startsWith("/api/")) {
        api.commence(request, response, exception);
      } else {
        page.commence(request, response, exception);
      }
    };
  }

}
