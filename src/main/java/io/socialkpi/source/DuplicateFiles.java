package io.socialkpi.source;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds files of a source that hold the same bytes as another of its files (an export downloaded
 * twice, {@code orders.csv} and {@code orders (1).csv} both matched by a glob), before Spark
 * starts. Only files of exactly equal size are read and compared by SHA-256, so the usual source,
 * whose files all differ in size, costs one listing and no reads.
 */
final class DuplicateFiles {
  private DuplicateFiles() {}

  /**
   * Each file whose bytes equal those of an earlier file (in {@code files} order), mapped to that
   * earlier file; empty files are left out (they have no rows to count twice).
   */
  static Map<String, String> find(List<String> files, FileSystem fs) throws IOException {
    Map<Long, List<String>> bySize = new TreeMap<>();
    for (String file : files) {
      long size = fs.getFileStatus(new Path(file)).getLen();
      if (size > 0) {
        bySize.computeIfAbsent(size, s -> new ArrayList<>()).add(file);
      }
    }
    Map<String, String> duplicates = new LinkedHashMap<>();
    for (List<String> sameSize : bySize.values()) {
      if (sameSize.size() < 2) {
        continue;
      }
      Map<String, String> firstByHash = new LinkedHashMap<>();
      for (String file : sameSize) {
        String first = firstByHash.putIfAbsent(sha256(fs, new Path(file)), file);
        if (first != null) {
          duplicates.put(file, first);
        }
      }
    }
    return duplicates;
  }

  private static String sha256(FileSystem fs, Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = fs.open(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
