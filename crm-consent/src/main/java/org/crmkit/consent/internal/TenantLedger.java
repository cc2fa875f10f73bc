package org.crmkit.consent.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.crmkit.consent.LedgerHead;
import org.crmkit.consent.LedgerVerification;
import org.crmkit.consent.LedgerVerification.Problem;
import org.crmkit.consent.LedgerVerification.Violation;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.SuppressionEntry;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.CustomerId;

/**
 * One tenant's ledger as the engine holds it: the head (last sequence and hash), the derived state of every
 * customer, and the set of suppressed contact hashes. Writes are serialised by a lock (the hash chain is a single
 * sequence); reads take no lock.
 */
public final class TenantLedger {
    private static final int PAGE = 10_000;

    private final TenantId tenant;
    private final ConsentStore store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<CustomerId, CustomerConsents> index = new ConcurrentHashMap<>();
    private final Set<Hash256> suppressed = ConcurrentHashMap.newKeySet();
    private final AtomicLong suppressionVersion = new AtomicLong();
    private volatile LedgerHead head = LedgerHead.EMPTY;

    private TenantLedger(TenantId tenant, ConsentStore store) {
        this.tenant = tenant;
        this.store = store;
    }

    /** Loads the tenant's ledger and suppression list from the stores, folding every entry into the index. */
    public static TenantLedger load(TenantId tenant, ConsentStore store, SuppressionStore suppressions) {
        TenantLedger ledger = new TenantLedger(tenant, store);
        long after = 0;
        List<LedgerEntry> page;
        LedgerEntry last = null;
        do {
            page = store.read(tenant, after, PAGE);
            for (LedgerEntry e : page) {
                ledger.index.merge(e.customer(), CustomerConsents.EMPTY.with(e.event(), e.sequence()),
                        (old, fresh) -> old.with(e.event(), e.sequence()));
                last = e;
            }
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).sequence();
            }
        } while (!page.isEmpty());
        if (last != null) {
            ledger.head = new LedgerHead(last.sequence(), last.hash());
        }
        Optional<String> cursor = Optional.empty();
        do {
            Page<SuppressionEntry> entries = suppressions.scan(tenant, cursor, PAGE);
            entries.items().forEach(s -> ledger.suppressed.add(s.contactHash()));
            cursor = entries.nextCursor();
        } while (cursor.isPresent());
        return ledger;
    }

    /** The derived state of {@code customer}; {@link CustomerConsents#EMPTY} without events. */
    public CustomerConsents consents(CustomerId customer) {
        CustomerConsents c = index.get(customer);
        return c == null ? CustomerConsents.EMPTY : c;
    }

    /**
     * The derived state of {@code customer}, registering an event-less state if there is none, so that the
     * {@link ContactView} of a customer decided on without consent events is kept.
     */
    public CustomerConsents consentsForDecisions(CustomerId customer) {
        CustomerConsents c = index.get(customer);
        return c != null ? c : index.computeIfAbsent(customer, id -> CustomerConsents.withoutEvents());
    }

    /**
     * Forgets the {@link ContactView} of {@code customer} (its contact points and audience), dropping the customer's
     * entry if it has no events; the consents stay. Serialised with appends, so that none brings the view back.
     */
    public void forgetView(CustomerId customer) {
        CustomerConsents c = index.get(customer);
        if (c == null || !c.hasView()) {
            return;
        }
        lock.lock();
        try {
            index.computeIfPresent(customer, (id, current) -> current.isEmpty() ? null : current.withoutView());
        } finally {
            lock.unlock();
        }
    }

    public LedgerHead head() {
        return head;
    }

    /** Whether the contact hash is on the tenant's do-not-contact list. */
    public boolean isSuppressed(Hash256 contactHash) {
        return suppressed.contains(contactHash);
    }

    /**
     * A number that changes after every change of the do-not-contact list: a suppression looked up at one version
     * holds while the version stays the same.
     */
    public long suppressionVersion() {
        return suppressionVersion.get();
    }

    /** Adds the hash to the do-not-contact list (of the engine's memory; the store is the caller's). */
    public void suppress(Hash256 contactHash) {
        if (suppressed.add(contactHash)) {
            suppressionVersion.incrementAndGet();
        }
    }

    /** Takes the hash off the do-not-contact list (of the engine's memory; the store is the caller's). */
    public void lift(Hash256 contactHash) {
        if (suppressed.remove(contactHash)) {
            suppressionVersion.incrementAndGet();
        }
    }

    /**
     * Appends the event {@code decide} returns for the customer's current state, atomically with respect to other
     * writes of the tenant; nothing is written if {@code decide} throws or returns {@code null}.
     *
     * @return the appended entry, or empty if there was nothing to write
     * @throws ValidationException if the event is dated before the customer's latest event
     */
    public Optional<LedgerEntry> append(CustomerId customer, Instant recordedAt,
                                        Function<CustomerConsents, ConsentEvent> decide) {
        lock.lock();
        try {
            CustomerConsents current = consents(customer);
            ConsentEvent event = decide.apply(current);
            if (event == null) {
                return Optional.empty();
            }
            if (event.at().isBefore(current.lastAt())) {
                throw new ValidationException("evidence.capturedAt",
                        "is before the customer's latest consent event (" + current.lastAt() + ")");
            }
            LedgerHead h = head;
            LedgerEntry entry = LedgerEntry.chain(tenant, h.sequence() + 1, h.hash(), customer, recordedAt, event);
            store.append(entry);
            index.put(customer, current.with(event, entry.sequence()));
            head = new LedgerHead(entry.sequence(), entry.hash());
            return Optional.of(entry);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reads the whole ledger from the store and checks every entry's tenant, sequence, link and hash, then that the
     * ledger reaches {@code anchor} and this engine's own head with the same hashes.
     */
    public LedgerVerification verify(Optional<LedgerHead> anchor) {
        List<Violation> violations = new ArrayList<>();
        Map<Long, Hash256> heads = new HashMap<>();
        LedgerHead known = head;
        heads.put(known.sequence(), known.hash());
        anchor.ifPresent(a -> heads.put(a.sequence(), a.hash()));
        Map<Long, Hash256> seen = new HashMap<>();
        seen.put(0L, Hash256.ZERO);
        long expected = 1;
        long checked = 0;
        Hash256 previous = Hash256.ZERO;
        long after = 0;
        List<LedgerEntry> page;
        do {
            page = store.read(tenant, after, PAGE);
            for (LedgerEntry e : page) {
                checked++;
                if (!e.tenant().equals(tenant)) {
                    violations.add(new Violation(e.sequence(), Problem.WRONG_TENANT));
                }
                if (e.sequence() != expected) {
                    violations.add(new Violation(expected, Problem.SEQUENCE_GAP));
                }
                if (!e.previousHash().equals(previous)) {
                    violations.add(new Violation(e.sequence(), Problem.CHAIN_BROKEN));
                }
                if (!e.hashMatches()) {
                    violations.add(new Violation(e.sequence(), Problem.HASH_MISMATCH));
                }
                if (heads.containsKey(e.sequence())) {
                    seen.put(e.sequence(), e.hash());
                }
                expected = e.sequence() + 1;
                previous = e.hash();
                after = Math.max(after, e.sequence());
            }
        } while (!page.isEmpty());
        heads.forEach((sequence, hash) -> {
            if (!hash.equals(seen.get(sequence))) {
                violations.add(new Violation(sequence, Problem.HEAD_MISMATCH));
            }
        });
        violations.sort(Comparator.comparingLong(Violation::sequence));
        return new LedgerVerification(checked, violations);
    }
}
