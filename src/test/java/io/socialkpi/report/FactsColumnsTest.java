package io.socialkpi.report;

import static io.socialkpi.tables.ReadsTable.assertReads;

import io.socialkpi.tables.CorrelationRow;
import io.socialkpi.tables.EffectRow;
import io.socialkpi.tables.LeadEvidenceRow;
import io.socialkpi.tables.SummaryRow;
import org.junit.jupiter.api.Test;

/** The report's records read columns the evidence tables' definitions have, with their types. */
class FactsColumnsTest {
  @Test
  void theReportReadsColumnsTheTablesHave() {
    assertReads(Facts.Objective.class, SummaryRow.class);
    assertReads(Facts.Lead.class, LeadEvidenceRow.class);
    assertReads(Facts.Effect.class, EffectRow.class);
    assertReads(Facts.LagPoint.class, CorrelationRow.class);
  }
}
