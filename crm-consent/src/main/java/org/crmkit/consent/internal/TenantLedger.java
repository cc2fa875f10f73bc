package org.crmkit.consent.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.crmkit.consent.LedgerHead;
import org.crmkit.consent.LedgerVerification;
import org.crmkit.consent.LedgerVerification.Problem;
import org.crmkit.consent.LedgerVerification.Violation;
import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.SuppressionEntry;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.event.DomainEvent;

/**
 * What one engine remembers of one tenant's ledger and do-not-contact list: the derived state of every customer up to
 * a head, and the set of suppressed contact hashes as of a version of the list. It is a cache of the stores, never
 * ahead of what committed.
 *
 * <p><b>Sync.</b> Reads {@link #sync() sync} at most once per staleness bound: the ledger entries after the head,
 * and, if the list's version changed, the whole list. A thread that has appended in a unit not yet ended skips the
 * sync, since it would read its own uncommitted entries. No lock is held while a store is read (a store's read may
 * wait for a unit, whose commit may wait for this memory): what was read is folded in under a short lock, in
 * sequence order, skipping what another thread folded meanwhile. Entries are read a page at a time, each page
 * folded in before the next is read, so that catching up with a long ledger (loading it, at the engine's start)
 * holds one page of entries at a time, not all of them.
 *
 * <p><b>Writes</b> run in the caller's storage unit, holding the customer's lock: they read the entries after the head
 * (with the unit's own), decide on the customer's state as the unit sees it, append at the tip and retry on a
 * conflict with another writer. The memory takes in an appended entry once its unit committed.
 *
 * <p>Thread-safe: folds are serialised; reads take no lock.
 */
public final class TenantLedger {
    private static final int PAGE = 10_000;
    private static final int MAX_ATTEMPTS = 64;

    private final TenantId tenant;
    private final Seam seam;
    private final ConsentStore store;
    private final SuppressionStore list;
    /** Held while folding into the memory; never while reading a store, so that no unit ever waits for it long. */
    private final ReentrantLock foldLock = new ReentrantLock();
    /** Set by the one thread that syncs because the bound passed, so that the others go on with memory. */
    private final AtomicBoolean syncing = new AtomicBoolean();
    private final Map<CustomerId, CustomerConsents> index = new ConcurrentHashMap<>();
    private final AtomicLong suppressionVersion = new AtomicLong();
    /** Per thread, how many of its appends to this ledger wait for their unit to end. */
    private final ThreadLocal<int[]> pending = ThreadLocal.withInitial(() -> new int[1]);
    private volatile Set<Hash256> suppressed = ConcurrentHashMap.newKeySet();
    private volatile LedgerHead head = LedgerHead.EMPTY;
    private volatile long listVersion = -1;
    private volatile long syncedAt;
    private volatile long syncDue = Long.MIN_VALUE;

    private TenantLedger(TenantId tenant, Seam seam) {
        this.tenant = tenant;
        this.seam = seam;
        this.store = seam.storage().consents();
        this.list = seam.storage().suppressions();
    }

    /** The tenant's ledger and list, read from the stores. */
    public static TenantLedger load(TenantId tenant, Seam seam) {
        TenantLedger ledger = new TenantLedger(tenant, seam);
        ledger.sync();
        return ledger;
    }

    // ------------------------------------------------------------------------------------------------------ sync

    /**
     * Syncs if the last sync is older than the staleness bound (always with a bound of 0), unless another thread is
     * syncing now or the calling thread has appends in a unit not yet ended. Costs a clock read when not due.
     */
    public void syncIfDue() {
        long bound = seam.stalenessMillis();
        if (bound == 0) {
            if (pending.get()[0] == 0) {
                sync();
            }
            return;
        }
        long now = seam.clock().millis();
        if (now < syncDue && now >= syncedAt || pending.get()[0] > 0 || !syncing.compareAndSet(false, true)) {
            return;
        }
        try {
            if (now >= syncDue || now < syncedAt) {
                sync();
                syncedAt = now;
                syncDue = now + bound < now ? Long.MAX_VALUE : now + bound;
            }
        } finally {
            syncing.set(false);
        }
    }

    /** Takes in every committed ledger entry after the head, and the list if its version changed. */
    public void sync() {
        catchUp();
        long version = list.version(tenant);
        if (version != listVersion) {
            Set<Hash256> fresh = ConcurrentHashMap.newKeySet();
            Optional<String> cursor = Optional.empty();
            do {
                Page<SuppressionEntry> page = list.scan(tenant, cursor, PAGE);
                page.items().forEach(s -> fresh.add(s.contactHash()));
                cursor = page.nextCursor();
            } while (cursor.isPresent());
            foldLock.lock();
            try {
                if (listVersion < version) {
                    suppressed = fresh;
                    listVersion = version;
                    suppressionVersion.incrementAndGet();
                }
            } finally {
                foldLock.unlock();
            }
        }
    }

    /** Takes in the committed entries after the head, a page at a time, each page folded in before the next. */
    private void catchUp() {
        long after = head.sequence();
        List<LedgerEntry> page;
        do {
            page = store.read(tenant, after, PAGE);
            takeIn(page);
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).sequence();
            }
        } while (page.size() == PAGE);
    }

    private List<LedgerEntry> readAfter(long sequence) {
        List<LedgerEntry> all = new ArrayList<>();
        List<LedgerEntry> page;
        long after = sequence;
        do {
            page = store.read(tenant, after, PAGE);
            all.addAll(page);
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).sequence();
            }
        } while (page.size() == PAGE);
        return all;
    }

    /**
     * Folds consecutive entries read after some earlier head into the index, skipping those another thread took in
     * meanwhile.
     */
    private void takeIn(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        foldLock.lock();
        try {
            for (LedgerEntry e : entries) {
                if (e.sequence() == head.sequence() + 1) {
                    fold(e);
                }
            }
        } finally {
            foldLock.unlock();
        }
    }

    private void fold(LedgerEntry e) {
        index.compute(e.customer(), (id, old) -> {
            CustomerConsents next = (old == null ? CustomerConsents.EMPTY : old).after(e);
            return next == CustomerConsents.EMPTY ? null : next;
        });
        head = new LedgerHead(e.sequence(), e.hash());
    }

    /** After the unit of {@code entry} committed: takes it in, with any entry of others before it. */
    private void committed(LedgerEntry entry) {
        foldLock.lock();
        try {
            if (head.sequence() == entry.sequence() - 1) {
                fold(entry);
                return;
            }
        } finally {
            foldLock.unlock();
        }
        if (head.sequence() < entry.sequence()) {
            catchUp();
        }
    }

    // ----------------------------------------------------------------------------------------------------- reads

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
     * entry if it has no events; the consents stay.
     */
    public void forgetView(CustomerId customer) {
        CustomerConsents c = index.get(customer);
        if (c != null && c.hasView()) {
            index.computeIfPresent(customer, (id, current) -> current.isEmpty() ? null : current.withoutView());
        }
    }

    /** Forgets everything about these customers: their consents and their views. */
    public void forget(Collection<CustomerId> customers) {
        customers.forEach(index::remove);
    }

    /** The customers with an opt-in whose validity ended at or before {@code at}, as this memory knows them. */
    public List<CustomerId> withExpiredOptIns(Instant at) {
        List<CustomerId> found = new ArrayList<>();
        index.forEach((id, c) -> {
            if (c.hasExpiredOptIn(at)) {
                found.add(id);
            }
        });
        found.sort(Comparator.naturalOrder());
        return found;
    }

    public LedgerHead head() {
        return head;
    }

    /** Whether the contact hash is on the tenant's do-not-contact list. */
    public boolean isSuppressed(Hash256 contactHash) {
        return suppressed.contains(contactHash);
    }

    /**
     * A number that changes after every change of the do-not-contact list this memory takes in: a suppression looked
     * up at one version holds while the version stays the same.
     */
    public long suppressionVersion() {
        return suppressionVersion.get();
    }

    /**
     * After a unit that listed ({@code listed}) or lifted the hash committed: takes the change in. The list's
     * version read {@code before} and {@code after} it tells whether anyone else changed the list meanwhile; if so,
     * the next sync reads the whole list again.
     */
    public void listChanged(Hash256 contactHash, boolean listed, long before, long after) {
        foldLock.lock();
        try {
            if (listed) {
                suppressed.add(contactHash);
            } else {
                suppressed.remove(contactHash);
            }
            suppressionVersion.incrementAndGet();
            if (listVersion == before && after == before + 1) {
                listVersion = after;
            }
        } finally {
            foldLock.unlock();
        }
    }

    // ---------------------------------------------------------------------------------------------------- writes

    /**
     * The state of {@code customer} as the calling unit sees it: this memory's, with the entries after its head
     * (committed ones and the unit's own).
     */
    public CustomerConsents current(CustomerId customer) {
        return seen(customer).state();
    }

    private record Seen(CustomerConsents state, LedgerHead tip) {
    }

    private Seen seen(CustomerId customer) {
        LedgerHead known = head;
        CustomerConsents state = consents(customer);
        LedgerHead tip = known;
        for (LedgerEntry e : readAfter(known.sequence())) {
            if (e.customer().equals(customer)) {
                state = state.after(e);
            }
            tip = new LedgerHead(e.sequence(), e.hash());
        }
        return new Seen(state, tip);
    }

    /**
     * Appends, in the calling unit (which holds the customer's lock), the event {@code decide} returns for the
     * customer's state as the unit sees it, with its {@code ConsentChanged} event in the outbox; nothing if
     * {@code decide} returns {@code null} or throws. An entry written {@code erased} is stored in erased form at
     * once. {@code decide} is called again after a conflict with another writer.
     *
     * @return the customer's state after the append, as the unit sees it
     * @throws ValidationException             if the event is dated before the customer's latest event
     * @throws ConcurrentModificationException if other writers won every attempt
     */
    public CustomerConsents append(CustomerId customer, Function<CustomerConsents, ConsentEvent> decide,
                                   boolean erased) {
        for (int attempt = 1; ; attempt++) {
            Seen seen = seen(customer);
            ConsentEvent event = decide.apply(seen.state());
            if (event == null) {
                return seen.state();
            }
            if (event.at().isBefore(seen.state().lastAt())) {
                throw new ValidationException("evidence.capturedAt",
                        "is before the customer's latest consent event (" + seen.state().lastAt() + ")");
            }
            Instant now = seam.clock().instant();
            LedgerEntry whole = LedgerEntry.chain(tenant, seen.tip().sequence() + 1, seen.tip().hash(), customer,
                    now.isBefore(event.at()) ? event.at() : now, event, seam.salts().next());
            LedgerEntry entry = erased ? whole.withoutPersonalData() : whole;
            try {
                store.append(entry);
            } catch (ConcurrentModificationException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            appended(entry);
            ConsentState state = StateFold.changedTo(event);
            if (state != null) {
                seam.storage().outbox().append(new DomainEvent.ConsentChanged(seam.eventIds().get(), tenant,
                        entry.recordedAt(), customer, event.scope(), state));
            }
            return seen.state().after(entry);
        }
    }

    private void appended(LedgerEntry entry) {
        int[] mine = pending.get();
        mine[0]++;
        seam.storage().afterCommit(() -> {
            mine[0]--;
            committed(entry);
            seam.listener().customerChanged(tenant, entry.customer());
        });
        seam.storage().afterRollback(() -> mine[0]--);
    }

    // ---------------------------------------------------------------------------------------------------- verify

    /**
     * Reads the whole ledger from the store and checks every entry's tenant, sequence, link and hash, then that the
     * ledger reaches {@code anchor} and this memory's head with the same hashes.
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
