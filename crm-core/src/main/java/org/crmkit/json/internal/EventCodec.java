package org.crmkit.json.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonGenerator;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.customer.ContactKind;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventId;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.score.Score;

/**
 * JSON of domain events: {@code {"type":…,"id":…,"tenant":…,"at":…}} followed by the fields of the event type,
 * {@code customer_created} and {@code customer_updated} ({@code customer}), {@code customers_merged}
 * ({@code survivor}, {@code record}), {@code customer_erased} ({@code customer}, an id, and {@code merged}, the ids of
 * the customers merged into it), {@code interaction_recorded} ({@code interaction}),
 * {@code interactions_reassigned} ({@code from}, {@code to}, {@code count}), {@code segment_membership_changed}
 * ({@code segment}, {@code customer}, {@code entered}), {@code consent_changed} ({@code customer}, {@code scope} as in
 * a consent receipt, {@code state}), {@code contact_suppressed} ({@code contact_hash}, 64 lower-case hexadecimal
 * digits, {@code kind}, {@code reason}), {@code contact_lifted} ({@code contact_hash}) or {@code score_changed}
 * ({@code customer}, {@code scores}: {@code [{"name":…,"value":…,"as_of":…}]}, the value a JSON number). Stateless.
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
        } else if (event instanceof DomainEvent.InteractionsReassigned e) {
            g.writeFieldName("from");
            InteractionCodec.writeSubject(e.from(), g);
            g.writeStringField("to", e.to().value());
            g.writeNumberField("count", e.count());
        } else if (event instanceof DomainEvent.SegmentMembershipChanged e) {
            g.writeStringField("segment", e.segment());
            g.writeStringField("customer", e.customer().value());
            g.writeBooleanField("entered", e.entered());
        } else if (event instanceof DomainEvent.ConsentChanged e) {
            g.writeStringField("customer", e.customer().value());
            ConsentCodec.writeScope(e.scope(), g);
            JsonOut.constant(g, "state", e.state());
        } else if (event instanceof DomainEvent.ContactSuppressed e) {
            g.writeStringField("contact_hash", e.contactHash().hex());
            JsonOut.constant(g, "kind", e.kind());
            JsonOut.constant(g, "reason", e.reason());
        } else if (event instanceof DomainEvent.ContactLifted e) {
            g.writeStringField("contact_hash", e.contactHash().hex());
        } else {
            DomainEvent.ScoreChanged e = (DomainEvent.ScoreChanged) event;
            g.writeStringField("customer", e.customer().value());
            g.writeArrayFieldStart("scores");
            for (Score score : e.scores()) {
                g.writeStartObject();
                g.writeStringField("name", score.name());
                g.writeNumberField("value", score.value());
                JsonOut.instant(g, "as_of", score.asOf());
                g.writeEndObject();
            }
            g.writeEndArray();
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
            case "consent_changed" -> in.object(with("customer", "scope", "state"));
            case "contact_suppressed" -> in.object(with("contact_hash", "kind", "reason"));
            case "contact_lifted" -> in.object(with("contact_hash"));
            case "score_changed" -> in.object(with("customer", "scores"));
            default -> throw typeIn.fail("must be one of customer_created, customer_updated, customers_merged, "
                    + "customer_erased, interaction_recorded, interactions_reassigned, segment_membership_changed, "
                    + "consent_changed, contact_suppressed, contact_lifted, score_changed");
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
            case "interactions_reassigned" -> {
                Subject from = InteractionCodec.readSubject(in.field("from"));
                CustomerId to = in.field("to").string(CustomerId::of);
                JsonIn countIn = in.field("count");
                int count = countIn.intValue();
                yield countIn.build(() -> new DomainEvent.InteractionsReassigned(id, tenant, at, from, to, count));
            }
            case "segment_membership_changed" -> {
                JsonIn segmentIn = in.field("segment");
                String segment = segmentIn.string();
                CustomerId customer = in.field("customer").string(CustomerId::of);
                boolean entered = in.field("entered").bool();
                yield segmentIn.build(() -> new DomainEvent.SegmentMembershipChanged(id, tenant, at, segment,
                        customer, entered));
            }
            case "consent_changed" -> {
                CustomerId customer = in.field("customer").string(CustomerId::of);
                ConsentScope scope = readScope(in.field("scope"));
                JsonIn stateIn = in.field("state");
                ConsentState state = stateIn.constant(ConsentState.class);
                yield stateIn.build(() -> new DomainEvent.ConsentChanged(id, tenant, at, customer, scope, state));
            }
            case "contact_suppressed" -> {
                Hash256 hash = in.field("contact_hash").string(Hash256::parse);
                ContactKind kind = in.field("kind").constant(ContactKind.class);
                SuppressionReason reason = in.field("reason").constant(SuppressionReason.class);
                yield new DomainEvent.ContactSuppressed(id, tenant, at, hash, kind, reason);
            }
            case "contact_lifted" -> new DomainEvent.ContactLifted(id, tenant, at,
                    in.field("contact_hash").string(Hash256::parse));
            default -> {
                CustomerId customer = in.field("customer").string(CustomerId::of);
                JsonIn scoresIn = in.field("scores");
                List<Score> scores = new ArrayList<>();
                for (JsonIn s : scoresIn.elements()) {
                    scores.add(readScore(s));
                }
                yield scoresIn.build(() -> new DomainEvent.ScoreChanged(id, tenant, at, customer, scores));
            }
        };
    }

    /** A consent scope, {@code {"channel":…,"purpose":…,"contact_point":…}} with the contact point optional. */
    private static ConsentScope readScope(JsonIn in) {
        in.object("channel", "purpose", "contact_point");
        ConsentChannel channel = in.field("channel").constant(ConsentChannel.class);
        Purpose purpose = in.field("purpose").string(Purpose::of);
        Optional<ContactValue> point = in.optional("contact_point").map(ContactCodec::readContactValue);
        return in.build(() -> new ConsentScope(channel, purpose, point));
    }

    /**
     * A score, {@code {"name":…,"value":…,"as_of":…}}. The value is read exactly and rounded to the nearest double;
     * JSON has no negative zero, so {@code -0.0} is read as {@code 0.0}.
     */
    private static Score readScore(JsonIn in) {
        in.object("name", "value", "as_of");
        String name = in.field("name").string();
        JsonIn valueIn = in.field("value");
        double value = valueIn.number().doubleValue();
        if (!Double.isFinite(value)) {
            throw valueIn.fail("must be a number within the range of a double");
        }
        Instant asOf = in.field("as_of").instant();
        return in.build(() -> Score.of(name, value, asOf));
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
        } else if (event instanceof DomainEvent.InteractionsReassigned) {
            return "interactions_reassigned";
        } else if (event instanceof DomainEvent.SegmentMembershipChanged) {
            return "segment_membership_changed";
        } else if (event instanceof DomainEvent.ConsentChanged) {
            return "consent_changed";
        } else if (event instanceof DomainEvent.ContactSuppressed) {
            return "contact_suppressed";
        } else if (event instanceof DomainEvent.ContactLifted) {
            return "contact_lifted";
        }
        return "score_changed";
    }

    private static String[] with(String... specific) {
        String[] names = new String[COMMON.length + specific.length];
        System.arraycopy(COMMON, 0, names, 0, COMMON.length);
        System.arraycopy(specific, 0, names, COMMON.length, specific.length);
        return names;
    }
}
