package io.socialkpi.config;

import java.io.Serializable;

/**
 * Statistical levels and comparison periods used across the evidence tables.
 *
 * @param windowsBefore windows before a launch to compare (0: all)
 * @param windowsAfter windows from the launch on to compare (0: all)
 * @param rampUpWindows windows right after a launch left out of "after"
 * @param staggered a tactic's "before" starts at the previous tactic's launch
 */
public record AnalysisSettings(
    double confidence,
    double alpha,
    int windowsBefore,
    int windowsAfter,
    int rampUpWindows,
    boolean staggered)
    implements Serializable {}
