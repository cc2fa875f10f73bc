package org.crmkit.consent.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

import org.crmkit.consent.InvalidTokenException;
import org.crmkit.consent.InvalidTokenException.Reason;
import org.crmkit.consent.UnsubscribeToken;
import org.crmkit.spi.CrmException;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.CustomerId;

/**
 * Signs and checks unsubscribe tokens (format in {@link UnsubscribeToken}). The signature is checked before the
 * payload is read, in constant time ({@link MessageDigest#isEqual}). Each part must be canonical base64url (no
 * padding, unused trailing bits zero), so no two texts carry the same token. Thread-safe.
 */
public final class TokenCodec {
    /** Longer texts are refused unread. */
    public static final int MAX_LENGTH = 1024;
    private static final int SIGNATURE_LENGTH = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final KeyedHashes keys;

    public TokenCodec(KeyedHashes keys) {
        this.keys = keys;
    }

    public String issue(UnsubscribeToken claims) {
        byte[] payload = ("1|" + claims.tenant().value() + "|" + claims.customer().value() + "|"
                + claims.channel().name() + "|" + claims.purpose().name() + "|"
                + claims.expiresAt().getEpochSecond()).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(keys.signToken(payload));
    }

    /**
     * The claims of a genuine, unexpired token.
     *
     * @throws InvalidTokenException if it is malformed, forged or expired at {@code now}
     */
    public UnsubscribeToken verify(String token, Instant now) {
        if (token.length() > MAX_LENGTH) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.') || dot == token.length() - 1) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        byte[] payload = decode(token.substring(0, dot));
        byte[] signature = decode(token.substring(dot + 1));
        if (signature.length != SIGNATURE_LENGTH) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        if (!MessageDigest.isEqual(keys.signToken(payload), signature)) {
            throw new InvalidTokenException(Reason.FORGED);
        }
        UnsubscribeToken claims = parse(new String(payload, StandardCharsets.UTF_8));
        if (!now.isBefore(claims.expiresAt())) {
            throw new InvalidTokenException(Reason.EXPIRED);
        }
        return claims;
    }

    private static byte[] decode(String part) {
        if (part.endsWith("=")) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        if (!ENCODER.encodeToString(bytes).equals(part)) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        return bytes;
    }

    private static UnsubscribeToken parse(String payload) {
        String[] parts = payload.split("\\|", -1);
        if (parts.length != 6 || !parts[0].equals("1")) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        try {
            return new UnsubscribeToken(TenantId.of(parts[1]), CustomerId.of(parts[2]),
                    ConsentChannel.valueOf(parts[3]), Purpose.of(parts[4]),
                    Instant.ofEpochSecond(Long.parseLong(parts[5])));
        } catch (CrmException | IllegalArgumentException | DateTimeException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
    }
}
