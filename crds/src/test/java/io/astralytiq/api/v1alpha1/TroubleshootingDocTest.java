package io.astralytiq.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.testing.Project;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/troubleshooting.md has one entry per reason the operator can set, its heading the reason itself, so that a
 * reason read in a status is found at troubleshooting.md#reason: a new reason without an entry fails here, and so
 * does an entry whose reason has gone.
 */
class TroubleshootingDocTest {

  private static final Path PAGE = Project.path("docs/troubleshooting.md");
  /** The sections that hold the entries: {@code ## Dashboard: ...} and {@code ## Tenant: ...}. */
  private static final Pattern REASON_SECTION = Pattern.compile("^## (Dashboard|Tenant)\\b.*");
  private static final Pattern ENTRY = Pattern.compile("^### (.+?)\\s*$");

  @Test
  void everyReasonHasAnEntry() throws IOException {
    Set<String> missing = new TreeSet<>(reasons());
    missing.removeAll(entries());

    assertThat(missing).as("reasons without an entry (a '### <Reason>' heading in a Dashboard or Tenant section) in %s",
        PAGE).isEmpty();
  }

  @Test
  void everyEntryIsAReason() throws IOException {
    Set<String> stale = new TreeSet<>(entries());
    stale.removeAll(reasons());

    assertThat(stale).as("entries in %s whose heading is no reason of DashboardConditions, TenantConditions or"
        + " DashboardPhase", PAGE).isEmpty();
  }

  /** A second heading of the same text would be anchored #reason_1, and a link to #reason would miss it. */
  @Test
  void noReasonHasTwoEntries() throws IOException {
    List<String> twice = entries().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
        .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();

    assertThat(twice).as("reasons with more than one entry in %s", PAGE).isEmpty();
  }

  @Test
  void theReasonsAreFoundByReflection() {
    assertThat(reasons()).contains(DashboardConditions.REASON_HOST_CONFLICT, TenantConditions.REASON_QUOTA_EXCEEDED,
        DashboardPhase.Degraded.name()).hasSizeGreaterThan(50);
  }

  /**
   * Every REASON_ constant, and the phases: Reconciling and Stalled carry the phase as their reason when False
   * (DashboardConditions.RECONCILING).
   */
  private static Set<String> reasons() {
    Set<String> reasons = new TreeSet<>();
    for (Class<?> conditions : List.of(DashboardConditions.class, TenantConditions.class)) {
      for (Field field : conditions.getDeclaredFields()) {
        if (field.getName().startsWith("REASON_") && field.getType() == String.class
            && Modifier.isStatic(field.getModifiers())) {
          try {
            reasons.add((String) field.get(null));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(field + " is not public", e);
          }
        }
      }
    }
    Arrays.stream(DashboardPhase.values()).map(Enum::name).forEach(reasons::add);
    return reasons;
  }

  /** The {@code ###} headings of the reason sections, outside code blocks, in page order. */
  private static List<String> entries() throws IOException {
    List<String> entries = new ArrayList<>();
    boolean inReasons = false;
    boolean inCode = false;
    for (String line : Files.readAllLines(PAGE)) {
      if (line.stripLeading().startsWith("```")) {
        inCode = !inCode;
      } else if (!inCode && line.startsWith("## ")) {
        inReasons = REASON_SECTION.matcher(line).matches();
      } else if (!inCode && inReasons) {
        Matcher entry = ENTRY.matcher(line);
        if (entry.matches()) {
          entries.add(entry.group(1));
        }
      }
    }
    return entries;
  }
}
