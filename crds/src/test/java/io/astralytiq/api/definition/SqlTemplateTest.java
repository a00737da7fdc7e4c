package io.astralytiq.api.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlTemplateTest {

  @Test
  void replacesParametersWithPlaceholdersInOrder() {
    SqlTemplate t = SqlTemplate.parse("SELECT * FROM t WHERE a = :region AND b BETWEEN :p_from AND :p_to OR c = :region");
    assertThat(t.bindOrder()).containsExactly("region", "p_from", "p_to", "region");
    assertThat(t.names()).containsExactly("region", "p_from", "p_to");
    assertThat(t.render(n -> 1)).isEqualTo("SELECT * FROM t WHERE a = ? AND b BETWEEN ? AND ? OR c = ?");
  }

  @Test
  void leavesStringsCommentsCastsAndSlicesAlone() {
    String sql = "SELECT ':nope', \"col:x\", a::DATE, l[i:j], {'k':v} -- :comment\n/* :block */ FROM t WHERE x=:yes";
    SqlTemplate t = SqlTemplate.parse(sql);
    assertThat(t.names()).containsExactly("yes");
    assertThat(t.render(n -> 1)).isEqualTo(sql.replace(":yes", "?"));
  }

  @Test
  void expandsAListIntoOnePlaceholderPerValue() {
    Map<String, Integer> sizes = Map.of("r", 3, "e", 0);
    SqlTemplate t = SqlTemplate.parse("WHERE r IN (:r) AND e IN (:e)");
    assertThat(t.render(sizes::get)).isEqualTo("WHERE r IN (?, ?, ?) AND e IN (?)");
  }
}
