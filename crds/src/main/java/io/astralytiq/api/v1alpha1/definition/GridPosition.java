package io.astralytiq.api.v1alpha1.definition;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "self.x + self.w <= 12", message = "a panel must fit the 12-column grid (x + w <= 12)")
public class GridPosition {

  @JsonPropertyDescription("Column the panel starts at, 0 to 11.")
  @Min(0)
  @Max(11)
  @Default("0")
  private Integer x = 0;

  @JsonPropertyDescription("Row the panel starts at.")
  @Min(0)
  @Default("0")
  private Integer y = 0;

  @JsonPropertyDescription("Width in columns, 1 to 12.")
  @Min(1)
  @Max(12)
  @Default("6")
  private Integer w = 6;

  @JsonPropertyDescription("Height in rows.")
  @Min(1)
  @Max(24)
  @Default("4")
  private Integer h = 4;

  public Integer getX() {
    return x;
  }

  public void setX(Integer x) {
    this.x = x;
  }

  public Integer getY() {
    return y;
  }

  public void setY(Integer y) {
    this.y = y;
  }

  public Integer getW() {
    return w;
  }

  public void setW(Integer w) {
    this.w = w;
  }

  public Integer getH() {
    return h;
  }

  public void setH(Integer h) {
    this.h = h;
  }
}
