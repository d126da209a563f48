package io.socialkpi.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@link ObjectiveSpec}s from {@code socialkpi.objectives} and checks their metric links.
 */
final class ObjectiveSpecReader {
  private static final Set<String> PERSPECTIVES =
      Set.of("financial", "customer", "internal-process", "learning-and-growth");
  private static final Set<String> PRIORITIES = Set.of("A", "B", "C");

  /** The defaults in effect: the job config's blocks over reference.conf's. */
  private final Config objectiveDefaults;

  private final Config tacticDefaults;

  /** reference.conf's blocks: the keys an objective or tactic may set. */
  private final Config knownObjective;

  private final Config knownTactic;
  private final Map<String, SourceSpec> sources;

  ObjectiveSpecReader(Config root, Config reference, Map<String, SourceSpec> sources) {
    this.objectiveDefaults = root.getConfig("socialkpi.objective-defaults");
    this.tacticDefaults = root.getConfig("socialkpi.tactic-defaults");
    this.knownObjective = reference.getConfig("socialkpi.objective-defaults");
    this.knownTactic = reference.getConfig("socialkpi.tactic-defaults");
    this.sources = sources;
  }

  ObjectiveSpec read(Section raw) {
    raw.rejectUnknownKeys(knownObjective.root());
    Section o =
        new Section(
            raw.config().withFallback(objectiveDefaults), raw.path(""), raw.file(), raw.problems());
    String id = o.requiredString("id");
    if (id != null && !id.matches(SourceSpecReader.NAME)) {
      o.problem("id", "objective ids use letters, digits, '-' and '_' only");
    }
    String perspective = o.optString("perspective");
    if (perspective != null && !PERSPECTIVES.contains(perspective)) {
      o.problem(
          "perspective",
          "unknown perspective '"
              + perspective
              + "' (one of "
              + String.join(", ", PERSPECTIVES.stream().sorted().toList())
              + ")");
    }
    String priority = o.optString("priority");
    if (priority == null || !PRIORITIES.contains(priority)) {
      o.problem("priority", "expected A, B or C, found '" + priority + "'");
    }
    String outcome = metricRef(o, "outcome", o.requiredString("outcome"));
    List<String> leads = new ArrayList<>();
    List<String> inverse = new ArrayList<>();
    readLeads(o, leads, inverse);
    String control = metricRef(o, "control", o.optString("control"));
    checkEntities(o, outcome, leads, control);
    List<Integer> lags = o.intList("lags");
    if (lags.stream().anyMatch(l -> l < 0)) {
      o.problem("lags", "lags are windows the lead indicator runs ahead: 0 or more");
    }
    if (new HashSet<>(lags).size() != lags.size()) {
      o.problem("lags", "a lag is listed twice");
    }
    return new ObjectiveSpec(
        id,
        o.optString("name"),
        o.optString("department"),
        perspective,
        priority,
        outcome,
        o.enumOf("expected-direction", Direction.class, Direction.UP),
        target(o),
        List.copyOf(leads),
        List.copyOf(lags),
        tactics(o),
        control,
        controlEntity(o, outcome, control),
        List.copyOf(inverse));
  }

  /** A qualified metric id that must name a declared source metric; null stays null. */
  private String metricRef(Section o, String key, String ref) {
    if (ref == null) {
      return null;
    }
    int dot = ref.indexOf('.');
    SourceSpec source = dot < 0 ? null : sources.get(ref.substring(0, dot));
    String name = dot < 0 ? "" : ref.substring(dot + 1);
    if (source == null || source.metrics().stream().noneMatch(m -> m.name().equals(name))) {
      List<String> known = new ArrayList<>();
      sources.values().forEach(s -> s.metrics().forEach(m -> known.add(m.id())));
      o.problem(key, "unknown metric '" + ref + "' (known: " + String.join(", ", known) + ")");
      return null;
    }
    return ref;
  }

  /** Per-entity lead indicators cannot be matched to an outcome that has no entities. */
  private void checkEntities(Section o, String outcome, List<String> leads, String control) {
    if (outcome == null || sourceOf(outcome).hasEntity()) {
      return;
    }
    List<String> others = new ArrayList<>(leads);
    if (control != null) {
      others.add(control);
    }
    for (String other : others) {
      if (sourceOf(other).hasEntity()) {
        o.problem(
            "outcome",
            "outcome '"
                + outcome
                + "' has no entity column but '"
                + other
                + "' is per entity; declare the source of '"
                + other
                + "' without `entity`");
      }
    }
  }

  /**
   * Lead indicators are written as {@code source.metric}, or as {@code { metric = source.metric,
   * polarity = bad }} for a metric that is bad news when it rises (complaints).
   */
  private void readLeads(Section o, List<String> leads, List<String> inverse) {
    if (!o.isSet("lead-indicators")) {
      return;
    }
    if (o.config().getValue("lead-indicators").valueType()
        != com.typesafe.config.ConfigValueType.LIST) {
      o.problem("lead-indicators", "expected a list of source.metric names");
      return;
    }
    List<? extends com.typesafe.config.ConfigValue> values = o.config().getList("lead-indicators");
    for (int i = 0; i < values.size(); i++) {
      String key = "lead-indicators[" + i + "]";
      com.typesafe.config.ConfigValue v = values.get(i);
      String ref;
      boolean bad = false;
      if (v instanceof ConfigObject obj) {
        Section lead = new Section(obj.toConfig(), o.path(key), o.file(), o.problems());
        ref = lead.requiredString("metric");
        String polarity = lead.optString("polarity");
        if (polarity != null && !polarity.equals("good") && !polarity.equals("bad")) {
          lead.problem("polarity", "expected good or bad, found '" + polarity + "'");
        }
        bad = "bad".equals(polarity);
      } else {
        ref = String.valueOf(v.unwrapped());
      }
      String lead = metricRef(o, key, ref);
      if (lead != null) {
        leads.add(lead);
        if (bad) {
          inverse.add(lead);
        }
      }
    }
  }

  private String controlEntity(Section o, String outcome, String control) {
    String entity = o.optString("control-entity");
    if (entity != null && control != null) {
      o.problem("control-entity", "give either control or control-entity, not both");
    }
    if (entity != null && outcome != null && !sourceOf(outcome).hasEntity()) {
      o.problem("control-entity", "the outcome '" + outcome + "' has no entity column");
    }
    return entity;
  }

  private SourceSpec sourceOf(String metric) {
    return sources.get(metric.substring(0, metric.indexOf('.')));
  }

  private static Target target(Section o) {
    if (!o.isSet("target")) {
      return null;
    }
    if (!(o.config().getValue("target") instanceof ConfigObject)) {
      o.problem("target", "expected { value = N, by = YYYY-MM-DD }");
      return null;
    }
    Section t = o.child("target");
    double value = t.number("value", Double.NaN);
    LocalDate by = t.date("by");
    if (by == null && t.problems().stream().noneMatch(p -> p.path().equals(t.path("by")))) {
      t.problem("by", "is required");
    }
    return by == null ? null : new Target(value, by);
  }

  private List<TacticSpec> tactics(Section o) {
    List<TacticSpec> tactics = new ArrayList<>();
    List<? extends ConfigObject> list;
    try {
      list = o.config().getObjectList("tactics");
    } catch (com.typesafe.config.ConfigException e) {
      o.problem("tactics", "expected a list of { id = ..., launched = YYYY-MM-DD }");
      return tactics;
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Config own = list.get(i).toConfig();
      Section raw = new Section(own, o.path("tactics[" + i + "]"), o.file(), o.problems());
      raw.rejectUnknownKeys(knownTactic.root());
      Section t =
          new Section(own.withFallback(tacticDefaults), raw.path(""), o.file(), o.problems());
      String id = t.requiredString("id");
      if (id != null && !ids.add(id)) {
        t.problem("id", "tactic '" + id + "' is listed twice");
      }
      LocalDate launched = t.date("launched");
      if (launched == null && t.optString("launched") == null) {
        t.problem("launched", "is required");
      }
      if (id != null && launched != null) {
        tactics.add(new TacticSpec(id, t.optString("name"), t.optString("channel"), launched));
      }
    }
    return List.copyOf(tactics);
  }
}
