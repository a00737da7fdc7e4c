/**
 * The dashboard page and the panel data API (package-private controllers), their view records, request parameter
 * parsing, error answers and security headers.
 */
package io.astralytiq.runtime.web;
