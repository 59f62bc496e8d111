package it.ngsiena.kernel.security;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The credentials of links sent by mail (confirm, unsubscribe): 192 random bits, URL-safe, so that a link can
 * neither be guessed nor derived from anything else the platform shows.
 */
public final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkTokens() {}

    public static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
