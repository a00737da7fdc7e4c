package io.astralytiq.runtime.definition;

import io.astralytiq.api.v1alpha1.definition.Dataset;
import io.astralytiq.runtime.RuntimeProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where file datasets may be read from: under one of the data roots (where the data volumes are mounted) and never
 * under the directory where the runtime's credentials are mounted. The engine may
 * read exactly these files, so this is what stands between a dashboard author and a Secret mounted for a JDBC
 * dataset. The paths are already absolute and free of dot segments ({@link io.astralytiq.api.definition.DefinitionValidator}).
 */
public final class DatasetPaths {

  private DatasetPaths() {}

  public static List<String> problems(CompiledDashboard dashboard, RuntimeProperties properties) {
    List<Path> roots = properties.datasets().roots().stream().map(Path::of).toList();
    List<String> problems = new ArrayList<>();
    for (Dataset ds : dashboard.datasets()) {
      if (ds.getPath() == null) {
        continue;
      }
      Path path = Path.of(ds.getPath()).normalize();
      String label = "dataset '" + ds.getName() + "'";
      if (path.startsWith(properties.secretsDir())) {
        problems.add(label + ": " + path + " is under " + properties.secretsDir() + ", where the credentials of"
            + " JDBC datasets are mounted, which no dataset may read");
      } else if (roots.stream().noneMatch(path::startsWith)) {
        problems.add(label + ": " + path + " is not under the data directories " + roots
            + " where the data volumes are mounted");
      }
    }
    return problems;
  }
}
