package io.astralytiq.operator.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Host name matching as browsers do it: exact names, or a wildcard for exactly one leftmost label. */
class HostNamesTest {

  @ParameterizedTest(name = "{0} covers {1}: {2}")
  @CsvSource({
      "sales.example.com, sales.example.com, true",
      "Sales.Example.COM, sales.example.com, true",
      "sales.example.com., sales.example.com, true",
      "sales.example.com, other.example.com, false",
      "*.example.com, sales.example.com, true",
      "*.EXAMPLE.com, Sales.example.COM, true",
      "*.example.com, example.com, false",
      "*.example.com, a.sales.example.com, false",
      "*.example.com, .example.com, false",
      "s*.example.com, sales.example.com, false",
      "example.com, sales.example.com, false"})
  void matches(String pattern, String host, boolean covered) {
    assertThat(HostNames.matches(pattern, host)).isEqualTo(covered);
  }
}
