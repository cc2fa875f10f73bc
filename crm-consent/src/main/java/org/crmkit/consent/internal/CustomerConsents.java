package org.crmkit.consent.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.crmkit.consent.ConsentPolicy;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;

/**
 * The derived current state of one customer's consents: the latest event of every scope, with its ledger sequence,
 * and beside it what a decision reads of each (channel, purpose, {@link StateFold#code code}, deadline) in flat
 * arrays, so that deciding touches no event object. An immutable snapshot, replaced as a whole on every write, so
 * readers need no lock.
 *
 * <p>It also remembers the {@link ContactView} of the customer version last decided on; the view is carried over
 * to the next snapshot. Deciding threads may race to set it, and any of their views is right for its customer
 * instance, so the field needs no lock.
 */
public final class CustomerConsents {
    /** A customer without events. */
    public static final CustomerConsents EMPTY = withoutEvents();

    private final ConsentEvent[] latest;
    private final long[] sequences;
    private final byte[] channels;
    private final Purpose[] purposes;
    private final byte[] codes;
    private final long[] deadlineSeconds;
    private final int[] deadlineNanos;
    private final Instant lastAt;
    private final boolean pointScoped;
    private ContactView view;

    private CustomerConsents(ConsentEvent[] latest, long[] sequences, Instant lastAt, boolean pointScoped,
                             ContactView view) {
        int n = latest.length;
        this.latest = latest;
        this.sequences = sequences;
        this.channels = new byte[n];
        this.purposes = new Purpose[n];
        this.codes = new byte[n];
        this.deadlineSeconds = new long[n];
        this.deadlineNanos = new int[n];
        for (int i = 0; i < n; i++) {
            ConsentEvent e = latest[i];
            channels[i] = (byte) e.scope().channel().ordinal();
            purposes[i] = e.scope().purpose();
            codes[i] = StateFold.code(e);
            Instant deadline = StateFold.deadline(e);
            deadlineSeconds[i] = deadline == null ? Long.MAX_VALUE : deadline.getEpochSecond();
            deadlineNanos[i] = deadline == null ? Integer.MAX_VALUE : deadline.getNano();
        }
        this.lastAt = lastAt;
        this.pointScoped = pointScoped;
        this.view = view;
    }

    /** A customer without events, with a view of its own to keep (for a customer decided on before any event). */
    public static CustomerConsents withoutEvents() {
        return new CustomerConsents(new ConsentEvent[0], new long[0], Instant.MIN, false, null);
    }

    /**
     * This state after the ledger entry {@code entry} about the customer: an erased entry, or the record of an
     * erasure, ends everything before it ({@link #EMPTY}: the customer's data is gone, and an id given to someone else
     * later starts with nothing); any other event becomes its scope's latest.
     */
    public CustomerConsents after(LedgerEntry entry) {
        if (entry.isErased() || entry.event() instanceof ConsentEvent.Erased) {
            return EMPTY;
        }
        return with(entry.event(), entry.sequence());
    }

    /** This state with {@code event}, appended at {@code sequence}, as its scope's latest event. */
    CustomerConsents with(ConsentEvent event, long sequence) {
        int i = indexOf(event.scope());
        ConsentEvent[] events = i >= 0 ? latest.clone() : Arrays.copyOf(latest, latest.length + 1);
        long[] seqs = i >= 0 ? sequences.clone() : Arrays.copyOf(sequences, sequences.length + 1);
        int at = i >= 0 ? i : latest.length;
        events[at] = event;
        seqs[at] = sequence;
        Instant last = event.at().isAfter(lastAt) ? event.at() : lastAt;
        return new CustomerConsents(events, seqs, last, pointScoped || event.scope().contactPoint().isPresent(),
                view);
    }

    /** Whether a {@link ContactView} is remembered. */
    boolean hasView() {
        return view != null;
    }

    /** Whether there are no events. */
    boolean isEmpty() {
        return latest.length == 0;
    }

    /** This state without the remembered view. */
    CustomerConsents withoutView() {
        return new CustomerConsents(latest, sequences, lastAt, pointScoped, null);
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

    /** Every scope's latest event, in ledger order. */
    public List<ConsentEvent> eventsInLedgerOrder() {
        Integer[] order = new Integer[latest.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> sequences[i]));
        List<ConsentEvent> result = new ArrayList<>(order.length);
        for (int i : order) {
            result.add(latest[i]);
        }
        return result;
    }

    /** The latest events that are opt-ins whose validity ended at or before {@code at}, in ledger order. */
    public List<ConsentEvent> expiredOptIns(Instant at) {
        List<ConsentEvent> result = new ArrayList<>();
        for (ConsentEvent e : eventsInLedgerOrder()) {
            byte code = StateFold.code(e);
            if ((code == StateFold.EXPLICIT_OPT_IN || code == StateFold.IMPLICIT_OPT_IN)
                    && StateFold.state(e, at) == ConsentState.EXPIRED) {
                result.add(e);
            }
        }
        return result;
    }

    /** Whether an opt-in's validity ended at or before {@code at} (an {@link #expiredOptIns} check without lists). */
    public boolean hasExpiredOptIn(Instant at) {
        for (int i = 0; i < codes.length; i++) {
            if ((codes[i] == StateFold.EXPLICIT_OPT_IN || codes[i] == StateFold.IMPLICIT_OPT_IN)
                    && state(i, at) == ConsentState.EXPIRED) {
                return true;
            }
        }
        return false;
    }

    /**
     * The position of the event that governs contact on {@code channel} for {@code purpose} at {@code point}: of
     * the point's own consent and the channel-wide one, the later recorded; -1 if neither exists.
     */
    int governingIndex(ConsentChannel channel, Purpose purpose, ContactValue point) {
        int found = -1;
        long foundSequence = -1;
        byte c = (byte) channel.ordinal();
        for (int i = 0; i < channels.length; i++) {
            Purpose p = purposes[i];
            if (channels[i] == c && (p == purpose || p.equals(purpose)) && sequences[i] > foundSequence
                    && (!pointScoped || applies(latest[i].scope(), point))) {
                found = i;
                foundSequence = sequences[i];
            }
        }
        return found;
    }

    /** The state at {@code at} of the event at position {@code i} ({@code -1}: none), by {@link StateFold}. */
    ConsentState state(int i, Instant at) {
        if (i < 0) {
            return ConsentState.NO_RECORD;
        }
        long s = at.getEpochSecond();
        boolean passed = s > deadlineSeconds[i] || s == deadlineSeconds[i] && at.getNano() >= deadlineNanos[i];
        return StateFold.state(codes[i], passed);
    }

    /**
     * The instant from which the event at position {@code i} ({@code -1}: none) no longer holds (validity end,
     * confirmation limit), if it is after {@code at}.
     */
    Optional<Instant> deadlineAfter(int i, Instant at) {
        if (i < 0 || deadlineSeconds[i] == Long.MAX_VALUE) {
            return Optional.empty();
        }
        Instant deadline = Instant.ofEpochSecond(deadlineSeconds[i], deadlineNanos[i]);
        return deadline.isAfter(at) ? Optional.of(deadline) : Optional.empty();
    }

    /** Whether the event at position {@code i} is an explicit opt-in. */
    boolean explicit(int i) {
        return codes[i] == StateFold.EXPLICIT_OPT_IN;
    }

    /** Whether the event at position {@code i} is the soft opt-in of an existing customer. */
    boolean softOptIn(int i) {
        return latest[i] instanceof ConsentEvent.OptedIn in && in.capture() == Capture.SOFT_OPT_IN_PURCHASE;
    }

    /**
     * The view of {@code customer}: the remembered one if it is of that very instance, else a new one (which takes
     * over what the remembered one knows of unchanged contact points).
     */
    ContactView view(Customer customer, ConsentPolicy policy) {
        ContactView v = view;
        if (v == null || !v.isOf(customer)) {
            v = new ContactView(customer, policy.audienceOf(customer), v);
            if (this != EMPTY) {
                view = v;
            }
        }
        return v;
    }

    private static boolean applies(ConsentScope scope, ContactValue point) {
        return scope.contactPoint().isEmpty() || point != null && scope.contactPoint().get().equals(point);
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
