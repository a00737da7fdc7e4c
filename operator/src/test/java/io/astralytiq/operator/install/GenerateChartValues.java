package io.astralytiq.operator.install;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astralytiq.operator.install.ChartValues.Group;
import io.astralytiq.operator.install.ChartValues.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the chart's values.schema.json and the values tables of docs/install.md from the comments of values.yaml, so
 * that a value is documented and checked in one place. Run by the build (process-test-classes) into
 * target/generated-chart; ChartValuesDriftTest compares the two files with the committed ones and hack/update-chart
 * copies them there.
 *
 * <p>The comment above a key, in Markdown: what the value does; {@code (ENV_NAME)} when it becomes an environment
 * variable of the operator; last, {@code Default: <the value as YAML> (<what it means>)}, where the value must be the
 * key's (the note in parentheses is optional). Lines {@code # @schema <YAML mapping>} are JSON schema (draft-07)
 * keywords, merged over what the value implies: its type, and for a map with keys those keys and no other
 * ({@code additionalProperties: false}). An empty list needs {@code items}, an empty map {@code additionalProperties}.
 * {@code # @schema $ref: '#/definitions/<name>'} makes the key's schema one of values.schema.defs.yaml (Kubernetes
 * structures whose keys values.yaml does not all set, formats several keys share), and a map so defined is documented
 * as one value. A line {@code # --- Title ---} starts a group of keys, a table of its own, introduced by the comment
 * lines under it.
 */
public final class GenerateChartValues {

  static final String TABLE_START = "<!-- values-table:start: generated from helm/astralytiq-operator/values.yaml"
      + " by hack/update-chart; edit the comments there -->";
  static final String TABLE_END = "<!-- values-table:end -->";
  private static final String DEFINITIONS = "#/definitions/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private GenerateChartValues() {}

  /** Arguments: the repository's root, and the directory to write values.schema.json and install.md to. */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Path chart = root.resolve("helm/astralytiq-operator");
    ChartValues values = ChartValues.parse(Files.readString(chart.resolve("values.yaml")));
    ObjectNode definitions = (ObjectNode) ChartValues.YAML.readTree(chart.resolve("values.schema.defs.yaml").toFile());
    Files.createDirectories(out);
    Files.writeString(out.resolve("values.schema.json"), schema(values, definitions));
    Files.writeString(out.resolve("install.md"), splice(Files.readString(root.resolve("docs/install.md")),
        tables(values)));
  }

  // --- values.schema.json ---------------------------------------------------------------------------------------

  static String schema(ChartValues values, ObjectNode definitions) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("$comment", "Generated from values.yaml and values.schema.defs.yaml by hack/update-chart; do not edit.");
    root.put("title", "astralytiq-operator values");
    root.setAll(schema(values, "", values.values()));
    root.set("definitions", definitions);
    checkReferences(root, definitions);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(indenter).withArrayIndenter(indenter);
    try {
      return JSON.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode schema(ChartValues values, String path, JsonNode value) {
    ObjectNode keywords = values.doc(path).schema();
    String description = values.doc(path).description();
    ObjectNode s = JSON.createObjectNode();
    if (keywords.has("$ref")) {
      if (keywords.size() > 1) {
        throw new IllegalArgumentException("values.yaml: " + path + ": draft-07 ignores keywords beside $ref");
      }
      putDescription(s, description);
      s.set("$ref", keywords.get("$ref"));
      return s;
    }
    s.set("type", keywords.has("type") ? keywords.get("type") : JSON.valueToTree(type(path, value)));
    putDescription(s, description);
    Set<String> structural = Set.of("type", "additionalProperties", "properties", "items", "required");
    keywords.fields().forEachRemaining(k -> {
      if (!structural.contains(k.getKey())) {
        s.set(k.getKey(), k.getValue());
      }
    });
    if (value.isObject()) {
      if (value.isEmpty() && !keywords.has("additionalProperties") && !keywords.has("properties")) {
        throw new IllegalArgumentException("values.yaml: " + path + " is an empty map: say what it holds with"
            + " @schema additionalProperties: {...}");
      }
      s.set("additionalProperties", keywords.has("additionalProperties") ? keywords.get("additionalProperties")
          : JSON.getNodeFactory().booleanNode(false));
      ObjectNode properties = keywords.has("properties") ? keywords.get("properties").deepCopy()
          : JSON.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        properties.set(field.getKey(), schema(values, child, field.getValue()));
      }
      if (!properties.isEmpty()) {
        s.set("properties", properties);
      }
    }
    if (value.isArray()) {
      if (!keywords.has("items") && value.isEmpty()) {
        throw new IllegalArgumentException("values.yaml: " + path + " is an empty list: say what it holds with"
            + " @schema items: {...}");
      }
      s.set("items", keywords.has("items") ? keywords.get("items")
          : JSON.createObjectNode().put("type", type(path, value.get(0))));
    }
    if (keywords.has("required")) {
      s.set("required", keywords.get("required"));
    }
    return s;
  }

  private static void putDescription(ObjectNode s, String description) {
    if (!description.isEmpty()) {
      s.put("description", description);
    }
  }

  private static String type(String path, JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> "string";
      case BOOLEAN -> "boolean";
      case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
      case ARRAY -> "array";
      case OBJECT -> "object";
      default -> throw new IllegalArgumentException("values.yaml: " + path + " is " + value.getNodeType()
          + ": give its type with @schema type: ...");
    };
  }

  /** Every $ref names a definition, and every definition is used. */
  private static void checkReferences(JsonNode root, ObjectNode definitions) {
    Set<String> used = new LinkedHashSet<>();
    references(root, used);
    for (String ref : used) {
      if (!ref.startsWith(DEFINITIONS) || !definitions.has(ref.substring(DEFINITIONS.length()))) {
        throw new IllegalArgumentException("$ref " + ref + " is not in values.schema.defs.yaml");
      }
    }
    List<String> unused = new ArrayList<>();
    definitions.fieldNames().forEachRemaining(name -> {
      if (!used.contains(DEFINITIONS + name)) {
        unused.add(name);
      }
    });
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException("values.schema.defs.yaml: nothing uses " + unused);
    }
  }

  private static void references(JsonNode node, Set<String> into) {
    if (node.has("$ref") && node.get("$ref").isTextual()) {
      into.add(node.get("$ref").asText());
    }
    node.elements().forEachRemaining(child -> references(child, into));
  }

  // --- the values tables of docs/install.md ------------------------------------------------------------------------

  static String tables(ChartValues values) {
    StringBuilder s = new StringBuilder(TABLE_START).append('\n');
    for (Group group : values.groups()) {
      List<Value> rows = group.keys().stream().flatMap(k -> values.rows(k).stream()).toList();
      boolean env = rows.stream().anyMatch(r -> r.doc().env().isPresent());
      s.append("\n### ").append(group.title()).append("\n\n");
      if (!group.intro().isEmpty()) {
        s.append(group.intro()).append("\n\n");
      }
      s.append(env ? "| value | default | environment variable | what it does |\n| --- | --- | --- | --- |\n"
          : "| value | default | what it does |\n| --- | --- | --- |\n");
      for (Value row : rows) {
        String note = ChartValues.defaultNote(row);
        List<String> cells = new ArrayList<>(List.of("`" + row.path() + "`",
            "`" + flow(row.value(), true) + "`" + (note.isEmpty() ? "" : " (" + note + ")")));
        if (env) {
          cells.add(row.doc().env().map(e -> "`" + e + "`").orElse(""));
        }
        cells.add(row.doc().description());
        s.append("| ").append(cells.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ")))
            .append(" |\n");
      }
    }
    return s.append('\n').append(TABLE_END).append('\n').toString();
  }

  /** The value in YAML's flow style, as short as it reads unambiguously; a string at the top as it is. */
  private static String flow(JsonNode value, boolean top) {
    if (value.isTextual()) {
      String text = value.asText();
      return top && !text.isEmpty() || plain(text) ? text : value.toString();
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.elements().forEachRemaining(e -> items.add(flow(e, false)));
      return "[" + String.join(", ", items) + "]";
    }
    if (value.isObject()) {
      List<String> entries = new ArrayList<>();
      value.fields().forEachRemaining(f -> entries.add(f.getKey() + ": " + flow(f.getValue(), false)));
      return "{" + String.join(", ", entries) + "}";
    }
    return value.asText();
  }

  /** Whether YAML reads the text unquoted as this string (not a number, boolean or null, no flow syntax). */
  private static boolean plain(String text) {
    if (!text.matches("[A-Za-z0-9][A-Za-z0-9_./@+-]*")) {
      return false;
    }
    try {
      JsonNode read = ChartValues.YAML.readTree(text);
      return read.isTextual() && read.asText().equals(text);
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** The page with the part between the table markers replaced. */
  static String splice(String page, String tables) {
    int start = page.indexOf("<!-- values-table:start");
    int end = page.indexOf(TABLE_END);
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("docs/install.md has no " + TABLE_START + " ... " + TABLE_END);
    }
    String after = page.substring(end + TABLE_END.length());
    return page.substring(0, start) + tables + (after.startsWith("\n") ? after.substring(1) : after);
  }
}
