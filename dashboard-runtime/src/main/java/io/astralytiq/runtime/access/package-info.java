/**
 * Who may see this dashboard (docs/access.md): sign-in with OpenID Connect (authorization code with PKCE) for
 * browsers, bearer JWTs for the API and exports, the principals the operator allows and their roles, server-side
 * sessions with idle and absolute timeouts. Off, and everything open as before, while no provider is configured.
 */
package io.astralytiq.runtime.access;
