package io.astralytiq.runtime;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.astralytiq.api.runtime.RuntimeContract;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DashboardRuntimeApplication {

  public static void main(String[] args) {
    String[] springArgs = translateArgs(args);
    prepareTempDir(springArgs);
    SpringApplication.run(DashboardRuntimeApplication.class, springArgs);
    warnUnlessExitOnOutOfMemory();
  }

  /**
   * A heap that ran out leaves threads dead and the process live, so liveness keeps answering: the image starts
   * the JVM with -XX:+ExitOnOutOfMemoryError (RuntimeContract.JVM_FLAGS) and the kubelet restarts it. Said loudly
   * when a launcher forgot it.
   */
  private static void warnUnlessExitOnOutOfMemory() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    if (vm != null && !"true".equals(vm.getVMOption("ExitOnOutOfMemoryError").getValue())) {
      LoggerFactory.getLogger(DashboardRuntimeApplication.class).warn("the JVM runs without {}: an"
          + " OutOfMemoryError would leave the runtime half-working instead of restarting it", RuntimeContract.JVM_FLAGS);
    }
  }

  /**
   * Accepts the documented short forms {@code --definition FILE} and {@code --template NAME} (space separated) as
   * well as Spring's {@code --astralytiq.definition=FILE}.
   */
  public static String[] translateArgs(String[] args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String key = switch (arg.split("=", 2)[0]) {
        case "--definition" -> "astralytiq.definition";
        case "--template" -> "astralytiq.template";
        case "--temp-dir" -> "astralytiq.temp-dir";
        default -> null;
      };
      if (key == null) {
        out.add(arg);
      } else if (arg.contains("=")) {
        out.add("--" + key + "=" + arg.split("=", 2)[1]);
      } else if (i + 1 < args.length) {
        out.add("--" + key + "=" + args[++i]);
      } else {
        throw new IllegalArgumentException(arg + " needs a value");
      }
    }
    return out.toArray(String[]::new);
  }

  /**
   * DuckDB unpacks its native library into java.io.tmpdir as soon as its driver class loads, before Spring has
   * read any configuration, so a read-only root filesystem needs the temp dir moved here, from the argument or the
   * ASTRALYTIQ_TEMP_DIR environment variable.
   */
  private static void prepareTempDir(String[] springArgs) {
    String dir = System.getenv("ASTRALYTIQ_TEMP_DIR");
    for (String arg : springArgs) {
      if (arg.startsWith("--astralytiq.temp-dir=")) {
        dir = arg.substring("--astralytiq.temp-dir=".length());
      }
    }
    if (dir != null && !dir.isBlank()) {
      System.setProperty("java.io.tmpdir", dir);
    }
  }
}
