package io.daystream.evaluation.outcome;

import java.time.LocalDate;
import java.util.List;

/** Everything one daily retraining run of a task for day D did, for the summary and the report. */
public record RetrainOutcome(String task, LocalDate evaluationDay, long evaluationRows, List<HeadOutcome> heads) {

  public RetrainOutcome {
    heads = List.copyOf(heads);
  }
}
