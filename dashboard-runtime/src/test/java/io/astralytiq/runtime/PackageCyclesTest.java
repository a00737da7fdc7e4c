package io.astralytiq.runtime;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two packages of dashboard-runtime depend on each other, at any depth: a cycle is what makes a feature
 * impossible to change, test or move on its own.
 */
class PackageCyclesTest {

  private static final String ROOT = "io.astralytiq.runtime";
  private static final JavaClasses RUNTIME = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

  @Test
  void everyPackageIsFreeOfCycles() {
    slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(RUNTIME);
  }

  @Test
  void theCheckSeesEveryPackageOfTheSources() throws IOException {
    Path sources = Path.of("src/main/java"); // Maven runs the tests in the module's directory
    Set<String> packages;
    try (Stream<Path> files = Files.walk(sources.resolve(ROOT.replace('.', '/')))) {
      packages = files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"))
          .map(f -> sources.relativize(f.getParent()).toString().replace('/', '.')).collect(Collectors.toSet());
    }

    assertThat(RUNTIME.stream().map(JavaClass::getPackageName).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(packages);
  }
}
