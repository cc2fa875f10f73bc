package org.crmkit.consent.internal;

import java.time.Instant;
import java.util.Arrays;

import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.ContactKind;
import org.crmkit.spi.customer.ContactValue;

/**
 * The derived current state of one customer's consents: the latest event of every scope, with its ledger sequence.
 * An immutable snapshot, replaced as a whole on every write, so readers need no lock; the contact-hash memo is a
 * cache shared by the snapshots of one customer (racy but safe: each memo is immutable).
 */
public final class CustomerConsents {
    /** A customer without events. */
    public static final CustomerConsents EMPTY = withoutEvents();

    /** The keyed hash of a contact point, remembered so that decisions do not compute an HMAC each time. */
    public record PointMemo(ContactValue value, Hash256 hash) {
    }

    private final ConsentEvent[] latest;
    private final long[] sequences;
    private final byte[] channels;
    private final Purpose[] purposes;
    private final Instant lastAt;
    private final boolean pointScoped;
    private final PointMemo[] memo;

    private CustomerConsents(ConsentEvent[] latest, long[] sequences, Instant lastAt, boolean pointScoped,
                             PointMemo[] memo) {
        this.latest = latest;
        this.sequences = sequences;
        this.channels = new byte[latest.length];
        this.purposes = new Purpose[latest.length];
        for (int i = 0; i < latest.length; i++) {
            channels[i] = (byte) latest[i].scope().channel().ordinal();
            purposes[i] = latest[i].scope().purpose();
        }
        this.lastAt = lastAt;
        this.pointScoped = pointScoped;
        this.memo = memo;
    }

    /** A customer without events, with its own contact-hash memo (for a customer decided on before any event). */
    public static CustomerConsents withoutEvents() {
        return new CustomerConsents(new ConsentEvent[0], new long[0], Instant.MIN, false,
                new PointMemo[ContactKind.values().length]);
    }

    /** This state with {@code event}, appended at {@code sequence}, as its scope's latest event. */
    public CustomerConsents with(ConsentEvent event, long sequence) {
        int i = indexOf(event.scope());
        ConsentEvent[] events = i >= 0 ? latest.clone() : Arrays.copyOf(latest, latest.length + 1);
        long[] seqs = i >= 0 ? sequences.clone() : Arrays.copyOf(sequences, sequences.length + 1);
        int at = i >= 0 ? i : latest.length;
        events[at] = event;
        seqs[at] = sequence;
        Instant last = event.at().isAfter(lastAt) ? event.at() : lastAt;
        PointMemo[] shared = this == EMPTY ? new PointMemo[memo.length] : memo;
        return new CustomerConsents(events, seqs, last, pointScoped || event.scope().contactPoint().isPresent(),
                shared);
    }

    /** The instant of the customer's latest event; {@link Instant#MIN} without events. */
    public Instant lastAt() {
        return lastAt;
    }

    /** The latest event of exactly {@code scope}, or {@code null}. */
    public ConsentEvent latest(ConsentScope scope) {
        int i = indexOf(scope);
        return i < 0 ? null : latest[i];
    }

    /** Every scope's latest event, in the order scopes were first recorded. */
    public ConsentEvent[] events() {
        return latest.clone();
    }

    /**
     * The event that governs contact on {@code channel} for {@code purpose} at {@code point}: of the point's own
     * consent and the channel-wide one, the later recorded; {@code null} if neither exists.
     */
    public ConsentEvent governing(ConsentChannel channel, Purpose purpose, ContactValue point) {
        ConsentEvent found = null;
        long foundSequence = -1;
        byte c = (byte) channel.ordinal();
        for (int i = 0; i < channels.length; i++) {
            Purpose p = purposes[i];
            if (channels[i] == c && (p == purpose || p.equals(purpose)) && sequences[i] > foundSequence
                    && (!pointScoped || applies(latest[i].scope(), point))) {
                found = latest[i];
                foundSequence = sequences[i];
            }
        }
        return found;
    }

    private static boolean applies(ConsentScope scope, ContactValue point) {
        return scope.contactPoint().isEmpty() || point != null && scope.contactPoint().get().equals(point);
    }

    /** The keyed hash of {@code value}, computed by {@code hashes} at most once while it stays the same point. */
    public Hash256 contactHash(ContactValue value, KeyedHashes hashes) {
        int k = value.kind().ordinal();
        PointMemo m = memo[k];
        if (m != null && (m.value() == value || m.value().equals(value))) {
            return m.hash();
        }
        Hash256 hash = hashes.contactHash(value);
        if (this != EMPTY) {
            memo[k] = new PointMemo(value, hash);
        }
        return hash;
    }

    private int indexOf(ConsentScope scope) {
        for (int i = 0; i < latest.length; i++) {
            if (latest[i].scope().equals(scope)) {
                return i;
            }
        }
        return -1;
    }
}
