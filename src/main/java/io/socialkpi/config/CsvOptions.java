package io.socialkpi.config;

import java.io.Serializable;

/** How a CSV source is split into fields. */
public record CsvOptions(char delimiter, boolean header, char quote, char escape)
    implements Serializable {}
