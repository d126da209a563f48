package io.socialkpi.analysis;

import static io.socialkpi.tables.ReadsTable.assertReads;

import io.socialkpi.tables.CorrelationRow;
import io.socialkpi.tables.EffectRow;
import io.socialkpi.tables.LeadEvidenceRow;
import org.junit.jupiter.api.Test;

/** What the verdict reads by name are columns of the evidence tables, with their types. */
class VerdictColumnsTest {
  @Test
  void theVerdictReadsColumnsTheTablesHave() {
    assertReads(OutcomeEffect.class, EffectRow.class);
    assertReads(Verdicts.LeadEvidence.class, CorrelationRow.class);
    assertReads(LeadEvidenceRow.class, CorrelationRow.class);
  }
}
