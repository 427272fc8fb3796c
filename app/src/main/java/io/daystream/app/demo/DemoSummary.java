package io.daystream.app.demo;

import io.daystream.evaluation.outcome.RetrainOutcome;
import io.daystream.evaluation.report.RetrainText;
import java.util.List;
import java.util.Locale;

/** What a demo run produced, and how it reads on a terminal. */
public record DemoSummary(
    RetrainOutcome retrain,
    String reportPath,
    long tweetRows,
    long engagementRows,
    long quarantinedRows,
    Scoring scoring,
    String topNPath) {

  /** The streaming scorer's output for the new tweets. */
  public record Scoring(long scoredRows, long users, long tweets, List<String> modelVersions) {}

  public String render() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "Lake: %d tweets, %d engagements, %d quarantined%n",
        tweetRows, engagementRows, quarantinedRows));
    text.append('\n').append(RetrainText.of(retrain));
    if (scoring.scoredRows() == 0) {
      text.append(String.format(Locale.ROOT, "%nNo champion passed the promotion thresholds: new tweets were not scored.%n"));
    } else {
      text.append(String.format(Locale.ROOT, "%nScored %d new tweets for %d users: %d scores by %s%n",
          scoring.tweets(), scoring.users(), scoring.scoredRows(), String.join(", ", scoring.modelVersions())));
    }
    text.append("Top-N table: ").append(topNPath).append('\n');
    text.append("Report: ").append(reportPath).append('\n');
    return text.toString();
  }
}
