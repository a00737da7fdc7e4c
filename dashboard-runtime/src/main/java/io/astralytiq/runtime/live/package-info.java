/**
 * Live refresh: a server-sent event stream that tells open pages when their panels have new data.
 */
package io.astralytiq.runtime.live;
