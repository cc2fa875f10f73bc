package org.crmkit.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.crmkit.customer.internal.FiguresCollector;
import org.crmkit.customer.internal.Merger;
import org.crmkit.internal.Engine;
import org.crmkit.internal.EngineHooks;
import org.crmkit.spi.Checks;
import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.NotFoundException;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.UnsupportedCapabilityException;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerErasure;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.MergeRecord;
import org.crmkit.spi.customer.Party;
import org.crmkit.spi.customer.PhoneNumber;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionErasure;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.interaction.VisitorId;
import org.crmkit.spi.storage.LockKey;

/**
 * Registers, changes, finds, de-duplicates, merges, identifies and erases customers, and shows their 360° view.
 * Obtain it from {@code Crm.customers()}.
 *
 * <p><b>Writes</b> validate first (custom attributes against the schema), then run as one atomic unit of the
 * storage that holds the customer's lock (across every engine sharing the storage): the customer store's change,
 * the moves of interactions it implies, what the consent and analytics engines keep about the customer, and the
 * outbox entries of its events commit together or not at all. A write that fails has changed nothing and written no
 * event. Events are delivered after the commit, in the order of the customer's writes ({@code Crm.events()}).
 *
 * <p><b>Merged ids</b> resolve to their survivor, through chains of merges of any length, in every lookup by id
 * ({@link #find}, {@link #get}) and in {@link #modify}, {@link #identify}, {@link #erase} and recording an
 * interaction; an operation whose meaning would change by following a merge ({@link #merge}, {@link #update}) fails
 * with {@link MergedCustomerException} naming the survivor.
 *
 * <p>Thread-safe.
 */
public final class CustomerService {
    /** The identity system under which an identified anonymous visitor's id is kept. */
    public static final String VISITOR_IDENTITY_SYSTEM = "web_visitor";

    private static final int MAX_RETRIES = 16;

    private final Engine engine;
    private final DuplicateMatcher matcher;
    private final Merger merger;

    /** Used by {@code Crm}; hosts obtain the service from there. */
    public CustomerService(Engine engine, DuplicateMatcher matcher, SurvivorshipPolicy survivorship) {
        this.engine = engine;
        this.matcher = matcher;
        this.merger = new Merger(survivorship);
    }

    /**
     * Registers a new customer with a generated id, as a prospect, created now.
     *
     * @param details sets what else is known (contact points, identities, tags, attributes, stage)
     * @throws ValidationException   if the result is invalid or an attribute does not fit the schema
     * @throws DuplicateKeyException if one of its identities is held by another customer
     */
    public Customer register(TenantId tenant, Party party, UnaryOperator<Customer.Builder> details) {
        return register(tenant, engine.ids().customerId(), party, details);
    }

    /**
     * Registers a new customer with the given id; see {@link #register(TenantId, Party, UnaryOperator)}.
     *
     * @throws DuplicateKeyException if the id or one of its identities is already held
     */
    public Customer register(TenantId tenant, CustomerId id, Party party, UnaryOperator<Customer.Builder> details) {
        Checks.notNull(details, "details");
        Customer draft = details.apply(Customer.builder(tenant, id, party, engine.clock().instant())).build();
        if (draft.version() != 0) {
            throw new ValidationException("version", "a new customer has version 0");
        }
        engine.schema().validate(draft.attributes());
        return engine.locked(tenant, id, () -> {
            Customer stored = engine.customers().create(draft);
            engine.events().write(stored.updatedAt(),
                    (eventId, at) -> new DomainEvent.CustomerCreated(eventId, tenant, at, stored));
            return stored;
        });
    }

    /**
     * Stores {@code changed}, which carries the version it was read at, stamped as updated now.
     *
     * @throws MergedCustomerException         if the customer was merged into another since it was read
     * @throws NotFoundException               if the customer does not exist
     * @throws ConcurrentModificationException if it was changed since it was read
     * @throws ValidationException             if an attribute does not fit the schema
     */
    public Customer update(Customer changed) {
        Checks.notNull(changed, "customer");
        engine.schema().validate(changed.attributes());
        return engine.locked(changed.tenant(), changed.id(), () -> {
            if (engine.customers().findById(changed.tenant(), changed.id()).isEmpty()) {
                throw notFound(changed.tenant(), changed.id(), "customer");
            }
            return store(changed);
        });
    }

    /** Stores a change of a customer whose lock the calling unit holds, with its event. */
    private Customer store(Customer changed) {
        Customer stamped = changed.toBuilder().updatedAt(later(changed, engine.clock().instant())).build();
        Customer stored = engine.customers().update(stamped);
        engine.events().write(stored.updatedAt(),
                (eventId, at) -> new DomainEvent.CustomerUpdated(eventId, stored.tenant(), at, stored));
        return stored;
    }

    /**
     * Reads the customer (following merges), applies {@code change} and stores the result, holding the customer's
     * lock; if the customer is merged away meanwhile, it follows the merge to the survivor and applies the change
     * there, and on a concurrent modification by a writer that did not take the lock it re-reads and re-applies (16
     * attempts in all). {@code change} may run more than once and must not have side effects.
     *
     * @throws NotFoundException               if the customer does not exist
     * @throws ConcurrentModificationException if every attempt met a concurrent write
     * @throws ValidationException             if the changed customer is invalid
     */
    public Customer modify(TenantId tenant, CustomerId id, UnaryOperator<Customer.Builder> change) {
        Checks.notNull(change, "change");
        return withCurrent(tenant, id, current -> {
            Customer changed = change.apply(current.toBuilder()).build();
            engine.schema().validate(changed.attributes());
            return store(changed);
        });
    }

    /**
     * Runs {@code action} on the customer {@code id} resolves to, in a unit holding its lock, re-resolving when it
     * was merged away between the lookup and the lock, and retrying on a concurrent modification.
     */
    private <T> T withCurrent(TenantId tenant, CustomerId id, Function<Customer, T> action) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            Customer seen = get(tenant, id);
            try {
                Optional<T> done = engine.locked(tenant, seen.id(), () -> engine.customers()
                        .findById(tenant, seen.id()).map(action));
                if (done.isPresent()) {
                    return done.get();
                }
                last = new NotFoundException("customer", id.value());
            } catch (ConcurrentModificationException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * Erases the person an id stands for, for good (the right to erasure): the customer the id resolves to (itself,
     * or the survivor it was merged into), the customers merged into that one (directly or through a chain of
     * merges) and their merge records, their interactions and those of the anonymous visitors they were identified
     * as, their scores and segment memberships, what the consent engine keeps of them (its memory of their contact
     * points, and the personal data of their ledger entries, whose proof stays verifiable without it; an id erased
     * and later given to someone else starts with no consent), what a caching store kept, and the events about them
     * that still wait in the outbox (their data must not leave after the erasure); then writes
     * {@link DomainEvent.CustomerErased}. The suppression list keeps its keyed hashes: that is its purpose.
     *
     * <p>One atomic unit. Idempotent: erasing an id the storage holds nothing of changes nothing, writes no event
     * and says so in the result.
     *
     * @return what was erased
     * @throws UnsupportedCapabilityException if the customer store cannot erase ({@link CustomerErasure}), the
     *                                        interaction store cannot ({@link InteractionErasure}), or consent is
     *                                        enabled and the consent store cannot; nothing is erased
     */
    public ErasureResult erase(TenantId tenant, CustomerId id) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(id, "id");
        CustomerErasure customerErasure = engine.customers().capability(CustomerErasure.class)
                .orElseThrow(() -> new UnsupportedCapabilityException("customer erasure (the customer store does "
                        + "not offer CustomerErasure)"));
        InteractionErasure interactionErasure = engine.interactions().capability(InteractionErasure.class)
                .orElseThrow(() -> new UnsupportedCapabilityException("interaction erasure (the interaction store "
                        + "does not offer InteractionErasure)"));
        SortedSet<CustomerId> merged = new TreeSet<>();
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            CustomerId target = find(tenant, id).map(Customer::id).orElse(id);
            SortedSet<CustomerId> locked = new TreeSet<>(merged);
            locked.add(target);
            try {
                Optional<ErasureResult> done = engine.locked(tenant, locked, () -> {
                    Optional<Customer> current = engine.customers().findById(tenant, target);
                    if (current.isEmpty() && engine.customers().findMergeRecord(tenant, target).isPresent()) {
                        return Optional.<ErasureResult>empty();
                    }
                    return Optional.of(eraseLocked(tenant, id, target, current, locked, customerErasure,
                            interactionErasure));
                });
                if (done.isPresent()) {
                    return done.get();
                }
            } catch (MoreLocksNeeded more) {
                merged.addAll(more.ids);
            }
        }
        throw new IllegalStateException("customer " + id.value() + " kept being merged while it was erased");
    }

    /**
     * Erases {@code target}, which {@code requested} resolved to; {@code current} as stored. The unit holds the locks
     * of {@code locked}: if the customers merged into the target are not all among them, it throws
     * {@link MoreLocksNeeded}, undoing the unit, so that the erasure starts again holding them all (the engine parts
     * that forget the merged ids lock them, and a nested unit may only name locks its outer unit holds).
     */
    private ErasureResult eraseLocked(TenantId tenant, CustomerId requested, CustomerId target,
                                      Optional<Customer> current, Set<CustomerId> locked,
                                      CustomerErasure customerErasure, InteractionErasure interactionErasure) {
        Set<ExternalIdentity> identities = new TreeSet<>(current.map(Customer::identities)
                .orElse(Collections.emptySortedSet()));
        CustomerErasure.Erased removed = customerErasure.erase(tenant, target);
        SortedSet<CustomerId> everyone = new TreeSet<>(removed.merged());
        everyone.add(target);
        if (!locked.containsAll(everyone)) {
            throw new MoreLocksNeeded(everyone);
        }
        List<Subject> subjects = new ArrayList<>();
        everyone.forEach(c -> subjects.add(Subject.customer(c)));
        identities.forEach(identity -> visitorOf(identity).ifPresent(v -> subjects.add(Subject.visitor(v))));
        long interactions = 0;
        for (Subject subject : subjects) {
            interactions += interactionErasure.erase(tenant, subject);
        }
        boolean kept = false;
        for (EngineHooks hook : engine.hooks()) {
            kept |= hook.erased(tenant, Collections.unmodifiableSortedSet(everyone));
        }
        boolean anything = removed.any() || interactions > 0 || kept;
        if (anything) {
            engine.storage().outbox().discard(subjects.stream()
                    .map(subject -> DomainEvent.orderingKey(tenant, subject.key())).toList());
            engine.events().write(engine.clock().instant(), (eventId, at) ->
                    new DomainEvent.CustomerErased(eventId, tenant, at, target, removed.merged()));
        }
        return new ErasureResult(requested, target, removed.merged(), interactions, anything);
    }

    /** The customer of that id; the survivor if it was merged away (through a chain of merges of any length). */
    public Optional<Customer> find(TenantId tenant, CustomerId id) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(id, "id");
        Optional<Customer> found = engine.customers().findById(tenant, id);
        return found.isPresent() ? found : followMerges(tenant, id);
    }

    /** The survivor at the end of the chain of merges that starts at {@code id}, a customer the store lacks. */
    private Optional<Customer> followMerges(TenantId tenant, CustomerId id) {
        Set<CustomerId> seen = new HashSet<>();
        CustomerId current = id;
        while (seen.add(current)) {
            Optional<Customer> found = engine.customers().findById(tenant, current);
            if (found.isPresent()) {
                return found;
            }
            Optional<MergeRecord> merge = engine.customers().findMergeRecord(tenant, current);
            if (merge.isEmpty()) {
                return Optional.empty();
            }
            current = merge.get().survivor();
        }
        throw new IllegalStateException("the merge records of customer " + id.value() + " form a cycle");
    }

    /**
     * Like {@link #find} but fails when there is no such customer.
     *
     * @throws NotFoundException if there is none
     */
    public Customer get(TenantId tenant, CustomerId id) {
        return find(tenant, id).orElseThrow(() -> new NotFoundException("customer", id.value()));
    }

    /**
     * The exception for a customer id the store does not hold: {@link MergedCustomerException} naming the survivor
     * if the id was merged away, else {@link NotFoundException}.
     */
    private NotFoundException notFound(TenantId tenant, CustomerId id, String role) {
        if (engine.customers().findMergeRecord(tenant, id).isEmpty()) {
            return new NotFoundException("customer", id.value());
        }
        return find(tenant, id).<NotFoundException>map(s -> new MergedCustomerException(role, id, s.id()))
                .orElseGet(() -> new NotFoundException("customer", id.value()));
    }

    /** The customer holding {@code identity}, if any. */
    public Optional<Customer> findByIdentity(TenantId tenant, ExternalIdentity identity) {
        return engine.customers().findByIdentity(Checks.notNull(tenant, "tenant"),
                Checks.notNull(identity, "identity"));
    }

    /** Customers with this e-mail address (compared normalised), ordered by id. */
    public List<Customer> findByEmail(TenantId tenant, String email) {
        return findByContactPoint(tenant, EmailAddress.parse(email));
    }

    /** Customers with this phone number, read in the configured default region, ordered by id. */
    public List<Customer> findByPhone(TenantId tenant, String phone) {
        return findByContactPoint(tenant, phoneNumber(phone));
    }

    /** Customers with this contact point (compared by normalised key), ordered by id. */
    public List<Customer> findByContactPoint(TenantId tenant, ContactValue value) {
        return engine.customers().findByContactPoint(Checks.notNull(tenant, "tenant"),
                Checks.notNull(value, "value"));
    }

    /**
     * Parses {@code raw} into E.164, reading a national number in the default region set on the builder.
     *
     * @throws ValidationException naming {@code phone} if it is not a phone number
     */
    public PhoneNumber phoneNumber(String raw) {
        return PhoneNumber.parse(raw, engine.defaultRegion());
    }

    /**
     * The probable duplicates of a customer: other customers that share a contact point with it and that the
     * configured {@link DuplicateMatcher} accepts, ordered by id.
     *
     * @throws NotFoundException if the customer does not exist
     */
    public List<DuplicateCandidate> findDuplicates(TenantId tenant, CustomerId id) {
        Customer subject = get(tenant, id);
        Map<CustomerId, Customer> candidates = new LinkedHashMap<>();
        for (ContactPoint p : subject.contactPoints()) {
            for (Customer c : engine.customers().findByContactPoint(tenant, p.value())) {
                if (!c.id().equals(subject.id())) {
                    candidates.putIfAbsent(c.id(), c);
                }
            }
        }
        List<DuplicateCandidate> result = new ArrayList<>();
        candidates.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(c -> {
            List<String> reasons = matcher.reasons(subject, c);
            if (!reasons.isEmpty()) {
                result.add(new DuplicateCandidate(c, reasons));
            }
        });
        return List.copyOf(result);
    }

    /**
     * Merges {@code mergedId} into {@code survivorId}, in one atomic unit holding both customers' locks: conflicting
     * fields are resolved by the survivorship policy, collections united, the merged customer removed (its id
     * resolves to the survivor from now on), a {@link MergeRecord} kept, its interactions moved to the survivor, its
     * consents carried over (the survivor is never allowed what either customer refused; the consent ledger records
     * it) and its scores and segment memberships dropped (the survivor's are recomputed). Events:
     * {@code CustomersMerged}, then {@code InteractionsReassigned} if any moved. A concurrent change by a writer that
     * did not take the locks is absorbed by re-reading and re-deciding (16 attempts in all).
     *
     * <p>Idempotent: merging a customer already merged into the same survivor moves any interaction still recorded
     * under its id and returns the recorded merge.
     *
     * @throws ValidationException     if both ids are the same
     * @throws MergedCustomerException if the survivor was merged away, or the merged customer was merged into
     *                                 another customer; it names where the id went
     * @throws NotFoundException       if either customer does not exist
     */
    public MergeResult merge(TenantId tenant, CustomerId survivorId, CustomerId mergedId) {
        Checks.notNull(tenant, "tenant");
        if (Checks.notNull(survivorId, "survivor").equals(Checks.notNull(mergedId, "merged"))) {
            throw new ValidationException("merged", "a customer cannot be merged into itself");
        }
        RuntimeException last = null;
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            try {
                return engine.locked(tenant, List.of(survivorId, mergedId), () -> mergeLocked(tenant, survivorId,
                        mergedId));
            } catch (ConcurrentModificationException e) {
                last = e;
            }
        }
        throw last;
    }

    private MergeResult mergeLocked(TenantId tenant, CustomerId survivorId, CustomerId mergedId) {
        Customer survivor = engine.customers().findById(tenant, survivorId)
                .orElseThrow(() -> notFound(tenant, survivorId, "survivor"));
        Optional<Customer> found = engine.customers().findById(tenant, mergedId);
        if (found.isEmpty()) {
            Optional<MergeRecord> earlier = engine.customers().findMergeRecord(tenant, mergedId);
            if (earlier.isPresent() && earlier.get().survivor().equals(survivorId)) {
                return new MergeResult(survivor, earlier.get(), reassign(tenant, Subject.customer(mergedId),
                        survivorId));
            }
            throw notFound(tenant, mergedId, "merged customer");
        }
        Customer merged = found.get();
        Merger.Merged decision = merger.merge(survivor, merged, later(survivor, engine.clock().instant()));
        Customer stored = engine.customers().merge(decision.survivor(), merged.version(), decision.record());
        engine.events().write(stored.updatedAt(), (eventId, at) ->
                new DomainEvent.CustomersMerged(eventId, tenant, at, stored, decision.record()));
        int moved = reassign(tenant, Subject.customer(mergedId), survivorId);
        engine.hooks().forEach(h -> h.merged(tenant, survivorId, mergedId, stored.updatedAt()));
        return new MergeResult(stored, decision.record(), moved);
    }

    /**
     * Identifies an anonymous visitor as a customer (following merges to the survivor): the customer gains the
     * identity {@code web_visitor:<visitor id>}, the visitor's earlier interactions move to the customer, and
     * interactions recorded for the visitor from now on are recorded for the customer. One atomic unit holding the
     * customer's and the visitor's locks. Idempotent.
     *
     * @throws NotFoundException     if the customer does not exist
     * @throws DuplicateKeyException if the visitor was identified as another customer
     */
    public Customer identify(TenantId tenant, VisitorId visitor, CustomerId customerId) {
        Checks.notNull(visitor, "visitor");
        ExternalIdentity identity = visitorIdentity(visitor);
        RuntimeException last = null;
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            Customer seen = get(tenant, customerId);
            try {
                Optional<Customer> done = engine.storage().atomically(List.of(LockKey.customer(tenant, seen.id()),
                        LockKey.visitor(tenant, visitor)), () -> engine.customers().findById(tenant, seen.id())
                        .map(current -> {
                            Customer identified = current.identities().contains(identity) ? current
                                    : store(current.toBuilder().identity(identity).build());
                            reassign(tenant, Subject.visitor(visitor), identified.id());
                            return identified;
                        }));
                if (done.isPresent()) {
                    return done.get();
                }
                last = new NotFoundException("customer", customerId.value());
            } catch (ConcurrentModificationException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * The 360° view of a customer: its profile, the newest {@code perChannel} interactions of every channel it used,
     * and figures over all its interactions. Reads every interaction of the customer once.
     *
     * @param perChannel 1 to 10,000 interactions per channel
     * @throws NotFoundException if the customer does not exist
     */
    public CustomerView view(TenantId tenant, CustomerId id, int perChannel) {
        InteractionQuery firstPage = InteractionQuery.all().newestFirst().withLimit(perChannel);
        Customer customer = get(tenant, id);
        Subject subject = Subject.customer(customer.id());
        FiguresCollector figures = new FiguresCollector();
        engine.interactionsOf(tenant, subject).forEach(figures::add);
        CustomerFigures result = figures.figures();
        TreeMap<Channel, Page<Interaction>> recent = new TreeMap<>();
        for (Channel channel : result.byChannel().keySet()) {
            recent.put(channel, engine.interactions().find(tenant, subject,
                    firstPage.withChannels(EnumSet.of(channel))));
        }
        return new CustomerView(customer, recent, result);
    }

    /**
     * The visitor an identity names, if it is a {@link #VISITOR_IDENTITY_SYSTEM} identity whose value is a visitor
     * id (a host may keep other values under that system; no visitor's interactions can be recorded under them).
     */
    private static Optional<VisitorId> visitorOf(ExternalIdentity identity) {
        if (!identity.system().equals(VISITOR_IDENTITY_SYSTEM)) {
            return Optional.empty();
        }
        try {
            return Optional.of(VisitorId.of(identity.value()));
        } catch (ValidationException notAVisitorId) {
            return Optional.empty();
        }
    }

    /** The identity under which an identified visitor is kept. */
    public static ExternalIdentity visitorIdentity(VisitorId visitor) {
        return ExternalIdentity.of(VISITOR_IDENTITY_SYSTEM, visitor.value());
    }

    /** Moves the interactions of {@code from} to {@code to}, in the calling unit, with its event. */
    private int reassign(TenantId tenant, Subject from, CustomerId to) {
        int moved = engine.interactions().reassign(tenant, from, to);
        if (moved > 0) {
            engine.events().write(engine.clock().instant(), (eventId, at) ->
                    new DomainEvent.InteractionsReassigned(eventId, tenant, at, from, to, moved));
        }
        return moved;
    }

    /** {@code now}, or the customer's last update if the clock is behind it (updates never go back in time). */
    private static Instant later(Customer c, Instant now) {
        return now.isBefore(c.updatedAt()) ? c.updatedAt() : now;
    }

    /** Thrown inside an erasure's unit, to undo it, when it must start again holding the locks of {@code ids}. */
    private static final class MoreLocksNeeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Set<CustomerId> ids;

        MoreLocksNeeded(Set<CustomerId> ids) {
            super("the erasure needs the locks of the merged customers", null, false, false);
            this.ids = ids;
        }
    }
}
