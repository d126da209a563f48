package io.socialkpi.config;

import java.io.Serializable;
import java.time.LocalDate;

/** One social activity with a launch date, e.g. a Facebook jobs tab launched 2014-03-01. */
public record TacticSpec(String id, String name, String channel, LocalDate launched)
    implements Serializable {

  public String displayName() {
    return name != null ? name : id;
  }
}
