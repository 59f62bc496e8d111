package it.ngsiena.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecretSealTest {

    private static final String OLD = "2026-01=" + key(1);
    private static final String NEW = "2026-12=" + key(2);
    private static final UUID ROW = UUID.randomUUID();

    private static String key(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void aSealedSecretOpensForItsOwnRowOnlyAndHidesTheSecret() {
        SecretSeal seal = new SecretSeal(List.of(NEW));
        String secret = WebhookSignature.newSecret();
        String stored = seal.seal(ROW, secret);
        assertThat(stored).startsWith("sealed:2026-12:").doesNotContain(secret.substring("whsec_".length()));
        assertThat(seal.seal(ROW, secret)).as("a fresh nonce each time").isNotEqualTo(stored);
        assertThat(seal.open(ROW, stored)).isEqualTo(secret);
        assertThatThrownBy(() -> seal.open(UUID.randomUUID(), stored))
                .as("copied to another subscription")
                .hasMessageContaining("could not be opened");
        String altered = stored.substring(0, stored.length() - 6) + "AAAAAA";
        assertThatThrownBy(() -> seal.open(ROW, altered)).hasMessageContaining("could not be opened");
        assertThat(seal.open(ROW, "whsec_plain")).as("stored before sealing").isEqualTo("whsec_plain");
    }

    @Test
    void aRotatedKeyStillOpensWhatItSealedUntilEverythingIsSealedAgain() {
        String secret = WebhookSignature.newSecret();
        String underOld = new SecretSeal(List.of(OLD)).seal(ROW, secret);
        SecretSeal rotated = new SecretSeal(List.of(NEW, OLD));
        assertThat(rotated.open(ROW, underOld)).isEqualTo(secret);
        assertThat(rotated.sealedWithCurrentKey(underOld)).isFalse();
        String again = rotated.seal(ROW, rotated.open(ROW, underOld));
        assertThat(rotated.sealedWithCurrentKey(again)).isTrue();
        assertThatThrownBy(() -> new SecretSeal(List.of(NEW)).open(ROW, underOld))
                .hasMessageContaining("sealed with key 2026-01, which ngs.webhooks.secret-keys no longer lists");
    }

    @Test
    void keysMustBe32BytesWithIdsOfTheirOwn() {
        assertThatThrownBy(() -> new SecretSeal(List.of())).hasMessageContaining("names no key");
        assertThatThrownBy(
                        () -> new SecretSeal(List.of("k=" + Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SecretSeal(List.of(NEW, NEW))).hasMessageContaining("id of its own");
    }
}
