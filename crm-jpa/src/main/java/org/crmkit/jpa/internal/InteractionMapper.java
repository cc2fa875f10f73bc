package org.crmkit.jpa.internal;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.TreeMap;

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

/** Interactions to rows of {@code crm_interaction} and back. Stateless. */
final class InteractionMapper {
    static final String KNOWN = "C";
    static final String ANONYMOUS = "V";

    private InteractionMapper() {
    }

    /** The row of a new interaction, without its row id and seq. */
    static InteractionEntity row(Interaction i) {
        InteractionEntity row = new InteractionEntity();
        row.tenant = i.tenant().value();
        row.interactionId = i.id().value();
        row.subjectKind = kind(i.subject());
        row.subjectId = id(i.subject());
        row.channel = i.channel().name();
        row.direction = i.direction().name();
        row.type = i.type().name();
        row.occurredNs = Nanos.of(i.occurredAt(), "occurredAt");
        row.recordedNs = Nanos.of(i.recordedAt(), "recordedAt");
        i.amount().ifPresent(m -> {
            row.amount = m.amount().toPlainString();
            row.amountNumber = m.amount();
            row.currency = m.currency().getCurrencyCode();
        });
        row.source = i.source();
        row.externalId = i.externalId();
        row.campaign = i.campaign().map(CampaignId::value).orElse(null);
        i.properties().forEach((name, value) -> row.properties.put(name, TypedValues.row(value)));
        return row;
    }

    static Interaction read(InteractionEntity row) {
        TreeMap<String, TypedValue> properties = new TreeMap<>();
        row.properties.forEach((name, value) -> properties.put(name, TypedValues.value(value)));
        Optional<Money> amount = Optional.ofNullable(row.amount)
                .map(a -> new Money(new BigDecimal(a), Currency.getInstance(row.currency)));
        return new Interaction(TenantId.of(row.tenant), InteractionId.of(row.interactionId), subject(row),
                Channel.valueOf(row.channel), Direction.valueOf(row.direction), new InteractionType(row.type),
                Nanos.instant(row.occurredNs), Nanos.instant(row.recordedNs), properties, amount, row.source,
                row.externalId, Optional.ofNullable(row.campaign).map(CampaignId::of));
    }

    static String kind(Subject s) {
        return s instanceof Subject.Known ? KNOWN : ANONYMOUS;
    }

    static String id(Subject s) {
        return s instanceof Subject.Known k ? k.customer().value() : ((Subject.Anonymous) s).visitor().value();
    }

    private static Subject subject(InteractionEntity row) {
        return KNOWN.equals(row.subjectKind) ? new Subject.Known(CustomerId.of(row.subjectId))
                : new Subject.Anonymous(VisitorId.of(row.subjectId));
    }
}
