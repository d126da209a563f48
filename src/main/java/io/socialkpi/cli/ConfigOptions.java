package io.socialkpi.cli;

import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Option;

/**
 * The options that say which job config a command reads ({@code --config}) and what it changes in
 * it ({@code --set}), shared by {@code run} and {@code validate} so both read a config the same
 * way.
 */
final class ConfigOptions {
  @Option(
      names = "--config",
      required = true,
      description = "Job config (HOCON): a path or a Hadoop URI (file:, hdfs://, s3a://, ...).")
  String config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a config key (HOCON value; repeatable), e.g. run.window=day.")
  List<String> overrides = new ArrayList<>();

  /** The settings the config and the overrides give, checked before Spark starts. */
  Settings load(Configuration hadoop) {
    return SettingsLoader.load(config, overrides, hadoop);
  }
}
