package io.socialkpi.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** URI secrets the first redaction missed (found by the review of issue 18). */
class UrisSecretsTest {
  /**
   * AWS secret access keys are base64 and often hold '/' (and '+'). Written into an s3a URI
   * unencoded (the usual mistake), the user-info regex stops at the '/' and nothing is hidden.
   */
  @Test
  void aSecretKeyHoldingASlashIsHidden() {
    String shown =
        Uris.redact(
            "cannot read 's3a://AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
                + "@bucket/pages/*.csv': no such file");
    assertThat(shown).doesNotContain("wJalrXUtnFEMI").doesNotContain("bPxRfiCYEXAMPLEKEY");
  }
}
