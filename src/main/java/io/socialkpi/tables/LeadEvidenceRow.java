package io.socialkpi.tables;

import java.io.Serializable;

/**
 * A lead indicator's best lag: an element of {@code objective_summary.lead_evidence}, and its
 * definition (docs/TABLES.md lists the struct's fields).
 */
public record LeadEvidenceRow(
    String leadMetric,
    int lag,
    String method,
    String transform,
    double coefficient,
    double qValue,
    Boolean trendDriven)
    implements Serializable {}
