package io.daystream.evaluation.outcome;

import io.daystream.evaluation.metrics.BinaryMetrics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The live quality of one model on one day or hour: its scores of candidates against whether
 * the impression that followed was engaged with.
 *
 * @param hour the UTC hour the impressions fell in; empty for the whole day
 * @param role {@code champion} (served) or {@code shadow} (scored beside it, not served)
 */
public record LiveMetric(LocalDate day, Optional<Instant> hour, String head, String role, String version,
    BinaryMetrics metrics) {}
