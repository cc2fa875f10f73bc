package org.crmkit.spi.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.crmkit.spi.customer.ContactValue;

/**
 * The canonical encoding of a {@link LedgerEntry} and of its personal data (both documented there) and their
 * SHA-256 digests. Thread-safe: each thread has its own buffer and digest.
 */
final class CanonicalEncoding {
    private static final byte[] MAGIC = "CKL2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PERSONAL_MAGIC = "CKP2".getBytes(StandardCharsets.US_ASCII);
    private static final ThreadLocal<CanonicalEncoding> LOCAL = ThreadLocal.withInitial(CanonicalEncoding::new);

    private final MessageDigest sha256;
    private byte[] buffer = new byte[512];
    private int size;

    private CanonicalEncoding() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** The hash of the entry: SHA-256 of its canonical encoding, which holds its personal digest. */
    static Hash256 hash(LedgerEntry entry) {
        CanonicalEncoding encoding = LOCAL.get();
        encoding.write(entry);
        return encoding.digest();
    }

    static byte[] encode(LedgerEntry entry) {
        CanonicalEncoding encoding = LOCAL.get();
        encoding.write(entry);
        return Arrays.copyOf(encoding.buffer, encoding.size);
    }

    /** The personal digest of the event: SHA-256 of the salt and the event's personal fields. */
    static Hash256 personalDigest(ConsentEvent event, Salt salt) {
        CanonicalEncoding encoding = LOCAL.get();
        encoding.writePersonal(event, salt);
        return encoding.digest();
    }

    private Hash256 digest() {
        sha256.update(buffer, 0, size);
        return Hash256.wrap(sha256.digest());
    }

    private void write(LedgerEntry e) {
        size = 0;
        bytes(MAGIC);
        int64(e.sequence());
        bytes(e.previousHash().raw());
        text(e.tenant().value());
        text(e.customer().value());
        instant(e.recordedAt());
        ConsentEvent event = e.event();
        if (event instanceof ConsentEvent.OptedIn in) {
            head(1, in);
            text(in.capture().name());
            evidence(in.evidence());
            optionalInstant(in.validUntil());
        } else if (event instanceof ConsentEvent.OptedOut out) {
            head(2, out);
            evidence(out.evidence());
        } else if (event instanceof ConsentEvent.ConfirmationRequested requested) {
            head(3, requested);
            evidence(requested.evidence());
            instant(requested.confirmBy());
        } else if (event instanceof ConsentEvent.Confirmed confirmed) {
            head(4, confirmed);
            evidence(confirmed.evidence());
            optionalInstant(confirmed.validUntil());
        } else if (event instanceof ConsentEvent.Expired expired) {
            head(5, expired);
            text(expired.capture().name());
            evidence(expired.evidence());
            instant(expired.validUntil());
        } else {
            head(6, event);
            evidence(event.evidence());
        }
        bytes(e.personalDigest().raw());
    }

    private void head(int tag, ConsentEvent event) {
        int8(tag);
        text(event.scope().channel().name());
        text(event.scope().purpose().name());
    }

    /** The evidence without its personal part (the source's reference and the proof). */
    private void evidence(Evidence evidence) {
        text(evidence.source().kind().name());
        instant(evidence.capturedAt());
        int8(evidence.wording().isPresent() ? 1 : 0);
        evidence.wording().ifPresent(w -> {
            text(w.version());
            optionalText(w.text());
        });
    }

    /** The personal encoding: see {@link PersonalFields} for what is personal. */
    private void writePersonal(ConsentEvent event, Salt salt) {
        size = 0;
        bytes(PERSONAL_MAGIC);
        bytes(salt.raw());
        Optional<ContactValue> point = event.scope().contactPoint();
        int8(point.isPresent() ? 1 : 0);
        point.ifPresent(p -> text(p.key()));
        Evidence evidence = event.evidence();
        text(evidence.source().reference());
        int8(evidence.proof().isPresent() ? 1 : 0);
        evidence.proof().ifPresent(p -> {
            optionalText(p.ipAddress());
            optionalText(p.userAgent());
        });
    }

    private void optionalText(Optional<String> value) {
        int8(value.isPresent() ? 1 : 0);
        value.ifPresent(this::text);
    }

    private void optionalInstant(Optional<Instant> value) {
        int8(value.isPresent() ? 1 : 0);
        value.ifPresent(this::instant);
    }

    private void instant(Instant instant) {
        int64(instant.getEpochSecond());
        int32(instant.getNano());
    }

    /** The text as its UTF-8 length and bytes; ASCII text (the usual case) is copied without an array of its own. */
    private void text(String value) {
        int length = value.length();
        ensure(4 + length);
        byte[] b = buffer;
        int at = size + 4;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                text(value.getBytes(StandardCharsets.UTF_8));
                return;
            }
            b[at + i] = (byte) c;
        }
        int32(length);
        size += length;
    }

    private void text(byte[] utf8) {
        int32(utf8.length);
        bytes(utf8);
    }

    private void bytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, buffer, size, value.length);
        size += value.length;
    }

    private void int8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    private void int32(int value) {
        ensure(4);
        byte[] b = buffer;
        int at = size;
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
        size = at + 4;
    }

    private void int64(long value) {
        int32((int) (value >>> 32));
        int32((int) value);
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
