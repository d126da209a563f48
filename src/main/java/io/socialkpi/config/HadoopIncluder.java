package io.socialkpi.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Resolves {@code include "other.conf"} in a config read through Hadoop: against the including
 * file's folder, on the same file system. A missing include is skipped, as HOCON has it.
 */
final class HadoopIncluder implements ConfigIncluder {
  private final Path dir;
  private final Configuration hadoop;

  HadoopIncluder(Path dir, Configuration hadoop) {
    this.dir = dir;
    this.hadoop = hadoop;
  }

  @Override
  public ConfigIncluder withFallback(ConfigIncluder fallback) {
    return this;
  }

  @Override
  public ConfigObject include(ConfigIncludeContext context, String what) {
    Path file = ConfigLocation.isUri(what) ? new Path(what) : new Path(dir, what);
    String text;
    try {
      text = SettingsLoader.read(file, hadoop);
    } catch (java.io.FileNotFoundException e) {
      if (context.parseOptions().getAllowMissing()) {
        return ConfigFactory.empty().root();
      }
      throw new ConfigException.IO(null, "include " + Uris.redact(file.toString()) + ": not found");
    } catch (IOException e) {
      throw new ConfigException.IO(
          null, "cannot read include " + Uris.redact(file.toString()) + ": " + e.getMessage(), e);
    }
    ConfigParseOptions options =
        context
            .parseOptions()
            .setOriginDescription(Uris.redact(file.toString()))
            .setIncluder(new HadoopIncluder(file.getParent(), hadoop));
    return ConfigFactory.parseString(text, options).root();
  }
}
