package io.socialkpi.generate;

import java.util.EnumMap;
import java.util.Map;

/**
 * On which days one file gets its deliberately broken rows: one day per fault, drawn from the seed
 * away from the edges of the range, so the broken rows sit in the middle of the file. A duplicate
 * repeats a row remembered on an earlier day. Empty when malformed rows are switched off.
 */
final class FaultPlan {
  private final Map<Fault, Integer> days = new EnumMap<>(Fault.class);
  private int keepDay = -1;

  private FaultPlan() {}

  static FaultPlan of(GeneratorOptions o, String file, Fault... faults) {
    FaultPlan plan = new FaultPlan();
    if (!o.malformed()) {
      return plan;
    }
    Rand rand = Rand.of(o.seed(), file + "#malformed", 0, 0);
    int n = o.days();
    int from = n / 10;
    int half = n / 2;
    for (Fault f : faults) {
      if (f == Fault.DUPLICATE) {
        plan.keepDay = from + rand.nextInt(half - from);
        plan.days.put(f, half + rand.nextInt(n - n / 10 - half));
      } else {
        plan.days.put(f, from + rand.nextInt(n - 2 * from));
      }
    }
    return plan;
  }

  /** True when {@code fault} is due on {@code day}. */
  boolean at(Fault fault, int day) {
    Integer d = days.get(fault);
    return d != null && d == day;
  }

  /** True on the day whose first good row is repeated later as a duplicate. */
  boolean keepsRowOn(int day) {
    return day == keepDay;
  }
}
