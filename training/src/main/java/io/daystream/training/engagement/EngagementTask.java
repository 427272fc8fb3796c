package io.daystream.training.engagement;

import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.features.day.DayRange;
import io.daystream.features.engagement.EngagementColumns;
import io.daystream.features.engagement.EngagementExamples;
import io.daystream.training.daily.RetrainTask;
import io.daystream.training.daily.TaskExamples;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The engagement task of the RecSys Challenge 2020: will this user like, reply to, retweet, quote this tweet. */
public final class EngagementTask implements RetrainTask {

  public static final String NAME = "engagement";

  /** The heads, in the challenge's order. */
  public static final List<String> HEADS = List.of("like", "reply", "retweet", "quote");

  private final SparkSession spark;
  private final Lake lake;

  public EngagementTask(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> heads() {
    return HEADS;
  }

  @Override
  public String labelColumn(String head) {
    return EngagementColumns.labelOf(head);
  }

  @Override
  public List<java.time.LocalDate> materializedDays(DayRange days) {
    return new EngagementExamples(spark, lake).materializedDays(days);
  }

  @Override
  public TaskExamples read(DayRange days) {
    EngagementExamples.ExampleDays read = new EngagementExamples(spark, lake).between(days);
    return new TaskExamples(read.rows(), EngagementColumns.EVENT_DATE,
        Map.of(LakeTable.ENGAGEMENT_EXAMPLES.folder(), read.tableVersion()), read.featureSetVersion(),
        read.rowsByDay());
  }
}
