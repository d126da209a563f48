package io.socialkpi.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The job's version: the Maven project version, written into the jar when it is built. */
public final class JobVersion {
  private static final String VERSION = load();

  private JobVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in =
        JobVersion.class.getResourceAsStream("/io/socialkpi/version.properties")) {
      if (in == null) {
        throw new IllegalStateException("io/socialkpi/version.properties is not on the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version");
      if (v == null || v.isBlank() || v.contains("${")) {
        throw new IllegalStateException("version.properties was not filled in by Maven: " + v);
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
