package io.socialkpi.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrisTest {
  @Test
  void userInfoOfEveryUriInATextIsHidden() {
    assertThat(
            Uris.redact(
                "cannot read 's3a://AKIAKEY:s3cr3t@bucket/pages/*.csv' and"
                    + " hdfs://bob@nn:8020/x"))
        .isEqualTo("cannot read 's3a://***@bucket/pages/*.csv' and hdfs://***@nn:8020/x");
  }

  @Test
  void textWithoutUserInfoIsUnchanged() {
    String plain = "file:/tmp/a@b.csv s3a://bucket/me@example.com.csv /data/x@y";
    assertThat(Uris.redact(plain)).isEqualTo(plain);
    assertThat(Uris.redact((String) null)).isNull();
  }
}
