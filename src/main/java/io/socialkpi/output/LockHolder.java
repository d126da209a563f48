package io.socialkpi.output;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Who holds a run lock: the process (host, pid and when it started) and when it took the lock. Kept
 * as {@code key=value} lines in the lock file so an operator can read it with {@code cat}.
 *
 * <p>{@code bootId} and {@code pidNamespace} identify the pid space on Linux: two containers may
 * share a host name or a pid number, but a pid can only be checked for life from the same boot of
 * the same kernel and the same pid namespace.
 *
 * @param processStart when the holder's process started, or null when the OS does not say; a live
 *     process with the same pid but another start time is a different process (the pid was reused)
 * @param bootId Linux boot id, or null elsewhere
 * @param pidNamespace Linux pid namespace of the holder ({@code pid:[4026531836]}), or null
 */
public record LockHolder(
    String host,
    long pid,
    Instant processStart,
    Instant acquiredAt,
    String bootId,
    String pidNamespace) {

  /** The process running this code, taking a lock at {@code now}. */
  public static LockHolder current(Instant now) {
    ProcessHandle self = ProcessHandle.current();
    return new LockHolder(
        hostName(),
        self.pid(),
        self.info().startInstant().orElse(null),
        now,
        firstLine(Path.of("/proc/sys/kernel/random/boot_id")),
        link(Path.of("/proc/self/ns/pid")));
  }

  /** The lock file's text. */
  public String toText() {
    StringBuilder s = new StringBuilder();
    s.append("host=").append(host).append('\n');
    s.append("pid=").append(pid).append('\n');
    s.append("process_start=").append(processStart == null ? "" : processStart).append('\n');
    s.append("acquired_at=").append(acquiredAt).append('\n');
    s.append("boot_id=").append(bootId == null ? "" : bootId).append('\n');
    s.append("pid_namespace=").append(pidNamespace == null ? "" : pidNamespace).append('\n');
    return s.toString();
  }

  /**
   * Parses a lock file's text; empty when it is not a complete lock (a holder killed mid-write).
   */
  public static Optional<LockHolder> parse(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
      return Optional.of(
          new LockHolder(
              required(p, "host"),
              Long.parseLong(required(p, "pid")),
              instant(p.getProperty("process_start")),
              Objects.requireNonNull(instant(required(p, "acquired_at"))),
              blankToNull(p.getProperty("boot_id")),
              blankToNull(p.getProperty("pid_namespace"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** For messages: "pid 1234 on host vm (started 2026-11-23T07:41:00Z)". */
  public String describe() {
    return "pid "
        + pid
        + " on host "
        + host
        + (processStart == null ? "" : " (process started " + processStart + ")");
  }

  /** A pid of {@code other} can be checked from this process: same kernel boot and pid space. */
  boolean sharesPidSpaceWith(LockHolder other) {
    if (bootId != null && other.bootId != null) {
      return bootId.equals(other.bootId) && Objects.equals(pidNamespace, other.pidNamespace);
    }
    return bootId == null && other.bootId == null && host.equals(other.host);
  }

  /** The holder's process still runs: same pid, and the same start time when both are known. */
  boolean processAlive() {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return false;
    }
    Optional<Instant> started = handle.get().info().startInstant();
    if (processStart == null || started.isEmpty()) {
      return true;
    }
    return Duration.between(processStart, started.get()).abs().compareTo(Duration.ofSeconds(1)) < 0;
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("no " + key);
    }
    return v.trim();
  }

  private static Instant instant(String s) {
    try {
      return s == null || s.isBlank() ? null : Instant.parse(s.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "unknown-host" : env;
    }
  }

  private static String firstLine(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String link(Path file) {
    try {
      return Files.readSymbolicLink(file).toString();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
