package io.socialkpi.tables;

import java.io.Serializable;

/**
 * One lagged correlation test of a lead indicator against an objective's outcome: a row of the
 * {@code correlations} table, and its definition ({@link RowCodec} derives the columns; documented
 * in docs/TABLES.md). NaN is written as null.
 *
 * @param directionOk whether the coefficient's sign is the expected one; null without coefficient
 * @param qValue the Benjamini–Hochberg q-value, which needs every test of the run: NaN in a group's
 *     result, filled in Spark by {@code QValues}
 * @param trendDriven likewise null in a group's result, filled by {@code ObjectiveVerdicts}
 */
public record CorrelationRow(
    String objectiveId,
    String entity,
    String leadMetric,
    String outcomeMetric,
    int lag,
    String method,
    String transform,
    int n,
    double coefficient,
    double pValue,
    double ciLow,
    double ciHigh,
    String expectedDirection,
    Boolean directionOk,
    String note,
    double qValue,
    Boolean trendDriven)
    implements Serializable {}
