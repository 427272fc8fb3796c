package io.daystream.app.cli;

import io.daystream.features.day.DayRange;
import java.time.LocalDate;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --date D} or {@code --from D1 --to D2}: the days a command works on, as an exclusive group. */
final class DayOptions {

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "One day.")
  LocalDate date;

  @ArgGroup(exclusive = false)
  Range range;

  static final class Range {
    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day of a range.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day of a range.")
    LocalDate to;
  }

  /**
   * @throws ParameterException when {@code --to} is before {@code --from}
   */
  DayRange days(CommandSpec spec) {
    if (date != null) {
      return DayRange.of(date);
    }
    if (range.to.isBefore(range.from)) {
      throw new ParameterException(spec.commandLine(), "--to " + range.to + " is before --from " + range.from);
    }
    return new DayRange(range.from, range.to);
  }
}
