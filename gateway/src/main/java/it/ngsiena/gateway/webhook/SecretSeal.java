package it.ngsiena.gateway.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signing secrets at rest: sealed with AES-256-GCM under a key of {@code ngs.webhooks.secret-keys}
 * (env {@code NGS_WEBHOOKS_SECRET_KEYS}: {@code <id>=<32 bytes in base64>}, comma-separated, from a secret of
 * the deployment), bound to their subscription's id, so a database dump or backup alone yields no secret,
 * and a sealed secret copied to another row does not open. The first key seals; the others only open, so
 * a key is rotated by putting a new one first: at its next start the gateway seals every secret again under
 * it ({@link SecretResealing}), and the old key can then be dropped. A value stored before sealing (a plain
 * {@code whsec_...}) is read as it is and sealed at the next start.
 */
@ApplicationScoped
public class SecretSeal {

    private static final String PREFIX = "sealed:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private record Key(String id, SecretKeySpec key) {}

    private final List<Key> keys;
    private final SecureRandom random = new SecureRandom();

    @Inject
    SecretSeal(WebhooksConfig config) {
        this(config.secretKeys());
    }

    SecretSeal(List<String> configured) {
        List<Key> parsed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String entry : configured) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String id = equals > 0 ? entry.substring(0, equals).strip() : "";
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(equals + 1).strip());
            } catch (IllegalArgumentException e) {
                key = new byte[0];
            }
            if (id.isEmpty() || id.contains(":") || key.length != 32 || !ids.add(id)) {
                throw new IllegalArgumentException("ngs.webhooks.secret-keys: each entry is <id>=<32 bytes in base64>"
                        + " with an id of its own (e.g. 2026-12=$(openssl rand -base64 32))");
            }
            parsed.add(new Key(id, new SecretKeySpec(key, "AES")));
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException(
                    "ngs.webhooks.secret-keys (NGS_WEBHOOKS_SECRET_KEYS) names no key to seal webhook secrets with");
        }
        this.keys = List.copyOf(parsed);
    }

    /** The secret sealed under the current key, for the subscription {@code id}. */
    String seal(UUID id, String secret) {
        Key key = keys.get(0);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, iv, id, secret.getBytes(StandardCharsets.UTF_8));
        byte[] stored = ByteBuffer.allocate(iv.length + sealed.length)
                .put(iv)
                .put(sealed)
                .array();
        return PREFIX + key.id() + ":" + Base64.getEncoder().encodeToString(stored);
    }

    /** The secret a stored value holds (a value from before sealing is the secret itself). */
    String open(UUID id, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        String[] parts = stored.substring(PREFIX.length()).split(":", 2);
        Key key = keys.stream()
                .filter(k -> k.id().equals(parts[0]))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("a webhook secret is sealed with key " + parts[0]
                        + ", which ngs.webhooks.secret-keys no longer lists"));
        byte[] bytes = Base64.getDecoder().decode(parts[1]);
        byte[] iv = java.util.Arrays.copyOf(bytes, IV_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(bytes, IV_BYTES, bytes.length);
        return new String(crypt(Cipher.DECRYPT_MODE, key, iv, id, sealed), StandardCharsets.UTF_8);
    }

    /** Whether a stored value is sealed under the current key (else it is sealed again at the next start). */
    boolean sealedWithCurrentKey(String stored) {
        return stored == null || stored.startsWith(PREFIX + keys.get(0).id() + ":");
    }

    private static byte[] crypt(int mode, Key key, byte[] iv, UUID id, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(id.toString().getBytes(StandardCharsets.UTF_8)); // opens only for its own row
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "a webhook secret could not be "
                            + (mode == Cipher.ENCRYPT_MODE
                                    ? "sealed"
                                    : "opened (altered, or sealed for another subscription)"),
                    e);
        }
    }
}
