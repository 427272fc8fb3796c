package io.daystream.training.registry;

/**
 * A version id allocated for a candidate, and the staging folder its trainer saves the model to.
 * Nothing serves from the staging folder; {@link ModelRegistry#register} moves it into place.
 */
public record StagedModel(String version, String runId, ModelLineage lineage, String stagingPath) {}
