package io.socialkpi.pipeline;

import io.socialkpi.source.SourceQuality;
import java.time.LocalDate;
import java.util.List;

/** What a finished run did: its date, where its tables are, and the row accounting per source. */
public record RunSummary(
    LocalDate runDate, String output, List<SourceQuality> sources, double seconds) {}
