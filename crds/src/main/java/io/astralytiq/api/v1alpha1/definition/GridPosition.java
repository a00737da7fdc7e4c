package io.astralytiq.api.v1alpha1.definition;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

// Not x/y/w/h: YAML 1.1 parsers, kubectl's among them, read a bare y key as the boolean true.
@ValidationRule(value = "self.col + self.width <= 12", message = "a panel must fit the 12-column grid (col + width <= 12)")
public class GridPosition {

  @JsonPropertyDescription("Column the panel starts at, 0 to 11.")
  @Min(0)
  @Max(11)
  @Default("0")
  private Integer col = 0;

  @JsonPropertyDescription("Row the panel starts at.")
  @Min(0)
  @Default("0")
  private Integer row = 0;

  @JsonPropertyDescription("Width in columns, 1 to 12.")
  @Min(1)
  @Max(12)
  @Default("6")
  private Integer width = 6;

  @JsonPropertyDescription("Height in rows.")
  @Min(1)
  @Max(24)
  @Default("4")
  private Integer height = 4;

  public Integer getCol() {
    return col;
  }

  public void setCol(Integer col) {
    this.col = col;
  }

  public Integer getRow() {
    return row;
  }

  public void setRow(Integer row) {
    this.row = row;
  }

  public Integer getWidth() {
    return width;
  }

  public void setWidth(Integer width) {
    this.width = width;
  }

  public Integer getHeight() {
    return height;
  }

  public void setHeight(Integer height) {
    this.height = height;
  }
}
