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
 * @param controlEntity an entity the tactics did not reach, whose outcome is the control, or null
 * @param badLeads lead indicators that are bad news when they rise (complaints): they are expected
 *     to move against the outcome's expected direction
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
    String control,
    String controlEntity,
    List<String> badLeads)
    implements Serializable {

  /**
   * The sign a correlation of {@code lead} with the outcome should have: the expected direction's
   * sign for a good lead indicator, the opposite for a bad one.
   */
  public int expectedSign(String lead) {
    return expectedDirection.sign() * (badLeads.contains(lead) ? -1 : 1);
  }

  public String displayName() {
    return name != null ? name : id;
  }

  /** The panel series used as control for {@code entity}, or null when there is none. */
  public String controlSeries(String entity) {
    if (control != null) {
      return control;
    }
    if (controlEntity != null && !controlEntity.equals(entity)) {
      return controlEntitySeries();
    }
    return null;
  }

  /** Name of the control entity's outcome series in the panel: {@code outcome@entity}. */
  public String controlEntitySeries() {
    return controlEntity == null ? null : outcome + "@" + controlEntity;
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
