package io.astralytiq.operator.dashboard.sources;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import java.util.Set;

/**
 * What exists of the objects a Dashboard mounts, as read just now.
 *
 * @param configMaps the names of the ConfigMaps that exist
 * @param secrets the Secrets that exist, by name; read for their type, owners, labels and key names only
 * @param claims the names of the PersistentVolumeClaims that exist
 */
public record ObservedSources(Set<String> configMaps, Map<String, Secret> secrets, Set<String> claims) {}
