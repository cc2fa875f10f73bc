package org.crmkit.json.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import com.fasterxml.jackson.core.JsonGenerator;

import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.campaign.CampaignId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Direction;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.interaction.VisitorId;

/**
 * JSON of subjects ({@code {"kind":"customer","customer":…}} or {@code {"kind":"visitor","visitor":…}}) and
 * interactions. Stateless.
 */
public final class InteractionCodec {
    private InteractionCodec() {
    }

    public static void writeSubject(Subject subject, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (subject instanceof Subject.Known k) {
            g.writeStringField("kind", "customer");
            g.writeStringField("customer", k.customer().value());
        } else {
            g.writeStringField("kind", "visitor");
            g.writeStringField("visitor", ((Subject.Anonymous) subject).visitor().value());
        }
        g.writeEndObject();
    }

    public static Subject readSubject(JsonIn in) {
        JsonIn kindIn = in.field("kind");
        return switch (kindIn.string()) {
            case "customer" -> new Subject.Known(in.object("kind", "customer").field("customer")
                    .string(CustomerId::of));
            case "visitor" -> new Subject.Anonymous(in.object("kind", "visitor").field("visitor")
                    .string(VisitorId::of));
            default -> throw kindIn.fail("must be one of customer, visitor");
        };
    }

    public static void writeInteraction(Interaction i, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("tenant", i.tenant().value());
        g.writeStringField("id", i.id().value());
        g.writeFieldName("subject");
        writeSubject(i.subject(), g);
        JsonOut.constant(g, "channel", i.channel());
        JsonOut.constant(g, "direction", i.direction());
        g.writeStringField("type", i.type().name());
        JsonOut.instant(g, "occurred_at", i.occurredAt());
        JsonOut.instant(g, "recorded_at", i.recordedAt());
        ValueCodec.writeTypedValues("properties", i.properties(), g);
        if (i.amount().isPresent()) {
            g.writeFieldName("amount");
            ValueCodec.writeMoney(i.amount().get(), g);
        }
        g.writeStringField("source", i.source());
        g.writeStringField("external_id", i.externalId());
        if (i.campaign().isPresent()) {
            g.writeStringField("campaign", i.campaign().get().value());
        }
        g.writeEndObject();
    }

    public static Interaction readInteraction(JsonIn in) {
        in.object("tenant", "id", "subject", "channel", "direction", "type", "occurred_at", "recorded_at",
                "properties", "amount", "source", "external_id", "campaign");
        TenantId tenant = in.field("tenant").string(TenantId::of);
        InteractionId id = in.field("id").string(InteractionId::of);
        Subject subject = readSubject(in.field("subject"));
        Channel channel = in.field("channel").constant(Channel.class);
        Direction direction = in.field("direction").constant(Direction.class);
        InteractionType type = in.field("type").string(InteractionType::of);
        Instant occurredAt = in.field("occurred_at").instant();
        Instant recordedAt = in.field("recorded_at").instant();
        SortedMap<String, TypedValue> properties = CustomerCodec.typedValues(in.field("properties"));
        Optional<Money> amount = in.optional("amount").map(ValueCodec::readMoney);
        String source = in.field("source").string();
        String externalId = in.field("external_id").string();
        Optional<CampaignId> campaign = in.optional("campaign").map(c -> c.string(CampaignId::of));
        return in.build(() -> new Interaction(tenant, id, subject, channel, direction, type, occurredAt, recordedAt,
                properties, amount, source, externalId, campaign));
    }
}
