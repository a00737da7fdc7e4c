package io.astralytiq.operator.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** What the comments of a values.yaml become in the schema and the docs, and the mistakes that fail the build. */
class GenerateChartValuesTest {

  private static final String VALUES = """
      # --- Operator ---
      # Settings of the operator.

      # @schema required: [port]
      server:
        # Port it listens on (SERVER_PORT). Default: 8081
        # @schema {minimum: 1024, maximum: 65535}
        port: 8081
        # Host name. Default: "" (the node's)
        host: ""
        # Extra labels. Default: {} (none)
        # @schema additionalProperties: {type: string}
        labels: {}
      # Its resources. Default: {limits: {memory: 1Gi}}
      # @schema $ref: '#/definitions/resources'
      resources:
        limits:
          memory: 1Gi
      """;

  @Test
  void theValueGivesTheTypeAndTheAnnotationsTheRest() throws Exception {
    JsonNode schema = ChartValues.YAML.readTree(GenerateChartValues.schema(ChartValues.parse(VALUES), definitions()));

    assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
    JsonNode server = schema.at("/properties/server");
    assertThat(server.get("additionalProperties").asBoolean(true)).as("no key but those it has").isFalse();
    assertThat(server.get("required")).hasToString("[\"port\"]");
    assertThat(server.at("/properties/port")).hasToString("{\"type\":\"integer\",\"description\":\"Port it listens"
        + " on.\",\"minimum\":1024,\"maximum\":65535}");
    assertThat(server.at("/properties/labels/additionalProperties/type").asText()).isEqualTo("string");
    assertThat(schema.at("/properties/resources")).hasToString("{\"description\":\"Its resources.\","
        + "\"$ref\":\"#/definitions/resources\"}");
    assertThat(schema.at("/definitions/resources/type").asText()).isEqualTo("object");
  }

  @Test
  void eachGroupIsATableWithTheDefaultAndTheEnvironmentVariable() {
    String tables = GenerateChartValues.tables(ChartValues.parse(VALUES));

    assertThat(tables).contains("""
        ### Operator

        Settings of the operator.

        | value | default | environment variable | what it does |
        | --- | --- | --- | --- |
        | `server.port` | `8081` | `SERVER_PORT` | Port it listens on. |
        | `server.host` | `""` (the node's) |  | Host name. |
        | `server.labels` | `{}` (none) |  | Extra labels. |
        | `resources` | `{limits: {memory: 1Gi}}` |  | Its resources. |
        """);
  }

  @Test
  void aDefaultThatIsNotTheValueFailsNamingTheKey() {
    ChartValues values = ChartValues.parse(VALUES.replace("port: 8081", "port: 9090"));

    assertThatThrownBy(() -> GenerateChartValues.tables(values)).hasMessageContaining("server.port says Default:"
        + " 8081, but the value is 9090");
  }

  @Test
  void anEmptyMapNeedsToSayWhatItHolds() {
    ChartValues values = ChartValues.parse(VALUES.replace("  # @schema additionalProperties: {type: string}\n", ""));

    assertThatThrownBy(() -> GenerateChartValues.schema(values, definitions()))
        .hasMessageContaining("server.labels is an empty map");
  }

  @Test
  void aKeyWithoutACommentFails() {
    ChartValues values = ChartValues.parse(VALUES + "replicas: 1\n");

    assertThatThrownBy(() -> GenerateChartValues.tables(values)).hasMessageContaining("replicas has no comment");
  }

  @Test
  void aReferenceToNoDefinitionFails() {
    ChartValues values = ChartValues.parse(VALUES.replace("definitions/resources", "definitions/resource"));

    assertThatThrownBy(() -> GenerateChartValues.schema(values, definitions()))
        .hasMessageContaining("$ref #/definitions/resource is not in values.schema.defs.yaml");
  }

  @Test
  void theTablesReplaceWhatIsBetweenTheMarkers() {
    String page = "# Install\n\n<!-- values-table:start -->\nold\n" + GenerateChartValues.TABLE_END + "\n\n## Next\n";

    assertThat(GenerateChartValues.splice(page, "new\n")).isEqualTo("# Install\n\nnew\n\n## Next\n");
  }

  private static ObjectNode definitions() {
    ObjectNode resources = ChartValues.YAML.createObjectNode().put("type", "object");
    return (ObjectNode) ChartValues.YAML.createObjectNode().set("resources", resources);
  }
}
