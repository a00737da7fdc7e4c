package io.astralytiq.operator.dashboard.inputs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.astralytiq.api.definition.DefinitionValidator;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.definition.DashboardDefinition;
import java.util.List;

/**
 * Writes a definition as the YAML the runtime reads, and reads one given by reference, with clear errors: YAML
 * that is no definition is DefinitionInvalid; a definition the runtime's validator (the same class) would refuse is
 * DefinitionRefused, so it is reported before a rollout rather than by a pod that never becomes ready.
 */
final class DefinitionYaml {

  private static final ObjectMapper MAPPER = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private DefinitionYaml() {}

  /** Field order follows the classes, so equal definitions always give equal text and so equal hashes. */
  static String write(DashboardDefinition definition) {
    try {
      return MAPPER.writeValueAsString(definition);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a definition read from the API server always serialises", e);
    }
  }

  /** The definition in {@code yaml}, or the reason it cannot be used. */
  static DashboardDefinition read(String yaml) throws InvalidDefinitionException {
    DashboardDefinition definition;
    try {
      definition = MAPPER.readValue(yaml, DashboardDefinition.class);
    } catch (JsonProcessingException e) {
      String location = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new InvalidDefinitionException(DashboardConditions.REASON_DEFINITION_INVALID,
          "not a dashboard definition" + location + ": " + e.getOriginalMessage());
    }
    if (definition == null) {
      throw new InvalidDefinitionException(DashboardConditions.REASON_DEFINITION_INVALID, "the definition is empty");
    }
    List<String> problems = DefinitionValidator.problems(definition);
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException(DashboardConditions.REASON_DEFINITION_REFUSED,
          "dashboard-runtime would refuse this definition: " + String.join("; ", problems));
    }
    return definition;
  }

  /** A definition given by reference that cannot be used; its reason and message are shown to the user. */
  static final class InvalidDefinitionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;

    InvalidDefinitionException(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    /** The Ready condition's reason: DefinitionInvalid or DefinitionRefused. */
    String reason() {
      return reason;
    }
  }
}
