/**
 * Where URL datasets may be fetched from: a policy that refuses loopback, link-local (cloud metadata services) and
 * the cluster's own ranges unless a host is allowed by name, and a downloader that applies it to every redirect hop
 * and stops at a size cap.
 */
package io.astralytiq.runtime.egress;
