package org.crmkit.spi.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.crmkit.spi.Checks;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.customer.ContactKind;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.MergeRecord;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.score.Score;

/**
 * Something that changed, told to the host's ERP, data warehouse or message bus through an {@link EventSink} and to
 * listeners. Every event has an id to deduplicate on, its tenant, the instant of the write, and an
 * {@linkplain #orderingKey() ordering key}: events of one key are delivered in the order they were written.
 * Immutable and thread-safe.
 */
public sealed interface DomainEvent {
    EventId id();

    TenantId tenant();

    /** When the write that caused the event happened (the engine's clock). */
    Instant at();

    /**
     * What the event is about, for ordering: {@code <tenant>|customer:<id>} for a customer's events (those that
     * name two customers use the survivor or the receiving customer), {@code <tenant>|visitor:<id>} for an
     * anonymous visitor's interactions, {@code <tenant>|suppression:<hash>} for the do-not-contact list. Events of
     * one key reach sinks and listeners in the order of their writes; events of different keys in any order.
     */
    default String orderingKey() {
        return orderingKey(tenant(), subjectKey());
    }

    /** The ordering key of the events of a tenant about {@code subjectKey} (see {@link #subjectKey()}). */
    static String orderingKey(TenantId tenant, String subjectKey) {
        return Checks.notNull(tenant, "tenant").value() + "|" + Checks.notNull(subjectKey, "subjectKey");
    }

    /** The part of {@link #orderingKey()} after the tenant. */
    String subjectKey();

    /** A customer was registered; {@code customer} is the stored version 1. */
    record CustomerCreated(EventId id, TenantId tenant, Instant at, Customer customer) implements DomainEvent {
        public CustomerCreated {
            check(id, tenant, at);
            Checks.notNull(customer, "customer");
        }

        @Override
        public String subjectKey() {
            return Subject.customer(customer.id()).key();
        }
    }

    /** A customer was changed; {@code customer} is the stored new version. */
    record CustomerUpdated(EventId id, TenantId tenant, Instant at, Customer customer) implements DomainEvent {
        public CustomerUpdated {
            check(id, tenant, at);
            Checks.notNull(customer, "customer");
        }

        @Override
        public String subjectKey() {
            return Subject.customer(customer.id()).key();
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

        @Override
        public String subjectKey() {
            return Subject.customer(survivor.id()).key();
        }
    }

    /**
     * A customer was erased for good; only ids remain, in this event: the customer's, and those of the customers
     * that had been merged into it (directly or through a chain of merges), whose data went with it.
     *
     * @param merged the ids of the customers merged into it, sorted; empty if none
     */
    record CustomerErased(EventId id, TenantId tenant, Instant at, CustomerId customer, SortedSet<CustomerId> merged)
            implements DomainEvent {
        public CustomerErased {
            check(id, tenant, at);
            Checks.notNull(customer, "customer");
            merged = Collections.unmodifiableSortedSet(new TreeSet<>(Checks.noNullElements(merged, "merged")));
            if (merged.contains(customer)) {
                throw new ValidationException("merged", "must not contain the erased customer itself");
            }
        }

        @Override
        public String subjectKey() {
            return Subject.customer(customer).key();
        }
    }

    /** An interaction was recorded (not sent for a duplicate that changed nothing). */
    record InteractionRecorded(EventId id, TenantId tenant, Instant at, Interaction interaction)
            implements DomainEvent {
        public InteractionRecorded {
            check(id, tenant, at);
            Checks.notNull(interaction, "interaction");
        }

        @Override
        public String subjectKey() {
            return interaction.subject().key();
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

        @Override
        public String subjectKey() {
            return Subject.customer(to).key();
        }
    }

    /**
     * A customer entered ({@code entered}) or left a segment: written by incremental segment tracking with the
     * membership change it reports. {@code segment} is the segment's name ({@code [a-z][a-z0-9_]*}, at most 64
     * characters, as a segment definition has it).
     */
    record SegmentMembershipChanged(EventId id, TenantId tenant, Instant at, String segment, CustomerId customer,
                                    boolean entered) implements DomainEvent {
        public SegmentMembershipChanged {
            check(id, tenant, at);
            Checks.snake(segment, "segment", 64);
            Checks.notNull(customer, "customer");
        }

        @Override
        public String subjectKey() {
            return Subject.customer(customer).key();
        }
    }

    /**
     * One of a customer's consents changed: given ({@link ConsentState#OPTED_IN}), withdrawn
     * ({@link ConsentState#OPTED_OUT}), asked to be confirmed ({@link ConsentState#PENDING_CONFIRMATION}), or found
     * expired ({@link ConsentState#EXPIRED}); also when a merge carried a consent over to the survivor.
     *
     * @param scope the consent that changed
     * @param state its state after the change; never {@link ConsentState#NO_RECORD}
     */
    record ConsentChanged(EventId id, TenantId tenant, Instant at, CustomerId customer, ConsentScope scope,
                          ConsentState state) implements DomainEvent {
        public ConsentChanged {
            check(id, tenant, at);
            Checks.notNull(customer, "customer");
            Checks.notNull(scope, "scope");
            Checks.notNull(state, "state");
            if (state == ConsentState.NO_RECORD) {
                throw new ValidationException("state", "a change leaves a recorded state");
            }
        }

        @Override
        public String subjectKey() {
            return Subject.customer(customer).key();
        }
    }

    /**
     * A contact point was put on the do-not-contact list; the event carries its keyed hash, never the point.
     *
     * @param contactHash the keyed hash of the point
     * @param kind        the point's kind
     * @param reason      why
     */
    record ContactSuppressed(EventId id, TenantId tenant, Instant at, Hash256 contactHash, ContactKind kind,
                             SuppressionReason reason) implements DomainEvent {
        public ContactSuppressed {
            check(id, tenant, at);
            Checks.notNull(contactHash, "contactHash");
            Checks.notNull(kind, "kind");
            Checks.notNull(reason, "reason");
        }

        @Override
        public String subjectKey() {
            return "suppression:" + contactHash.hex();
        }
    }

    /** A contact point was taken off the do-not-contact list. */
    record ContactLifted(EventId id, TenantId tenant, Instant at, Hash256 contactHash) implements DomainEvent {
        public ContactLifted {
            check(id, tenant, at);
            Checks.notNull(contactHash, "contactHash");
        }

        @Override
        public String subjectKey() {
            return "suppression:" + contactHash.hex();
        }
    }

    /**
     * Scores of a customer changed: live scoring took in an interaction, or a batch scoring computed new values.
     *
     * @param scores the customer's new scores (only those that changed), sorted by name, not empty, names unique
     */
    record ScoreChanged(EventId id, TenantId tenant, Instant at, CustomerId customer, List<Score> scores)
            implements DomainEvent {
        public ScoreChanged {
            check(id, tenant, at);
            Checks.notNull(customer, "customer");
            List<Score> sorted = new ArrayList<>(Checks.noNullElements(scores, "scores"));
            if (sorted.isEmpty()) {
                throw new ValidationException("scores", "must not be empty");
            }
            sorted.sort(Comparator.comparing(Score::name));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                    throw new ValidationException("scores", "names a score twice");
                }
            }
            scores = List.copyOf(sorted);
        }

        @Override
        public String subjectKey() {
            return Subject.customer(customer).key();
        }
    }

    private static void check(EventId id, TenantId tenant, Instant at) {
        Checks.notNull(id, "id");
        Checks.notNull(tenant, "tenant");
        Checks.notNull(at, "at");
    }
}
