package io.daystream.evaluation.outcome;

import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.features.day.TrainingWindow;

/** One model of a daily run: its window, how many rows it learned from, how it did on day D. */
public record WindowResult(String version, String head, TrainingWindow window, long trainRows, BinaryMetrics metrics) {}
