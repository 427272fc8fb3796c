package io.daystream.training.experiment;

import static org.apache.spark.sql.functions.col;

import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.features.day.DayRange;
import io.daystream.training.daily.HeadJudge;
import io.daystream.training.daily.RetrainTask;
import io.daystream.training.daily.TaskExamples;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The best any model could do on each day, per head, where the data knows it (the generator's
 * true probabilities); empty maps on real data.
 */
public final class OracleBaseline {

  private OracleBaseline() {}

  public static Map<String, Map<LocalDate, BinaryMetrics>> of(RetrainTask task, HeadJudge judge, List<String> heads,
      DayRange days) {
    TaskExamples examples = task.read(days);
    Dataset<Row> cached = examples.rows().cache();
    try {
      Map<String, Map<LocalDate, BinaryMetrics>> oracle = new TreeMap<>();
      for (String head : heads) {
        Map<LocalDate, BinaryMetrics> known = new TreeMap<>();
        for (LocalDate day : days.days()) {
          if (examples.rowsOn(day) > 0) {
            judge.oracle(cached.where(col(examples.dayColumn()).equalTo(Date.valueOf(day))), head)
                .ifPresent(metrics -> known.put(day, metrics));
          }
        }
        oracle.put(head, known);
      }
      return oracle;
    } finally {
      cached.unpersist();
    }
  }
}
