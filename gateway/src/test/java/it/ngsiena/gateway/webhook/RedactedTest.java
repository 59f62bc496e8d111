package it.ngsiena.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactedTest {

    @Test
    void aReceiversUrlLosesItsQueryAndCredentialsInLogs() {
        assertThat(Redacted.url("https://ced.comune.example.it:8443/ngs/eventi?token=s3cr3t"))
                .isEqualTo("https://ced.comune.example.it:8443/ngs/eventi?…")
                .doesNotContain("s3cr3t");
        assertThat(Redacted.url("https://user:pw@ced.comune.example.it/hook"))
                .isEqualTo("https://ced.comune.example.it/hook");
        assertThat(Redacted.url("not a url at all")).isEqualTo("(a URL that cannot be read)");
    }
}
