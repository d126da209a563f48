package io.socialkpi.config;

import java.io.Serializable;
import java.util.Map;

/** Spark settings used when the job builds its own session (not under spark-submit). */
public record SparkSettings(String master, String appName, Map<String, String> conf)
    implements Serializable {}
