package io.astralytiq.operator.install;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chart's values.yaml as documented: its values, with the comment above each key (which Jackson does not keep, so
 * they are read line by line), in the groups that {@code # --- Title ---} lines start. {@link GenerateChartValues}
 * says what a comment holds.
 */
record ChartValues(ObjectNode values, Map<String, Doc> docs, List<Group> groups) {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  /** Reads {@code "" (note)} as no YAML rather than as its first scalar. */
  private static final ObjectReader STRICT = YAML.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final Pattern HEADING = Pattern.compile("^# -{3} (.+?) -+$");
  private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z0-9_.-]+):(?: |$)");
  private static final Pattern ENV = Pattern.compile(" ?\\(([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\\)");
  private static final String ANNOTATION = "@schema ";
  private static final String DEFAULT = "Default: ";

  /** A group of top-level keys: a table of its own in the docs, under its title and introduction. */
  record Group(String title, String intro, List<String> keys) {}

  /**
   * The comment of a key: its description (without the default and the environment variable), the variable it sets,
   * its default as written ("" when it has none) and its {@code @schema} keywords.
   */
  record Doc(String description, Optional<String> env, String defaultText, ObjectNode schema) {}

  /** A value documented as one row: a scalar, an empty list or map, or a structure defined by a {@code $ref}. */
  record Value(String path, JsonNode value, Doc doc) {}

  static ChartValues parse(String yaml) {
    ObjectNode values;
    try {
      values = (ObjectNode) YAML.readTree(yaml);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalArgumentException("values.yaml is not a YAML mapping: " + e.getMessage(), e);
    }
    Map<String, Doc> docs = new HashMap<>();
    List<Group> groups = new ArrayList<>();
    Deque<Map.Entry<Integer, String>> parents = new ArrayDeque<>();
    List<String> comment = new ArrayList<>();
    boolean intro = false;
    for (String line : yaml.split("\n", -1)) {
      Matcher heading = HEADING.matcher(line);
      Matcher key = KEY.matcher(line);
      if (line.isBlank()) {
        if (intro && !groups.isEmpty()) {
          Group group = groups.remove(groups.size() - 1);
          groups.add(new Group(group.title(), String.join(" ", comment), group.keys()));
        }
        intro = false;
        comment.clear();
      } else if (heading.matches()) {
        groups.add(new Group(heading.group(1), "", new ArrayList<>()));
        intro = true;
        comment.clear();
      } else if (line.strip().startsWith("#")) {
        comment.add(line.strip().replaceFirst("^# ?", ""));
      } else if (key.find()) {
        int indent = key.group(1).length();
        while (!parents.isEmpty() && parents.peek().getKey() >= indent) {
          parents.pop();
        }
        String path = parents.isEmpty() ? key.group(2) : parents.peek().getValue() + "." + key.group(2);
        parents.push(Map.entry(indent, path));
        if (indent == 0) {
          if (groups.isEmpty()) {
            throw new IllegalArgumentException("values.yaml: " + path + " comes before the first # --- group ---");
          }
          groups.get(groups.size() - 1).keys().add(path);
        }
        if (!comment.isEmpty()) {
          docs.put(path, doc(path, comment));
        }
        intro = false;
        comment.clear();
      } else {
        comment.clear();
      }
    }
    for (String path : docs.keySet()) {
      if (at(values, path).isMissingNode()) {
        throw new IllegalArgumentException("values.yaml: a comment for " + path + ", which is no key (block lists"
            + " are not read: write lists in flow style)");
      }
    }
    return new ChartValues(values, Map.copyOf(docs), List.copyOf(groups));
  }

  /** The comment of a key; an empty one when it has none. */
  Doc doc(String path) {
    return docs.getOrDefault(path, new Doc("", Optional.empty(), "", YAML.createObjectNode()));
  }

  /** The values documented one by one, in the order of values.yaml: what an object holds, unless it is a $ref. */
  List<Value> rows(String key) {
    List<Value> rows = new ArrayList<>();
    collect(key, values.get(key), rows);
    return rows;
  }

  private void collect(String path, JsonNode node, List<Value> rows) {
    Doc doc = doc(path);
    if (node.isObject() && !node.isEmpty() && !doc.schema().has("$ref")) {
      for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        collect(path + "." + key, node.get(key), rows);
      }
      return;
    }
    if (!docs.containsKey(path)) {
      throw new IllegalArgumentException("values.yaml: " + path + " has no comment (say what it does and end with"
          + " Default: <its value>)");
    }
    rows.add(new Value(path, node, doc));
  }

  /**
   * What the comment says about the default beyond the value, from its "Default: <value> (<note>)", which must be
   * the value; empty when it says nothing more.
   */
  static String defaultNote(Value row) {
    String text = row.doc().defaultText();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("values.yaml: the comment of " + row.path() + " does not end with Default:");
    }
    if (same(text, row.value())) {
      return "";
    }
    for (int open = text.indexOf(" ("); open > 0 && text.endsWith(")"); open = text.indexOf(" (", open + 1)) {
      if (same(text.substring(0, open), row.value())) {
        return text.substring(open + 2, text.length() - 1);
      }
    }
    throw new IllegalArgumentException("values.yaml: the comment of " + row.path() + " says Default: " + text
        + ", but the value is " + row.value());
  }

  private static boolean same(String yaml, JsonNode value) {
    try {
      return value.equals(STRICT.readTree(yaml));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static Doc doc(String path, List<String> lines) {
    ObjectNode schema = YAML.createObjectNode();
    List<String> text = new ArrayList<>();
    for (String line : lines) {
      if (!line.startsWith(ANNOTATION)) {
        text.add(line);
        continue;
      }
      JsonNode keywords;
      try {
        keywords = YAML.readTree(line.substring(ANNOTATION.length()));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("values.yaml: " + path + ": " + line + " is not YAML: " + e.getMessage(), e);
      }
      if (!(keywords instanceof ObjectNode mapping)) {
        throw new IllegalArgumentException("values.yaml: " + path + ": " + line + " is no mapping of keywords");
      }
      mapping.fields().forEachRemaining(k -> {
        if (schema.has(k.getKey())) {
          throw new IllegalArgumentException("values.yaml: " + path + ": @schema " + k.getKey() + " twice");
        }
        schema.set(k.getKey(), k.getValue());
      });
    }
    String joined = String.join(" ", text).strip();
    int at = joined.lastIndexOf(DEFAULT);
    String description = at < 0 ? joined : joined.substring(0, at).strip();
    String defaultText = at < 0 ? "" : joined.substring(at + DEFAULT.length()).strip();
    Matcher env = ENV.matcher(description);
    Optional<String> variable = Optional.empty();
    if (env.find()) {
      variable = Optional.of(env.group(1));
      description = (description.substring(0, env.start()) + description.substring(env.end())).strip();
      if (env.find()) {
        throw new IllegalArgumentException("values.yaml: " + path + " names two environment variables");
      }
    }
    return new Doc(description, variable, defaultText, schema);
  }

  private static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    for (String key : path.split("\\.")) {
      node = node.path(key);
    }
    return node;
  }
}
