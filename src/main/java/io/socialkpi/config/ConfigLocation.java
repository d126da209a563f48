package io.socialkpi.config;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * Where a job config was read from: a local path, or any Hadoop URI ({@code file:}, {@code
 * hdfs://}, {@code s3a://}, ...). A relative path written in the config resolves against its
 * folder.
 *
 * @param name the config as given on the command line, for messages
 * @param uri its absolute URI (recorded in run_info)
 * @param dir its folder: a local path, or a URI when the config was read through Hadoop
 */
public record ConfigLocation(String name, String uri, String dir) implements Serializable {
  private static final String SCHEME = "^[A-Za-z][A-Za-z0-9+.-]*:.*";

  /** A local file, read with the local file system as it always was. */
  public static ConfigLocation local(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    return new ConfigLocation(
        file.toString(), abs.toUri().toString(), parent == null ? "/" : parent.toString());
  }

  /** A URI as text, a local file's as {@code file:///path} (Hadoop writes {@code file:/path}). */
  static String absolute(java.net.URI uri) {
    if ("file".equals(uri.getScheme()) && uri.getAuthority() == null) {
      return "file://" + uri.getRawPath();
    }
    return uri.toString();
  }

  /** A URI with a scheme (a Windows drive letter is a path, not a scheme). */
  public static boolean isUri(String location) {
    return location.matches(SCHEME) && !location.matches("^[A-Za-z]:[\\\\/].*");
  }

  /** {@code path} as written in the config, resolved against the config's folder. */
  public String resolve(String path) {
    if (path == null || isUri(path)) {
      return path;
    }
    if (isUri(dir)) {
      return new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(dir), path).toString();
    }
    Path p = Path.of(path);
    return (p.isAbsolute() ? p : Path.of(dir).resolve(p)).normalize().toString();
  }
}
