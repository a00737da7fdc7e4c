package io.astralytiq.operator.bench;

import java.util.HashMap;
import java.util.Map;

/** A harness's {@code --name value} options after its command word. */
final class BenchOptions {

  private final Map<String, String> values = new HashMap<>();

  BenchOptions(String[] args, int first) {
    for (int i = first; i + 1 < args.length; i += 2) {
      values.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    return Integer.parseInt(string(name, Integer.toString(fallback)));
  }

  double decimal(String name, double fallback) {
    return Double.parseDouble(string(name, Double.toString(fallback)));
  }
}
