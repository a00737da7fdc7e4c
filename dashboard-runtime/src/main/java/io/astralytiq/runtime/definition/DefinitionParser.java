package io.astralytiq.runtime.definition;

import io.astralytiq.api.v1alpha1.definition.DashboardDefinition;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a definition from YAML: either a bare definition (what the operator mounts from its ConfigMap) or a whole
 * Dashboard manifest, whose {@code spec.definition} is taken, so the files in examples/ run as they are.
 */
public final class DefinitionParser {

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private DefinitionParser() {}

  public static DashboardDefinition parse(String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JacksonException e) {
      throw new DefinitionException("not valid YAML" + where(e.getLocation()) + ": " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new DefinitionException("the definition is empty or not a YAML mapping");
    }
    JsonNode node = root;
    if (root.has("kind")) {
      if (!"Dashboard".equals(root.get("kind").asString())) {
        throw new DefinitionException("expected a dashboard definition or a Dashboard, got kind "
            + root.get("kind").asString());
      }
      node = root.path("spec").path("definition");
      if (node.isMissingNode() || !node.isObject()) {
        throw new DefinitionException("the Dashboard has no inline spec.definition (a definitionRef is resolved"
            + " by the operator, which mounts the definition file)");
      }
    }
    try {
      return YAML.treeToValue(node, DashboardDefinition.class);
    } catch (UnrecognizedPropertyException e) {
      throw new DefinitionException("unknown field '" + e.getPropertyName() + "' at " + path(e)
          + "; known fields: " + e.getKnownPropertyIds());
    } catch (JacksonException e) {
      throw new DefinitionException("cannot read " + path(e) + ": " + e.getOriginalMessage());
    }
  }

  private static String path(JacksonException e) {
    StringBuilder sb = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        sb.append(sb.isEmpty() ? "" : ".").append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.isEmpty() ? "the top level" : sb.toString();
  }

  private static String where(TokenStreamLocation location) {
    return location == null || location.getLineNr() < 0 ? "" : " at line " + location.getLineNr();
  }
}
