package io.socialkpi.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the project's shell launchers as a user would, capturing exit code and output. */
final class Launchers {
  static final Path ROOT = Path.of("").toAbsolutePath();

  record Result(int exitCode, String output) {}

  private Launchers() {}

  static Result run(Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(List.of(command)).directory(ROOT.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("SOCIALKPI_JAVA_OPTS", "-Xmx2g");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + String.join(" ", command));
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /**
   * A stand-in Spark installation whose bin/spark-submit runs the real {@code
   * org.apache.spark.deploy.SparkSubmit} from Spark's jars (no Spark distribution can be downloaded
   * here), with the JVM options Spark's own launcher adds on Java 17.
   */
  static Path fakeSparkHome(Path dir) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    String opens = System.getProperty("spark.jvm.options", "");
    String script =
        "#!/usr/bin/env bash\n"
            + "exec java -Xmx2g "
            + opens
            + " -cp \""
            + ROOT.resolve("target/lib")
            + "/*\" "
            + "org.apache.spark.deploy.SparkSubmit \"$@\"\n";
    Path submit = bin.resolve("spark-submit");
    Files.writeString(submit, script);
    submit.toFile().setExecutable(true);
    return dir;
  }
}
