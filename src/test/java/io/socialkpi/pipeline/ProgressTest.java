package io.socialkpi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void progressLinesNeverShowAUriSecret() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    progress.step("locked run date 2024-03-31: s3a://AKIAKEY:s3cr3t@bucket/out/_lock");
    progress.detail("%-22s %s", "quarantine", "s3a://AKIAKEY:s3cr3t@bucket/out/quarantine");
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .doesNotContain("s3cr3t")
        .doesNotContain("AKIAKEY")
        .contains("s3a://***@bucket/out/_lock")
        .contains("s3a://***@bucket/out/quarantine");
  }
}
