package org.crmkit.json.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonGenerator;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventId;
import org.crmkit.spi.interaction.Subject;

/**
 * JSON of domain events: {@code {"type":…,"id":…,"tenant":…,"at":…}} followed by the fields of the event type,
 * {@code customer_created} and {@code customer_updated} ({@code customer}), {@code customers_merged}
 * ({@code survivor}, {@code record}), {@code customer_erased} ({@code customer}, an id, and {@code merged}, the ids of
 * the customers merged into it),
 * {@code interaction_recorded} ({@code interaction}), {@code interactions_reassigned} ({@code from}, {@code to},
 * {@code count}) or {@code segment_membership_changed} ({@code segment}, {@code customer}, {@code entered}).
 * Stateless.
 */
public final class EventCodec {
    private static final String[] COMMON = {"type", "id", "tenant", "at"};

    private EventCodec() {
    }

    public static void writeEvent(DomainEvent event, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", typeOf(event));
        g.writeStringField("id", event.id().value().toString());
        g.writeStringField("tenant", event.tenant().value());
        JsonOut.instant(g, "at", event.at());
        if (event instanceof DomainEvent.CustomerCreated e) {
            g.writeFieldName("customer");
            CustomerCodec.writeCustomer(e.customer(), g);
        } else if (event instanceof DomainEvent.CustomerUpdated e) {
            g.writeFieldName("customer");
            CustomerCodec.writeCustomer(e.customer(), g);
        } else if (event instanceof DomainEvent.CustomersMerged e) {
            g.writeFieldName("survivor");
            CustomerCodec.writeCustomer(e.survivor(), g);
            g.writeFieldName("record");
            CustomerCodec.writeMergeRecord(e.record(), g);
        } else if (event instanceof DomainEvent.CustomerErased e) {
            g.writeStringField("customer", e.customer().value());
            g.writeArrayFieldStart("merged");
            for (CustomerId merged : e.merged()) {
                g.writeString(merged.value());
            }
            g.writeEndArray();
        } else if (event instanceof DomainEvent.InteractionRecorded e) {
            g.writeFieldName("interaction");
            InteractionCodec.writeInteraction(e.interaction(), g);
        } else if (event instanceof DomainEvent.SegmentMembershipChanged e) {
            g.writeStringField("segment", e.segment());
            g.writeStringField("customer", e.customer().value());
            g.writeBooleanField("entered", e.entered());
        } else {
            DomainEvent.InteractionsReassigned e = (DomainEvent.InteractionsReassigned) event;
            g.writeFieldName("from");
            InteractionCodec.writeSubject(e.from(), g);
            g.writeStringField("to", e.to().value());
            g.writeNumberField("count", e.count());
        }
        g.writeEndObject();
    }

    public static DomainEvent readEvent(JsonIn in) {
        JsonIn typeIn = in.field("type");
        String type = typeIn.string();
        switch (type) {
            case "customer_created", "customer_updated" -> in.object(with("customer"));
            case "customer_erased" -> in.object(with("customer", "merged"));
            case "customers_merged" -> in.object(with("survivor", "record"));
            case "interaction_recorded" -> in.object(with("interaction"));
            case "interactions_reassigned" -> in.object(with("from", "to", "count"));
            case "segment_membership_changed" -> in.object(with("segment", "customer", "entered"));
            default -> throw typeIn.fail("must be one of customer_created, customer_updated, customers_merged, "
                    + "customer_erased, interaction_recorded, interactions_reassigned, segment_membership_changed");
        }
        EventId id = ValueCodec.readEventId(in.field("id"));
        TenantId tenant = in.field("tenant").string(TenantId::of);
        Instant at = in.field("at").instant();
        return switch (type) {
            case "customer_created" -> new DomainEvent.CustomerCreated(id, tenant, at,
                    CustomerCodec.readCustomer(in.field("customer")));
            case "customer_updated" -> new DomainEvent.CustomerUpdated(id, tenant, at,
                    CustomerCodec.readCustomer(in.field("customer")));
            case "customers_merged" -> new DomainEvent.CustomersMerged(id, tenant, at,
                    CustomerCodec.readCustomer(in.field("survivor")),
                    CustomerCodec.readMergeRecord(in.field("record")));
            case "customer_erased" -> {
                CustomerId customer = in.field("customer").string(CustomerId::of);
                JsonIn mergedIn = in.field("merged");
                TreeSet<CustomerId> merged = new TreeSet<>();
                for (JsonIn m : mergedIn.elements()) {
                    merged.add(m.string(CustomerId::of));
                }
                yield mergedIn.build(() -> new DomainEvent.CustomerErased(id, tenant, at, customer, merged));
            }
            case "interaction_recorded" -> new DomainEvent.InteractionRecorded(id, tenant, at,
                    InteractionCodec.readInteraction(in.field("interaction")));
            case "segment_membership_changed" -> {
                JsonIn segmentIn = in.field("segment");
                String segment = segmentIn.string();
                CustomerId customer = in.field("customer").string(CustomerId::of);
                boolean entered = in.field("entered").bool();
                yield segmentIn.build(() -> new DomainEvent.SegmentMembershipChanged(id, tenant, at, segment,
                        customer, entered));
            }
            default -> {
                Subject from = InteractionCodec.readSubject(in.field("from"));
                CustomerId to = in.field("to").string(CustomerId::of);
                JsonIn countIn = in.field("count");
                int count = countIn.intValue();
                yield countIn.build(() -> new DomainEvent.InteractionsReassigned(id, tenant, at, from, to, count));
            }
        };
    }

    private static String typeOf(DomainEvent event) {
        if (event instanceof DomainEvent.CustomerCreated) {
            return "customer_created";
        } else if (event instanceof DomainEvent.CustomerUpdated) {
            return "customer_updated";
        } else if (event instanceof DomainEvent.CustomersMerged) {
            return "customers_merged";
        } else if (event instanceof DomainEvent.CustomerErased) {
            return "customer_erased";
        } else if (event instanceof DomainEvent.InteractionRecorded) {
            return "interaction_recorded";
        } else if (event instanceof DomainEvent.SegmentMembershipChanged) {
            return "segment_membership_changed";
        }
        return "interactions_reassigned";
    }

    private static String[] with(String... specific) {
        String[] names = new String[COMMON.length + specific.length];
        System.arraycopy(COMMON, 0, names, 0, COMMON.length);
        System.arraycopy(specific, 0, names, COMMON.length, specific.length);
        return names;
    }
}
