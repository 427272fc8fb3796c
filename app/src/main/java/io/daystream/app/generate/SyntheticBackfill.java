package io.daystream.app.generate;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.datasets.load.DatasetLoader;
import io.daystream.datasets.schema.Engagement;
import io.daystream.datasets.schema.RecordJson;
import io.daystream.datasets.schema.Tweet;
import io.daystream.datasets.synthetic.EngagementSimulator;
import io.daystream.datasets.synthetic.SimulationSettings;
import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.ingestion.backfill.BackfillResult;
import io.daystream.ingestion.backfill.FileBackfill;
import io.daystream.ingestion.backfill.StagedMessage;
import io.daystream.ingestion.stream.IngestedStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Writes every day of a simulator into the bronze tables through the file backfill, so synthetic
 * records are parsed, validated and inserted exactly as loaded files are, and collects the
 * oracle's metrics of each day on the way. Writing the same settings again adds nothing.
 */
public final class SyntheticBackfill {

  /**
   * What was written, the oracle's metrics and the best past-only forecast's (see
   * {@link OracleByDay}): day, then head, then metrics.
   */
  public record Result(BackfillResult backfill, Map<LocalDate, Map<String, BinaryMetrics>> oracle,
      Map<LocalDate, Map<String, BinaryMetrics>> pastOnly) {}

  private final FileBackfill backfill;

  public SyntheticBackfill(SparkSession spark, DaystreamConfig config) {
    this.backfill = new FileBackfill(spark, config);
  }

  public Result write(EngagementSimulator simulator) throws IOException {
    SimulationSettings settings = simulator.settings();
    OracleByDay oracle = new OracleByDay();
    BackfillResult result = backfill.load("synthetic", (records, rejects) -> {
      long count = 0;
      for (int day = 0; day < settings.days(); day++) {
        for (Tweet tweet : simulator.tweets(day)) {
          records.accept(tweet);
          count++;
        }
        long[] impressions = {0};
        simulator.forEachEngagementWithForecast(day, (engagement, forecast) -> {
          oracle.add(engagement, forecast);
          records.accept(engagement);
          impressions[0]++;
        });
        count += impressions[0];
      }
      return new DatasetLoader.Summary(count, 0, 0);
    }, "synthetic:" + settings, "synthetic/" + settings, SyntheticBackfill::asMessages);
    return new Result(result, oracle.metrics(), oracle.forecastMetrics());
  }

  private static List<StagedMessage> asMessages(Object record) {
    if (record instanceof Tweet tweet) {
      return List.of(new StagedMessage(IngestedStream.TWEETS, RecordJson.of(tweet)));
    }
    return List.of(new StagedMessage(IngestedStream.ENGAGEMENTS, RecordJson.of((Engagement) record)));
  }
}
