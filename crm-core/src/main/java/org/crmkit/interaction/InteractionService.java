package org.crmkit.interaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.crmkit.customer.CustomerService;
import org.crmkit.internal.Engine;
import org.crmkit.spi.Checks;
import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.NotFoundException;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.interaction.AppendResult;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.storage.LockKey;

/**
 * Records and reads interactions. Obtain it from {@code Crm.interactions()}.
 * Thread-safe.
 */
public final class InteractionService {
    /** The most interactions {@link #recordAll} takes at once. */
    public static final int MAX_BATCH = 10_000;

    private static final int MAX_RETRIES = 16;

    private final Engine engine;
    private final CustomerService customers;

    /** Used by {@code Crm}; hosts obtain the service from there. */
    public InteractionService(Engine engine, CustomerService customers) {
        this.engine = engine;
        this.customers = customers;
    }

    /** A fresh interaction id from the engine's seeded id source. */
    public InteractionId newId() {
        return engine.ids().interactionId();
    }

    /**
     * Records an interaction, stamped as recorded now. The subject is resolved first: a customer merged away (through
     * any chain of merges) is replaced by its survivor, and an anonymous visitor who was identified
     * ({@link CustomerService#identify}) by that customer. The append, its {@code InteractionRecorded} event and
     * what live scoring derives from it are one atomic unit holding the subject's lock, in which the subject is
     * checked again: a merge or identification that wins the race is followed, so the interaction never lands under
     * an id that was merged away. Idempotent on (tenant, source, external id): recording the same key again stores
     * nothing, writes no event and returns {@link AppendResult.Duplicate} with the stored interaction.
     *
     * @throws NotFoundException     if the subject is a customer that does not exist
     * @throws DuplicateKeyException if its id is held by an interaction with another idempotency key
     */
    public AppendResult record(Interaction interaction) {
        Checks.notNull(interaction, "interaction");
        TenantId tenant = interaction.tenant();
        Subject given = interaction.subject();
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            Subject subject = attempt == 0 && given instanceof Subject.Known ? given : resolve(tenant, given);
            Optional<AppendResult> done = engine.storage().atomically(locks(tenant, given, subject),
                    () -> stillResolvesTo(tenant, given, subject)
                            ? Optional.of(append(interaction, subject, engine.clock().instant())) : Optional.empty());
            if (done.isPresent()) {
                return done.get();
            }
        }
        throw new IllegalStateException("the subject of interaction " + interaction.id()
                + " kept changing while it was recorded");
    }

    /**
     * Records a batch of interactions as one atomic unit: each as {@link #record} records one (subject resolved,
     * stamped now, idempotent on its key, its event and live scores in the unit), but all of them commit together,
     * or none does. Every subject is resolved and checked before anything is written, so an unknown customer fails
     * the batch with nothing written. The way to ingest many interactions fast: the unit, its locks and the relay's
     * wake-up are paid once per batch, and the store appends the batch at once ({@code InteractionStore.appendAll}):
     * an idempotency key twice in the batch is stored once, its second occurrence a duplicate of the first.
     *
     * @param batch 0 to {@value #MAX_BATCH} interactions
     * @return what happened to each, in the batch's order
     * @throws NotFoundException     if a subject is a customer that does not exist
     * @throws DuplicateKeyException if an id is held by an interaction with another idempotency key
     */
    public List<AppendResult> recordAll(List<Interaction> batch) {
        Checks.noNullElements(batch, "batch");
        Checks.between(batch.size(), 0, MAX_BATCH, "batch");
        int n = batch.size();
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            Subject[] subjects = new Subject[n];
            List<LockKey> locks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Interaction interaction = batch.get(i);
                Subject given = interaction.subject();
                subjects[i] = attempt == 0 && given instanceof Subject.Known ? given
                        : resolve(interaction.tenant(), given);
                locks.addAll(locks(interaction.tenant(), given, subjects[i]));
            }
            Optional<List<AppendResult>> done = engine.storage().atomically(locks, () -> {
                for (int i = 0; i < n; i++) {
                    Interaction interaction = batch.get(i);
                    if (!stillResolvesTo(interaction.tenant(), interaction.subject(), subjects[i])) {
                        return Optional.empty();
                    }
                }
                Instant now = engine.clock().instant();
                List<Interaction> stamped = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    stamped.add(batch.get(i).recorded(subjects[i], now));
                }
                List<AppendResult> results = engine.interactions().appendAll(stamped);
                results.forEach(result -> announce(result, now));
                return Optional.of(List.copyOf(results));
            });
            if (done.isPresent()) {
                return done.get();
            }
        }
        throw new IllegalStateException("the subjects of a batch of interactions kept changing while it was recorded");
    }

    private AppendResult append(Interaction interaction, Subject subject, Instant now) {
        AppendResult result = engine.interactions().append(interaction.recorded(subject, now));
        announce(result, now);
        return result;
    }

    /** Writes the event of a stored interaction and runs the engine's hooks on it; nothing for a duplicate. */
    private void announce(AppendResult result, Instant now) {
        if (result.appended()) {
            Interaction stored = result.interaction();
            engine.events().write(now, (eventId, at) ->
                    new DomainEvent.InteractionRecorded(eventId, stored.tenant(), at, stored));
            engine.hooks().forEach(h -> h.interactionRecorded(stored));
        }
    }

    /** One page of a subject's interactions; see {@link org.crmkit.spi.interaction.InteractionStore#find}. */
    public Page<Interaction> find(TenantId tenant, Subject subject, InteractionQuery query) {
        return engine.interactions().find(Checks.notNull(tenant, "tenant"), Checks.notNull(subject, "subject"),
                Checks.notNull(query, "query"));
    }

    /** The subject an interaction about {@code subject} belongs to now. */
    private Subject resolve(TenantId tenant, Subject subject) {
        if (subject instanceof Subject.Known known) {
            Customer c = customers.find(tenant, known.customer())
                    .orElseThrow(() -> new NotFoundException("customer", known.customer().value()));
            return Subject.customer(c.id());
        }
        Subject.Anonymous anonymous = (Subject.Anonymous) subject;
        return customers.findByIdentity(tenant, CustomerService.visitorIdentity(anonymous.visitor()))
                .<Subject>map(c -> Subject.customer(c.id()))
                .orElse(subject);
    }

    /**
     * Whether {@code given} resolves to {@code resolved}, its lock held: a customer that exists has not been merged
     * away (a customer id that does not, the caller resolves through its merges, or finds unknown); a visitor must
     * still be identified as the same customer, or still as none.
     */
    private boolean stillResolvesTo(TenantId tenant, Subject given, Subject resolved) {
        if (given instanceof Subject.Known) {
            return engine.customers().findById(tenant, ((Subject.Known) resolved).customer()).isPresent();
        }
        return resolve(tenant, given).equals(resolved);
    }

    /** The locks of recording about {@code given}, resolved to {@code resolved}: the visitor's and the customer's. */
    private static List<LockKey> locks(TenantId tenant, Subject given, Subject resolved) {
        LockKey resolvedKey = resolved instanceof Subject.Known k ? LockKey.customer(tenant, k.customer())
                : LockKey.visitor(tenant, ((Subject.Anonymous) resolved).visitor());
        if (given instanceof Subject.Anonymous a && resolved instanceof Subject.Known) {
            return List.of(LockKey.visitor(tenant, a.visitor()), resolvedKey);
        }
        return List.of(resolvedKey);
    }
}
