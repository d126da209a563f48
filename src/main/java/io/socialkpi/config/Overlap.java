package io.socialkpi.config;

import java.io.Serializable;
import java.util.List;

/**
 * What a source does with rows of several files that stand for the same thing: consecutive exports
 * of overlapping periods (Facebook's page export, one file per period exported) repeat days, whose
 * values a later export may have revised.
 *
 * @param keep {@link Keep#ALL}: every row counts; {@link Keep#NEWEST}: a row counts only from the
 *     newest file holding its key
 * @param key columns that, with the row's time and entity, name what a row stands for (a post
 *     export: the post's id); empty: the time and entity alone
 */
public record Overlap(Keep keep, List<String> key) implements Serializable {
  /** Every row counts: the default, right for events such as orders, tickets and posts. */
  public static final Overlap ALL = new Overlap(Keep.ALL, List.of());

  /** The rule for rows of several files with the same key. */
  public enum Keep {
    ALL,
    NEWEST
  }

  public boolean newest() {
    return keep == Keep.NEWEST;
  }
}
