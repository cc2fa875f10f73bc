package org.crmkit.consent.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.customer.ContactValue;

/**
 * HMAC-SHA-256 under two keys derived from the host's key ({@code HMAC(hostKey, label)}): one signs unsubscribe
 * tokens, the other hashes suppressed contact points, so neither use can stand in for the other. Thread-safe: each
 * thread has its own {@link Mac} instances.
 */
public final class KeyedHashes {
    private static final String ALGORITHM = "HmacSHA256";

    private final ThreadLocal<Mac> tokens;
    private final ThreadLocal<Mac> contacts;

    public KeyedHashes(byte[] hostKey) {
        byte[] tokenKey = mac(hostKey).doFinal("crmkit.consent.token.v1".getBytes(StandardCharsets.US_ASCII));
        byte[] contactKey = mac(hostKey).doFinal("crmkit.consent.suppression.v1".getBytes(StandardCharsets.US_ASCII));
        this.tokens = ThreadLocal.withInitial(() -> mac(tokenKey));
        this.contacts = ThreadLocal.withInitial(() -> mac(contactKey));
    }

    /** The token signature of {@code payload}: 32 bytes. */
    public byte[] signToken(byte[] payload) {
        return tokens.get().doFinal(payload);
    }

    /** The keyed hash of a contact point: HMAC over the UTF-8 bytes of its {@link ContactValue#key()}. */
    public Hash256 contactHash(ContactValue value) {
        return Hash256.of(contacts.get().doFinal(value.key().getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform provides " + ALGORITHM, e);
        }
    }
}
