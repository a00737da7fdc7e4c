package io.astralytiq.runtime.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.temporal.TemporalAccessor;

/** Turns JDBC values into what JSON, CSV and charts handle alike. */
final class Values {

  private Values() {}

  static Object plain(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof BigDecimal d) {
      return d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0 ? d.longValue()
          : d.doubleValue();
    }
    if (v instanceof BigInteger i) {
      return i.bitLength() < 64 ? i.longValue() : i.toString();
    }
    if (v instanceof Date d) {
      return d.toLocalDate().toString();
    }
    if (v instanceof Timestamp t) {
      return t.toLocalDateTime().toString();
    }
    if (v instanceof Time t) {
      return t.toLocalTime().toString();
    }
    if (v instanceof TemporalAccessor) {
      return v.toString();
    }
    return v.toString();
  }
}
