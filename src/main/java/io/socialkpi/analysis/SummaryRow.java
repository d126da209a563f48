package io.socialkpi.analysis;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Where one objective stands for one entity: a row of the {@code objective_summary} table.
 *
 * @param recentValue mean outcome over the last {@link ObjectiveEvidence#RECENT_WINDOWS} windows,
 *     the level progress and on-track are judged on (one window alone is too noisy)
 * @param baselineValue mean outcome before the first tactic's launch
 * @param controlEntity this entity is the objective's control entity, which the tactics missed
 */
public record SummaryRow(
    String objectiveId,
    String objectiveName,
    String entity,
    String department,
    String perspective,
    String priority,
    String outcomeMetric,
    String expectedDirection,
    int windows,
    LocalDate latestWindow,
    double latestValue,
    double recentValue,
    double baselineValue,
    double targetValue,
    LocalDate targetDate,
    double progress,
    Boolean onTrack,
    String headline,
    boolean controlEntity)
    implements Serializable {}
