package io.daystream.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daystream.training.registry.AliasChange;
import io.daystream.training.registry.ModelLineage;
import io.daystream.training.registry.ModelVersion;
import io.daystream.training.registry.ServingHistory;

/** How the registry commands print versions and alias changes as JSON: snake_case, ISO dates and times. */
final class RegistryJson {

  static final ObjectMapper JSON = new ObjectMapper();

  private RegistryJson() {}

  static ObjectNode version(ModelVersion v, boolean champion) {
    ModelLineage l = v.lineage();
    ObjectNode node = JSON.createObjectNode()
        .put("version", v.version())
        .put("status", v.status().label())
        .put("champion", champion)
        .put("task", l.task())
        .put("head", l.head())
        .put("window_days", l.windowDays())
        .put("train_first_day", l.trainFirstDay().toString())
        .put("train_last_day", l.trainLastDay().toString())
        .put("evaluation_day", l.evaluationDay().toString())
        .put("run_id", v.runId())
        .put("created_at", v.createdAt().toString());
    node.put("status_reason", v.statusReason().orElse(null));
    ObjectNode tables = node.putObject("table_versions");
    l.tableVersions().forEach(tables::put);
    node.put("feature_set_version", l.featureSetVersion()).put("model_family", l.modelFamily());
    ObjectNode parameters = node.putObject("parameters");
    l.parameters().forEach(parameters::put);
    node.put("seed", l.seed()).put("train_rows", l.trainRows()).put("train_positives", l.trainPositives());
    if (v.trainingTime().isPresent()) {
      node.put("training_millis", v.trainingTime().get().toMillis());
    } else {
      node.putNull("training_millis");
    }
    if (v.evaluation().isPresent()) {
      node.put("eval_rows", v.evaluation().get().rows()).put("eval_positives", v.evaluation().get().positives());
      ObjectNode metrics = node.putObject("metrics");
      v.evaluation().get().metrics().forEach(metrics::put);
    } else {
      node.putNull("eval_rows").putNull("eval_positives").putNull("metrics");
    }
    node.put("model_path", v.modelPath().orElse(null));
    return node;
  }

  static ObjectNode change(AliasChange c) {
    return JSON.createObjectNode()
        .put("generation", c.generation())
        .put("action", c.action().label())
        .put("from_version", c.fromVersion().orElse(null))
        .put("to_version", c.toVersion())
        .put("changed_by", c.changedBy())
        .put("reason", c.reason())
        .put("changed_at", c.changedAt().toString());
  }

  static ObjectNode period(ServingHistory.Period p) {
    return JSON.createObjectNode()
        .put("version", p.version())
        .put("from", p.from().toString())
        .put("until", p.until().map(Object::toString).orElse(null))
        .put("action", p.change().action().label());
  }
}
