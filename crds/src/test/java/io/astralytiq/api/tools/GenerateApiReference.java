package io.astralytiq.api.tools;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the API reference (every field of Tenant and Dashboard: type, default, allowed values, validation rules
 * with their messages, description) from the committed CRDs, so that the page says exactly what the API server
 * enforces. Run by the build (process-test-classes); ApiReferenceDriftTest compares it with docs/api/reference.md
 * and hack/update-crds copies it there.
 */
public final class GenerateApiReference {

  private static final List<String> CRDS = List.of("tenants.astralytiq.io-v1.yml", "dashboards.astralytiq.io-v1.yml");

  private GenerateApiReference() {}

  public static void main(String[] args) throws IOException {
    Path manifests = Path.of(args[0]);
    Path out = Path.of(args[1]);
    KubernetesSerialization yaml = new KubernetesSerialization();
    StringBuilder page = new StringBuilder("""
        # API reference

        <!-- Generated from the CRDs by GenerateApiReference (hack/update-crds); do not edit by hand. -->

        Every field of the two resources, as the API server checks them at `kubectl apply`: its type, default,
        allowed values and validation rules with the message a refusal prints. `kubectl explain` shows the same
        descriptions on a cluster. Examples of refused manifests and their messages:
        [invalid manifests](invalid-manifests.md).
        """);
    for (String name : CRDS) {
      try (InputStream in = Files.newInputStream(manifests.resolve(name))) {
        page.append(resource(yaml.unmarshal(in, CustomResourceDefinition.class)));
      }
    }
    Files.createDirectories(out.getParent());
    Files.writeString(out, page.toString());
  }

  private static String resource(CustomResourceDefinition crd) {
    CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
    StringBuilder s = new StringBuilder("\n## ").append(crd.getSpec().getNames().getKind()).append("\n\n")
        .append("`").append(crd.getSpec().getGroup()).append('/').append(version.getName()).append("`, ")
        .append(crd.getSpec().getScope().toLowerCase()).append(", plural `").append(crd.getSpec().getNames()
            .getPlural()).append('`');
    List<String> shortNames = crd.getSpec().getNames().getShortNames();
    if (shortNames != null && !shortNames.isEmpty()) {
      s.append(", short name `").append(String.join("`, `", shortNames)).append('`');
    }
    s.append(".\n\n");
    JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
    for (String top : List.of("spec", "status")) {
      JSONSchemaProps props = root.getProperties().get(top);
      if (props != null) {
        rows(s, top, props, false);
      }
    }
    return s.toString();
  }

  private static void rows(StringBuilder s, String path, JSONSchemaProps p, boolean required) {
    s.append("- `").append(path).append("` (").append(type(p)).append(")");
    String description = describe(p, required);
    if (!description.isEmpty()) {
      s.append(": ").append(description.replace("\n", " "));
    }
    s.append('\n');
    Map<String, JSONSchemaProps> children = p.getProperties();
    if (children != null) {
      List<String> mandatory = p.getRequired() == null ? List.of() : p.getRequired();
      children.keySet().stream().sorted()
          .forEach(k -> rows(s, path + "." + k, children.get(k), mandatory.contains(k)));
    }
    JSONSchemaProps items = p.getItems() == null ? null : p.getItems().getSchema();
    if (items != null && items.getProperties() != null) {
      List<String> mandatory = items.getRequired() == null ? List.of() : items.getRequired();
      items.getProperties().keySet().stream().sorted()
          .forEach(k -> rows(s, path + "[]." + k, items.getProperties().get(k), mandatory.contains(k)));
    }
    if (p.getAdditionalProperties() != null && p.getAdditionalProperties().getSchema() != null
        && p.getAdditionalProperties().getSchema().getProperties() != null) {
      rows(s, path + ".*", p.getAdditionalProperties().getSchema(), false);
    }
  }

  private static String type(JSONSchemaProps p) {
    if (Boolean.TRUE.equals(p.getXKubernetesIntOrString())) {
      return "integer or string";
    }
    if ("array".equals(p.getType()) && p.getItems() != null && p.getItems().getSchema() != null) {
      return "array of " + type(p.getItems().getSchema());
    }
    if ("object".equals(p.getType()) && p.getAdditionalProperties() != null
        && p.getAdditionalProperties().getSchema() != null) {
      return "map of " + type(p.getAdditionalProperties().getSchema());
    }
    return p.getType() == null ? "any" : p.getType();
  }

  private static String describe(JSONSchemaProps p, boolean required) {
    List<String> parts = new ArrayList<>();
    if (p.getDescription() != null) {
      parts.add(p.getDescription());
    }
    List<String> facts = new ArrayList<>();
    if (required) {
      facts.add("**Required.**");
    }
    if (p.getDefault() != null) {
      facts.add("Default: `" + p.getDefault().toString().replace("\"", "") + "`.");
    }
    if (p.getEnum() != null && !p.getEnum().isEmpty()) {
      facts.add("One of: " + p.getEnum().stream().map(e -> "`" + e.toString().replace("\"", "") + "`")
          .collect(Collectors.joining(", ")) + ".");
    }
    bound(facts, "Minimum", p.getMinimum());
    bound(facts, "Maximum", p.getMaximum());
    bound(facts, "Length at least", p.getMinLength());
    bound(facts, "Length at most", p.getMaxLength());
    bound(facts, "At least", p.getMinItems(), "items");
    bound(facts, "At most", p.getMaxItems(), "items");
    if (p.getPattern() != null) {
      facts.add("Pattern: `" + p.getPattern() + "`.");
    }
    if (p.getFormat() != null) {
      facts.add("Format: " + p.getFormat() + ".");
    }
    if (p.getXKubernetesValidations() != null) {
      for (ValidationRule rule : p.getXKubernetesValidations()) {
        facts.add("Rule `" + rule.getRule() + "`: \"" + rule.getMessage() + "\".");
      }
    }
    if (!facts.isEmpty()) {
      parts.add(String.join(" ", facts));
    }
    return String.join(" ", parts);
  }

  private static void bound(List<String> facts, String what, Number value) {
    bound(facts, what, value, null);
  }

  private static void bound(List<String> facts, String what, Number value, String unit) {
    if (value != null) {
      String n = value.doubleValue() == Math.rint(value.doubleValue())
          ? Long.toString(value.longValue()) : value.toString();
      facts.add(what + " " + n + (unit == null ? "" : " " + unit) + ".");
    }
  }
}
