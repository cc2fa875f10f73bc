package org.crmkit.spi.event;

import java.time.Instant;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.MergeRecord;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.Checks;

/**
 * Something that changed, told to the host's ERP, data warehouse or message bus through an {@link EventSink}. Every
 * event has an id to deduplicate on, its tenant and the instant of the write. Immutable and thread-safe.
 */
public sealed interface DomainEvent {
    EventId id();

    TenantId tenant();

    /** When the write that caused the event happened (the engine's clock). */
    Instant at();

    /** A customer was registered; {@code customer} is the stored version 1. */
    record CustomerCreated(EventId id, TenantId tenant, Instant at, Customer customer) implements DomainEvent {
        public CustomerCreated {
            check(id, tenant, at);
            Checks.notNull(customer, "customer");
        }
    }

    /** A customer was changed; {@code customer} is the stored new version. */
    record CustomerUpdated(EventId id, TenantId tenant, Instant at, Customer customer) implements DomainEvent {
        public CustomerUpdated {
            check(id, tenant, at);
            Checks.notNull(customer, "customer");
        }
    }

    /** Two customers were merged; {@code survivor} is the stored survivor. */
    record CustomersMerged(EventId id, TenantId tenant, Instant at, Customer survivor, MergeRecord record)
            implements DomainEvent {
        public CustomersMerged {
            check(id, tenant, at);
            Checks.notNull(survivor, "survivor");
            Checks.notNull(record, "record");
        }
    }

    /** A customer was erased for good; only its id remains, in this event. */
    record CustomerErased(EventId id, TenantId tenant, Instant at, CustomerId customer) implements DomainEvent {
        public CustomerErased {
            check(id, tenant, at);
            Checks.notNull(customer, "customer");
        }
    }

    /** An interaction was recorded (not sent for a duplicate that changed nothing). */
    record InteractionRecorded(EventId id, TenantId tenant, Instant at, Interaction interaction)
            implements DomainEvent {
        public InteractionRecorded {
            check(id, tenant, at);
            Checks.notNull(interaction, "interaction");
        }
    }

    /**
     * A customer entered ({@code entered}) or left a segment: published by incremental segment tracking right after
     * the change that caused it, in the order of the changes for one customer. {@code segment} is the segment's
     * name ({@code [a-z][a-z0-9_]*}, at most 64 characters, as a segment definition has it).
     */
    record SegmentMembershipChanged(EventId id, TenantId tenant, Instant at, String segment, CustomerId customer,
                                    boolean entered) implements DomainEvent {
        public SegmentMembershipChanged {
            check(id, tenant, at);
            Checks.snake(segment, "segment", 64);
            Checks.notNull(customer, "customer");
        }
    }

    /**
     * The interactions of {@code from} now belong to {@code to}: an anonymous visitor was identified, or customers
     * were merged.
     */
    record InteractionsReassigned(EventId id, TenantId tenant, Instant at, Subject from, CustomerId to, int count)
            implements DomainEvent {
        public InteractionsReassigned {
            check(id, tenant, at);
            Checks.notNull(from, "from");
            Checks.notNull(to, "to");
            Checks.nonNegative(count, "count");
        }
    }

    private static void check(EventId id, TenantId tenant, Instant at) {
        Checks.notNull(id, "id");
        Checks.notNull(tenant, "tenant");
        Checks.notNull(at, "at");
    }
}
