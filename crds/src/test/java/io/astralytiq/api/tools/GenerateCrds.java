package io.astralytiq.api.tools;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.Tenant;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.File;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Generates the CRDs from the API classes with fabric8's crd-generator, run by the build (process-test-classes).
 * It exists instead of the generator's Maven plugin for one reason: the plugin sorts printer columns by JSON path,
 * which would put AGE first in {@code kubectl get}; here they keep the order the classes declare them in.
 */
public final class GenerateCrds {

  private static final List<Class<? extends HasMetadata>> RESOURCES = List.of(Tenant.class, Dashboard.class);

  private GenerateCrds() {}

  public static void main(String[] args) {
    File outputDir = new File(args.length > 0 ? args[0] : "target/generated-crds");
    outputDir.mkdirs();
    new CRDGenerator()
        .inOutputDir(outputDir)
        .forCRDVersions("v1")
        .withParallelGenerationEnabled(false)
        .withPostProcessor(new DeclaredColumnOrder())
        .customResourceClasses(RESOURCES)
        .generate();
  }

  /** Puts printer columns back in the order of the {@link AdditionalPrinterColumn} annotations. */
  private static final class DeclaredColumnOrder implements CRDPostProcessor {

    @Override
    public HasMetadata process(HasMetadata generated, String crdSpecVersion) {
      CustomResourceDefinition crd = (CustomResourceDefinition) generated;
      Class<?> resource = RESOURCES.stream()
          .filter(c -> c.getSimpleName().equals(crd.getSpec().getNames().getKind())).findFirst().orElseThrow();
      List<String> declared = Arrays.stream(resource.getAnnotationsByType(AdditionalPrinterColumn.class))
          .map(AdditionalPrinterColumn::jsonPath).toList();
      crd.getSpec().getVersions().forEach(version -> version.getAdditionalPrinterColumns()
          .sort(Comparator.comparing((CustomResourceColumnDefinition c) -> declared.indexOf(c.getJsonPath()))));
      return crd;
    }
  }
}
