package io.daystream.ingestion.validate;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict ISO-8601 reading of message times. A timestamp is {@code yyyy-MM-dd}, optionally
 * followed by {@code T} (or a space) and {@code HH:mm[:ss[.fraction]]} and a zone ({@code Z},
 * {@code +HH:MM}, {@code +HHMM}, {@code +HH}); no zone means UTC, the session time zone. The
 * calendar is strict: 2021-02-30 and 24:00 are errors, not rolled over. What Spark's JSON reader
 * accepted by default, less its leniency and without its failure mode (an impossible date made
 * it throw and stop the query).
 */
public final class IsoTime {

  /** Earliest time any stream holds; earlier values are typing errors or sentinel dates. */
  public static final LocalDate EARLIEST_DAY = LocalDate.of(1900, 1, 1);

  private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral('T')
      .appendValue(HOUR_OF_DAY, 2)
      .appendLiteral(':')
      .appendValue(MINUTE_OF_HOUR, 2)
      .optionalStart()
      .appendLiteral(':')
      .appendValue(SECOND_OF_MINUTE, 2)
      .optionalStart()
      .appendFraction(NANO_OF_SECOND, 1, 9, true)
      .optionalEnd()
      .optionalEnd()
      .toFormatter(Locale.ROOT)
      .withChronology(IsoChronology.INSTANCE)
      .withResolverStyle(ResolverStyle.STRICT);

  private static final Pattern ZONE = Pattern.compile("(Z|[+-]\\d{2}(?::?\\d{2})?)$");
  private static final int DATE_LENGTH = "yyyy-MM-dd".length();

  private IsoTime() {}

  /** @throws DateTimeException if {@code text} is not a timestamp as described above */
  public static Instant parseTimestamp(String text) {
    if (text.length() == DATE_LENGTH) {
      return parseDate(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (text.length() < DATE_LENGTH + 6 || (text.charAt(DATE_LENGTH) != 'T' && text.charAt(DATE_LENGTH) != ' ')) {
      throw new DateTimeException("not a date-time");
    }
    String local = text;
    ZoneOffset offset = ZoneOffset.UTC;
    // The zone is looked for after the date only: "2020-03-01" itself ends in "-01".
    Matcher zone = ZONE.matcher(text).region(DATE_LENGTH + 1, text.length());
    if (zone.find()) {
      offset = ZoneOffset.of(zone.group(1));
      local = text.substring(0, zone.start());
    }
    if (local.charAt(DATE_LENGTH) == ' ') {
      local = local.substring(0, DATE_LENGTH) + 'T' + local.substring(DATE_LENGTH + 1);
    }
    return LocalDateTime.parse(local, LOCAL_DATE_TIME).toInstant(offset);
  }

  /** @throws DateTimeException if {@code text} is not a real {@code yyyy-MM-dd} day */
  public static LocalDate parseDate(String text) {
    if (text.length() != DATE_LENGTH) {
      throw new DateTimeException("not yyyy-MM-dd");
    }
    return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
  }
}
