package io.socialkpi.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a run's settings came from: the config's location, the effective config (the job config over
 * reference.conf, with {@code --set} overrides) rendered canonically with its secrets redacted, and
 * where each key was written, so that a problem found later (a missing file or column) still names
 * its line.
 *
 * @param canonical the effective {@code socialkpi} block as JSON with sorted keys, secrets redacted
 * @param keys the file and line of every key written in the job config (or a {@code --set})
 */
public record ConfigProvenance(ConfigLocation location, String canonical, Map<String, At> keys)
    implements Serializable {
  /**
   * Keys whose values are secrets: never printed, never hashed. Matched anywhere in a key's whole
   * path, so a credential written as nested keys ({@code fs.azure.account.key.A...} unquoted) is
   * found too. Beside the words that say so, Hadoop's keys that hold a key: Azure's {@code
   * fs.azure.account.key.*}, a GCS service account's {@code private.key}, S3A's {@code
   * encryption.key}, and (as Spark's own {@code spark.redaction.regex}) {@code access.key}.
   */
  private static final Pattern SECRET =
      Pattern.compile(
          "password|passwd|secret|token|credential|(access|account|private|encryption)[._-]?key",
          Pattern.CASE_INSENSITIVE);

  public static final String REDACTED = "***";

  /** Where a key was written. */
  public record At(String file, int line) implements Serializable {}

  static ConfigProvenance of(ConfigLocation location, Config root) {
    ConfigObject effective = redact(root.getObject("socialkpi"));
    String canonical = effective.render(ConfigRenderOptions.concise());
    Map<String, At> keys = new LinkedHashMap<>();
    index(root.getObject("socialkpi"), "socialkpi", location.name(), keys);
    return new ConfigProvenance(location, canonical, Map.copyOf(keys));
  }

  /** SHA-256 of the canonical effective config, in hex. */
  public String sha256() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The effective config as HOCON, keys sorted, secrets redacted ({@code validate --print-config}).
   */
  public String hocon() {
    ConfigRenderOptions options =
        ConfigRenderOptions.defaults().setOriginComments(false).setComments(false).setJson(false);
    return ConfigFactory.parseString(canonical)
            .atKey("socialkpi")
            .root()
            .render(options)
            .stripTrailing()
        + "\n";
  }

  /** Where {@code path} (as problems name it) was written, or null if it was not. */
  public At at(String path) {
    return keys.get(path);
  }

  private static ConfigObject redact(ConfigObject block) {
    return redact("", block);
  }

  /** {@code block}, found at {@code path} ("" at the top), with its secrets redacted. */
  private static ConfigObject redact(String path, ConfigObject block) {
    ConfigObject out = block;
    for (Map.Entry<String, ConfigValue> e : block.entrySet()) {
      String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      out = out.withValue(e.getKey(), redact(key, e.getValue()));
    }
    return out;
  }

  /** {@code value}, at the whole path {@code key} ("" for a list's item), secrets redacted. */
  private static ConfigValue redact(String key, ConfigValue value) {
    if (value.valueType() == ConfigValueType.NULL) {
      return value;
    }
    if (secretKey(key)) {
      return ConfigValueFactory.fromAnyRef(REDACTED);
    }
    if (value instanceof ConfigObject o) {
      return redact(key, o);
    }
    if (value instanceof ConfigList list) {
      java.util.List<Object> items = new java.util.ArrayList<>();
      for (ConfigValue item : list) {
        items.add(redact("", item).unwrapped());
      }
      return ConfigValueFactory.fromIterable(items);
    }
    if (value.valueType() == ConfigValueType.STRING) {
      String s = (String) value.unwrapped();
      String redacted = Uris.redact(s);
      return redacted.equals(s) ? value : ConfigValueFactory.fromAnyRef(redacted);
    }
    return value;
  }

  private static void index(ConfigValue value, String path, String file, Map<String, At> keys) {
    if (value.origin() != null
        && value.origin().lineNumber() > 0
        && value.origin().resource() == null) {
      keys.put(path, new At(Origins.file(value.origin(), file), value.origin().lineNumber()));
    }
    if (value instanceof ConfigObject o) {
      for (Map.Entry<String, ConfigValue> e : o.entrySet()) {
        index(e.getValue(), path + "." + Section.quoteIfNeeded(e.getKey()), file, keys);
      }
    } else if (value instanceof ConfigList list) {
      for (int i = 0; i < list.size(); i++) {
        index(list.get(i), path + "[" + i + "]", file, keys);
      }
    }
  }

  static boolean secretKey(String key) {
    return SECRET.matcher(key.toLowerCase(Locale.ROOT)).find();
  }
}
