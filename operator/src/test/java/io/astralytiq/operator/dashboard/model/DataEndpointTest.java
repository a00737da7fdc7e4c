package io.astralytiq.operator.dashboard.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a dataset's URL lets its dashboard's NetworkPolicy through to. */
class DataEndpointTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "jdbc:postgresql://198.18.0.1:5433/sales           | 198.18.0.1/32:5433",
      "jdbc:postgresql://198.18.0.1/sales                | 198.18.0.1/32:5432",
      "jdbc:postgresql://[2001:db8::7]:6432/sales        | 2001:db8::7/128:6432",
      "jdbc:postgresql://[2001:DB8:0:0:1:0:0:0]/sales    | 2001:db8:0:0:1::/128:5432",
      "jdbc:postgresql://[2001:db8:0:1:0:0:0:1]/sales    | 2001:db8:0:1::1/128:5432",
      "https://203.0.113.9/export.csv                    | 203.0.113.9/32:443",
      "http://user@203.0.113.9:8080/a.csv                | 203.0.113.9/32:8080",
      "jdbc:postgresql://127.0.0.1:5432/sales            | -",
      "http://169.254.169.254/latest/meta-data           | -",
      "jdbc:postgresql://[::1]:5432/sales                | -",
      "jdbc:postgresql://0.0.0.0:5432/sales              | -",
      "jdbc:postgresql://db.example.com:5432/sales       | -",
      "jdbc:postgresql://999.1.1.1:5432/sales            | -",
      "jdbc:postgresql:sales                             | -",
  })
  void anAddressIsLetThroughOnItsPortAndNothingLocalEverIs(String url, String expected) {
    String actual = DataEndpoint.of(url).stream().findFirst()
        .flatMap(e -> e.cidr().map(cidr -> cidr + ":" + e.port())).orElse("-");

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void aServiceIsFoundInItsNamespaceOrTheDashboards() {
    assertThat(serviceNamespace("jdbc:postgresql://orders-db.data.svc:5432/orders")).contains("data");
    assertThat(serviceNamespace("jdbc:postgresql://orders-db.data.svc.cluster.local/orders")).contains("data");
    assertThat(serviceNamespace("jdbc:postgresql://orders-db/orders")).contains("acme-analytics");
    assertThat(serviceNamespace("jdbc:postgresql://example.com/orders")).as("could be a domain").isEmpty();
  }

  @Test
  void everyFailOverHostOfAJdbcUrlCounts() {
    assertThat(DataEndpoint.of("jdbc:postgresql://198.18.0.1:5432,198.18.0.2:5433/sales?targetServerType=primary"))
        .containsExactly(new DataEndpoint("198.18.0.1", 5432), new DataEndpoint("198.18.0.2", 5433));
  }

  private static Optional<String> serviceNamespace(String url) {
    return DataEndpoint.of(url).get(0).serviceNamespace("acme-analytics");
  }
}
