package io.astralytiq.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the pinned kubectl against a given kubeconfig, as a user at a terminal would. */
public final class Kubectl {

  private final Path binary;
  private final Path kubeconfig;

  public Kubectl(Path binary, Path kubeconfig) {
    this.binary = binary;
    this.kubeconfig = kubeconfig;
  }

  public Command.Result run(String... args) {
    return runWithInput(null, args);
  }

  /** Runs kubectl with {@code stdin} as its standard input (for {@code kubectl apply -f -}). */
  public Command.Result runWithInput(String stdin, String... args) {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    return Command.run(command, stdin, Duration.ofSeconds(60));
  }
}
