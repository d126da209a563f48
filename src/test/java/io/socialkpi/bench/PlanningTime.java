package io.socialkpi.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.QueryPlanningTracker;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;

/**
 * Spark's planning cost over a run: the parsing, analysis, optimisation and physical planning
 * phases of every query that ran an action, as Spark's own {@link QueryPlanningTracker} timed them.
 * Read it after the session stopped, when the listener bus has delivered every event.
 */
final class PlanningTime implements QueryExecutionListener {
  private final AtomicLong millis = new AtomicLong();
  private final AtomicLong queries = new AtomicLong();

  static PlanningTime register(SparkSession spark) {
    PlanningTime listener = new PlanningTime();
    spark.listenerManager().register(listener);
    return listener;
  }

  @Override
  public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
    add(qe);
  }

  @Override
  public void onFailure(String funcName, QueryExecution qe, Exception exception) {
    add(qe);
  }

  private void add(QueryExecution qe) {
    queries.incrementAndGet();
    scala.jdk.javaapi.CollectionConverters.asJava(qe.tracker().phases())
        .values()
        .forEach(p -> millis.addAndGet(p.durationMs()));
  }

  double seconds() {
    return millis.get() / 1000.0;
  }

  long queries() {
    return queries.get();
  }
}
