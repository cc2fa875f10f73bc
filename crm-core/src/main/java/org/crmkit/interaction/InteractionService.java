package org.crmkit.interaction;

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

/**
 * Records and reads interactions. Obtain it from {@code Crm.interactions()}. Thread-safe.
 */
public final class InteractionService {
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
     * Records an interaction, stamped as recorded now. The subject is resolved first: a customer merged away is
     * replaced by its survivor, and an anonymous visitor who was identified ({@link CustomerService#identify}) by
     * that customer. Idempotent on (tenant, source, external id): recording the same key again stores nothing,
     * publishes nothing and returns {@link AppendResult.Duplicate} with the stored interaction. An
     * {@code InteractionRecorded} event follows each interaction actually stored.
     *
     * @throws NotFoundException     if the subject is a customer that does not exist
     * @throws DuplicateKeyException if its id is held by an interaction with another idempotency key
     */
    public AppendResult record(Interaction interaction) {
        Checks.notNull(interaction, "interaction");
        TenantId tenant = interaction.tenant();
        Subject subject = resolve(tenant, interaction.subject());
        Interaction stamped = interaction.toBuilder().subject(subject).recordedAt(engine.clock().instant()).build();
        return engine.locks().with(lockKey(tenant, subject), () -> {
            AppendResult result = engine.interactions().append(stamped);
            if (result.appended()) {
                engine.events().publish(stamped.recordedAt(), (eventId, at) ->
                        new DomainEvent.InteractionRecorded(eventId, tenant, at, result.interaction()));
            }
            return result;
        });
    }

    /** One page of a subject's interactions; see {@link org.crmkit.spi.interaction.InteractionStore#find}. */
    public Page<Interaction> find(TenantId tenant, Subject subject, InteractionQuery query) {
        return engine.interactions().find(Checks.notNull(tenant, "tenant"), Checks.notNull(subject, "subject"),
                Checks.notNull(query, "query"));
    }

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

    private static Object lockKey(TenantId tenant, Subject subject) {
        return subject instanceof Subject.Known known ? Engine.key(tenant, known.customer()) : subject;
    }
}
