package io.socialkpi.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A business objective: an outcome metric the business cares about, the social lead indicators
 * expected to move it, and the tactics launched for it.
 *
 * @param outcome qualified metric id ({@code source.metric})
 * @param target value and date to reach, or null
 * @param control qualified id of a metric the tactics cannot touch, or null
 */
public record ObjectiveSpec(
    String id,
    String name,
    String department,
    String perspective,
    String priority,
    String outcome,
    Direction expectedDirection,
    Target target,
    List<String> leadIndicators,
    List<Integer> lags,
    List<TacticSpec> tactics,
    String control)
    implements Serializable {

  public String displayName() {
    return name != null ? name : id;
  }

  /** Every metric this objective reads, outcome first. */
  public List<String> metrics() {
    List<String> all = new ArrayList<>();
    all.add(outcome);
    for (String lead : leadIndicators) {
      if (!all.contains(lead)) {
        all.add(lead);
      }
    }
    if (control != null && !all.contains(control)) {
      all.add(control);
    }
    return all;
  }
}
