package io.socialkpi.analysis;

import io.socialkpi.stats.AdjustedEffect;
import io.socialkpi.stats.CounterfactualResult;
import io.socialkpi.stats.DiffInDiffResult;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Turns result records into Spark rows of {@code EvidenceSchemas}; NaN becomes null. */
final class EvidenceRows {
  private EvidenceRows() {}

  static Row group(ObjectiveEvidence.Result result) {
    List<Row> correlations = new ArrayList<>();
    for (CorrelationRow c : result.correlations()) {
      correlations.add(correlation(c));
    }
    List<Row> effects = new ArrayList<>();
    for (EffectRow e : result.effects()) {
      effects.add(effect(e));
    }
    return RowFactory.create(
        scala.jdk.javaapi.CollectionConverters.asScala(correlations).toSeq(),
        scala.jdk.javaapi.CollectionConverters.asScala(effects).toSeq(),
        summary(result.summary()));
  }

  static Row correlation(CorrelationRow c) {
    return RowFactory.create(
        c.objectiveId(),
        c.entity(),
        c.leadMetric(),
        c.outcomeMetric(),
        c.lag(),
        c.method(),
        c.transform(),
        c.n(),
        d(c.coefficient()),
        d(c.pValue()),
        d(c.ciLow()),
        d(c.ciHigh()),
        c.expectedDirection(),
        c.directionOk(),
        c.note());
  }

  static Row effect(EffectRow e) {
    DiffInDiffResult did = e.did();
    CounterfactualResult cf = e.counterfactual();
    Object[] base = {
      e.objectiveId(),
      e.entity(),
      e.tacticId(),
      e.metric(),
      e.role(),
      date(e.launched()),
      date(e.beforeStart()),
      date(e.beforeEnd()),
      date(e.afterStart()),
      date(e.afterEnd()),
      e.test().nBefore(),
      e.test().nAfter(),
      d(e.test().meanBefore()),
      d(e.test().meanAfter()),
      d(e.test().sdBefore()),
      d(e.test().sdAfter()),
      d(e.test().absChange()),
      d(e.test().relChange()),
      d(e.test().tStat()),
      d(e.test().df()),
      d(e.test().pValue()),
      d(e.test().ciLow()),
      d(e.test().ciHigh()),
      d(e.test().hedgesG()),
      d(e.test().mannWhitneyP()),
      e.test().note()
    };
    Object[] control = {
      e.controlMetric(),
      did == null ? null : d(did.estimate()),
      did == null ? null : d(did.stdError()),
      did == null ? null : d(did.pValue()),
      did == null ? null : d(did.ciLow()),
      did == null ? null : d(did.ciHigh()),
      did == null ? null : d(did.preTrendP()),
      did == null ? null : did.note(),
      cf == null ? null : d(cf.predictedMean()),
      cf == null ? null : d(cf.averageEffect()),
      cf == null ? null : d(cf.cumulativeEffect()),
      cf == null ? null : d(cf.relativeEffect()),
      cf == null ? null : d(cf.ciLow()),
      cf == null ? null : d(cf.ciHigh()),
      cf == null ? null : d(cf.pValue()),
      cf == null ? null : cf.note()
    };
    AdjustedEffect a = e.adjusted();
    Object[] adjusted = {
      a == null ? null : a.model(),
      a == null ? null : a.nPre(),
      a == null ? null : a.nPost(),
      a == null ? null : d(a.estimate()),
      a == null ? null : d(a.stdError()),
      a == null ? null : d(a.df()),
      a == null ? null : d(a.pValue()),
      a == null ? null : d(a.ciLow()),
      a == null ? null : d(a.ciHigh()),
      a == null ? null : d(a.relEffect()),
      a == null ? null : d(a.relCiLow()),
      a == null ? null : d(a.relCiHigh()),
      a == null ? null : d(a.placeboPValue()),
      a == null ? null : d(a.placeboInflation()),
      a == null ? null : a.placebos(),
      a == null ? null : a.hacLags(),
      a == null ? null : a.note()
    };
    Object[] all = java.util.Arrays.copyOf(base, base.length + control.length + adjusted.length);
    System.arraycopy(control, 0, all, base.length, control.length);
    System.arraycopy(adjusted, 0, all, base.length + control.length, adjusted.length);
    return RowFactory.create(all);
  }

  static Row summary(SummaryRow s) {
    return RowFactory.create(
        s.objectiveId(),
        s.objectiveName(),
        s.entity(),
        s.department(),
        s.perspective(),
        s.priority(),
        s.outcomeMetric(),
        s.expectedDirection(),
        s.windows(),
        date(s.latestWindow()),
        d(s.latestValue()),
        d(s.recentValue()),
        d(s.baselineValue()),
        d(s.targetValue()),
        date(s.targetDate()),
        d(s.progress()),
        s.onTrack(),
        s.headline(),
        s.controlEntity());
  }

  private static Double d(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }

  private static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }
}
