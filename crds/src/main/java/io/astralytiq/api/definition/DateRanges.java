package io.astralytiq.api.definition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of a dateRange variable: the last N days ({@code 30d}) or explicit dates ({@code 2024-01-01..2024-03-31}).
 * A range spans at most {@link #MAX_DAYS} days, so a viewer cannot make every query scan all of time, and its dates
 * lie within years 1900 to 2199.
 */
public final class DateRanges {

  /** About ten years. */
  public static final int MAX_DAYS = 3660;
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

  private static final Pattern RELATIVE = Pattern.compile("^([1-9][0-9]{0,4})d$");
  private static final Pattern ABSOLUTE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})$");

  /** An inclusive range of days. */
  public record Range(LocalDate from, LocalDate to) {}

  private DateRanges() {}

  public static boolean isValid(String value) {
    try {
      resolve(value, Clock.systemUTC());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Relative ranges end today (by the given clock) and include it: 7d is today and the six days before. */
  public static Range resolve(String value, Clock clock) {
    if (value == null) {
      throw new IllegalArgumentException("a date range is required");
    }
    Matcher rel = RELATIVE.matcher(value);
    if (rel.matches()) {
      long days = Long.parseLong(rel.group(1));
      if (days > MAX_DAYS) {
        throw new IllegalArgumentException("'" + value + "' spans more than " + MAX_DAYS + " days");
      }
      LocalDate today = LocalDate.now(clock);
      return new Range(today.minusDays(days - 1), today);
    }
    Matcher abs = ABSOLUTE.matcher(value);
    if (abs.matches()) {
      try {
        LocalDate from = LocalDate.parse(abs.group(1));
        LocalDate to = LocalDate.parse(abs.group(2));
        if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
          throw new IllegalArgumentException("'" + value + "' lies outside the years 1900 to 2199");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
          throw new IllegalArgumentException("'" + value + "' spans more than " + MAX_DAYS + " days");
        }
        if (!from.isAfter(to)) {
          return new Range(from, to);
        }
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + value + "' holds a date that does not exist", e);
      }
    }
    throw new IllegalArgumentException("'" + value + "' is not a date range such as 30d or 2024-01-01..2024-03-31");
  }
}
