package org.crmkit.customer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.crmkit.customer.internal.FiguresCollector;
import org.crmkit.customer.internal.Merger;
import org.crmkit.internal.Engine;
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

/**
 * Registers, changes, finds, de-duplicates, merges and identifies customers, and shows their 360° view. Obtain it
 * from {@code Crm.customers()}.
 *
 * <p>Every write validates first (custom attributes against the schema), then writes through the
 * {@link org.crmkit.spi.customer.CustomerStore}, then publishes its event; a write that fails has changed nothing and
 * published nothing. A customer's events reach the sink in the order of its writes. Ids of merged customers resolve
 * to their survivor in every lookup by id. Thread-safe.
 */
public final class CustomerService {
    /** The identity system under which an identified anonymous visitor's id is kept. */
    public static final String VISITOR_IDENTITY_SYSTEM = "web_visitor";

    private static final int MAX_RETRIES = 16;
    private static final int MAX_MERGE_CHAIN = 64;

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
        return engine.locks().with(Engine.key(tenant, id), () -> {
            Customer stored = engine.customers().create(draft);
            engine.events().publish(stored.updatedAt(),
                    (eventId, at) -> new DomainEvent.CustomerCreated(eventId, tenant, at, stored));
            return stored;
        });
    }

    /**
     * Stores {@code changed}, which carries the version it was read at, stamped as updated now.
     *
     * @throws NotFoundException               if the customer does not exist
     * @throws ConcurrentModificationException if it was changed since it was read
     * @throws ValidationException             if an attribute does not fit the schema
     */
    public Customer update(Customer changed) {
        Checks.notNull(changed, "customer");
        engine.schema().validate(changed.attributes());
        return engine.locks().with(Engine.key(changed.tenant(), changed.id()), () -> {
            Customer stamped = changed.toBuilder().updatedAt(later(changed, engine.clock().instant())).build();
            Customer stored = engine.customers().update(stamped);
            engine.events().publish(stored.updatedAt(),
                    (eventId, at) -> new DomainEvent.CustomerUpdated(eventId, stored.tenant(), at, stored));
            return stored;
        });
    }

    /**
     * Reads the customer, applies {@code change} and stores the result, re-reading and re-applying on a concurrent
     * modification by another process (up to 16 times); writers in this process are serialised per customer, so
     * they do not make each other retry. {@code change} may run more than once and must not have side effects.
     *
     * @throws NotFoundException               if the customer does not exist
     * @throws ConcurrentModificationException if every attempt met a concurrent write
     */
    public Customer modify(TenantId tenant, CustomerId id, UnaryOperator<Customer.Builder> change) {
        Checks.notNull(change, "change");
        ConcurrentModificationException last = null;
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            Customer seen = get(tenant, id);
            try {
                return engine.locks().with(Engine.key(tenant, seen.id()), () -> {
                    Customer current = engine.customers().findById(tenant, seen.id()).orElse(seen);
                    return update(change.apply(current.toBuilder()).build());
                });
            } catch (ConcurrentModificationException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * Erases a customer for good (the right to erasure): its profile, the merge records that name it (they hold its
     * data or the data of customers merged into it), its interactions and those of the anonymous visitors it was
     * identified as; then publishes {@link DomainEvent.CustomerErased}. Idempotent: erasing an absent customer
     * changes nothing and publishes nothing. Interactions go first, so an erasure cut short by a failure can be
     * repeated to completion.
     *
     * @return whether anything was erased
     * @throws UnsupportedCapabilityException if the customer store is not a {@link CustomerErasure} or the
     *                                        interaction store not an {@link InteractionErasure}; nothing is erased
     */
    public boolean erase(TenantId tenant, CustomerId id) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(id, "id");
        if (!(engine.customers() instanceof CustomerErasure customerErasure)) {
            throw new UnsupportedCapabilityException("customer erasure (" + engine.customers().getClass().getName()
                    + " does not implement CustomerErasure)");
        }
        if (!(engine.interactions() instanceof InteractionErasure interactionErasure)) {
            throw new UnsupportedCapabilityException("interaction erasure (" + engine.interactions().getClass()
                    .getName() + " does not implement InteractionErasure)");
        }
        return engine.locks().with(Engine.key(tenant, id), () -> {
            Optional<Customer> current = engine.customers().findById(tenant, id);
            int erased = interactionErasure.erase(tenant, Subject.customer(id));
            for (ExternalIdentity identity : current.map(Customer::identities)
                    .orElse(Collections.emptySortedSet())) {
                if (identity.system().equals(VISITOR_IDENTITY_SYSTEM)) {
                    erased += interactionErasure.erase(tenant, Subject.visitor(VisitorId.of(identity.value())));
                }
            }
            boolean removed = customerErasure.erase(tenant, id);
            if (removed || erased > 0) {
                engine.events().publish(engine.clock().instant(),
                        (eventId, at) -> new DomainEvent.CustomerErased(eventId, tenant, at, id));
                return true;
            }
            return false;
        });
    }

    /** The customer of that id; the survivor if it was merged away. */
    public Optional<Customer> find(TenantId tenant, CustomerId id) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(id, "id");
        CustomerId current = id;
        for (int hop = 0; hop <= MAX_MERGE_CHAIN; hop++) {
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
        return Optional.empty();
    }

    /**
     * Like {@link #find} but fails when there is no such customer.
     *
     * @throws NotFoundException if there is none
     */
    public Customer get(TenantId tenant, CustomerId id) {
        return find(tenant, id).orElseThrow(() -> new NotFoundException("customer", id.value()));
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
     * Merges {@code mergedId} into {@code survivorId}: conflicting fields are resolved by the survivorship policy,
     * collections united, the merged customer removed (its id resolves to the survivor from now on), a
     * {@link MergeRecord} kept, and its interactions moved to the survivor. Events: {@code CustomersMerged}, then
     * {@code InteractionsReassigned} if any moved. A concurrent change of either customer is absorbed by re-reading
     * and re-deciding (up to 16 times).
     *
     * <p>Idempotent: merging a customer already merged into the same survivor completes any interrupted move of
     * interactions and returns the recorded merge.
     *
     * @throws ValidationException if both ids are the same, or the merged customer was merged into another one
     * @throws NotFoundException   if either customer does not exist
     */
    public MergeResult merge(TenantId tenant, CustomerId survivorId, CustomerId mergedId) {
        Checks.notNull(tenant, "tenant");
        if (Checks.notNull(survivorId, "survivor").equals(Checks.notNull(mergedId, "merged"))) {
            throw new ValidationException("merged", "a customer cannot be merged into itself");
        }
        Optional<MergeRecord> earlier = engine.customers().findMergeRecord(tenant, mergedId);
        if (earlier.isPresent()) {
            if (!earlier.get().survivor().equals(survivorId)) {
                throw new ValidationException("merged", "was merged into " + earlier.get().survivor() + " already");
            }
            return new MergeResult(get(tenant, survivorId), earlier.get(), moveInteractions(tenant, mergedId,
                    survivorId));
        }
        ConcurrentModificationException last = null;
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            Customer survivor = engine.customers().findById(tenant, survivorId)
                    .orElseThrow(() -> new NotFoundException("customer", survivorId.value()));
            Customer merged = engine.customers().findById(tenant, mergedId)
                    .orElseThrow(() -> new NotFoundException("customer", mergedId.value()));
            Merger.Merged decision = merger.merge(survivor, merged, later(survivor, engine.clock().instant()));
            try {
                Customer stored = engine.locks().with(Engine.key(tenant, survivorId), Engine.key(tenant, mergedId),
                        () -> {
                            Customer s = engine.customers().merge(decision.survivor(), merged.version(),
                                    decision.record());
                            engine.events().publish(s.updatedAt(), (eventId, at) ->
                                    new DomainEvent.CustomersMerged(eventId, tenant, at, s, decision.record()));
                            return s;
                        });
                return new MergeResult(stored, decision.record(), moveInteractions(tenant, mergedId, survivorId));
            } catch (ConcurrentModificationException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * Identifies an anonymous visitor as a customer: the customer gains the identity
     * {@code web_visitor:<visitor id>}, the visitor's earlier interactions move to the customer, and interactions
     * recorded for the visitor from now on are recorded for the customer. Idempotent.
     *
     * @throws NotFoundException     if the customer does not exist
     * @throws DuplicateKeyException if the visitor was identified as another customer
     */
    public Customer identify(TenantId tenant, VisitorId visitor, CustomerId customerId) {
        Checks.notNull(visitor, "visitor");
        ExternalIdentity identity = visitorIdentity(visitor);
        Customer customer = get(tenant, customerId);
        if (!customer.identities().contains(identity)) {
            customer = modify(tenant, customer.id(), b -> b.identity(identity));
        }
        moveInteractions(tenant, visitor, customer.id());
        return customer;
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

    /** The identity under which an identified visitor is kept. */
    public static ExternalIdentity visitorIdentity(VisitorId visitor) {
        return ExternalIdentity.of(VISITOR_IDENTITY_SYSTEM, visitor.value());
    }

    private int moveInteractions(TenantId tenant, CustomerId from, CustomerId to) {
        return reassign(tenant, Subject.customer(from), to);
    }

    private int moveInteractions(TenantId tenant, VisitorId from, CustomerId to) {
        return reassign(tenant, Subject.visitor(from), to);
    }

    private int reassign(TenantId tenant, Subject from, CustomerId to) {
        return engine.locks().with(Engine.key(tenant, to), () -> {
            int moved = engine.interactions().reassign(tenant, from, to);
            if (moved > 0) {
                engine.events().publish(engine.clock().instant(), (eventId, at) ->
                        new DomainEvent.InteractionsReassigned(eventId, tenant, at, from, to, moved));
            }
            return moved;
        });
    }

    /** {@code now}, or the customer's last update if the clock is behind it (updates never go back in time). */
    private static java.time.Instant later(Customer c, java.time.Instant now) {
        return now.isBefore(c.updatedAt()) ? c.updatedAt() : now;
    }
}
