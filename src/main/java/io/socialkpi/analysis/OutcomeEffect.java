package io.socialkpi.analysis;

import java.time.LocalDate;

/**
 * The columns of an outcome row of {@code intervention_effects} that a verdict reads, by name
 * ({@link io.socialkpi.tables.RowCodec} reads them from the row; a test checks each is a column of
 * {@link io.socialkpi.tables.EffectRow} of the same type). NaN where not available.
 */
record OutcomeEffect(
    String tacticId,
    LocalDate launched,
    double ciLow,
    double ciHigh,
    double adjEstimate,
    double adjPValue,
    double adjPlaceboPValue,
    String adjNote,
    String controlMetric,
    double didEstimate,
    double didPValue,
    double didPreTrendP) {

  TacticFinding.Evidence evidence() {
    return new TacticFinding.Evidence(
        tacticId,
        ciLow,
        ciHigh,
        adjEstimate,
        adjPValue,
        adjPlaceboPValue,
        adjNote,
        controlMetric != null,
        didEstimate,
        didPValue,
        didPreTrendP);
  }
}
