package io.daystream.evaluation.outcome;

import io.daystream.features.day.TrainingWindow;

/** A window of a daily run that gave no model (too few rows, one class), and why. */
public record SkippedWindow(String version, String head, TrainingWindow window, long trainRows, long trainPositives,
    String reason) {}
