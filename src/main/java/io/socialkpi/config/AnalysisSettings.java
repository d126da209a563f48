package io.socialkpi.config;

import java.io.Serializable;

/** Statistical levels used across the evidence tables. */
public record AnalysisSettings(double confidence, double alpha) implements Serializable {}
