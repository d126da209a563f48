package io.socialkpi.config;

/** The way an objective's outcome is meant to move (incidents down, satisfaction up). */
public enum Direction {
  UP,
  DOWN;

  /** +1 for up, -1 for down: the sign a good effect or correlation has. */
  public int sign() {
    return this == UP ? 1 : -1;
  }

  public String key() {
    return this == UP ? "up" : "down";
  }
}
