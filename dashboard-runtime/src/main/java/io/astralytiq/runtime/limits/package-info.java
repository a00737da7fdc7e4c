/**
 * Bounds on what one client, and all clients together, may ask of the runtime: request rates on the data API and
 * the exports, a small pool with a short queue for drawing images and PDFs, and caps on live-refresh streams. A
 * request past a bound is answered 429 with Retry-After and counted, and the data API keeps answering the others.
 */
package io.astralytiq.runtime.limits;
