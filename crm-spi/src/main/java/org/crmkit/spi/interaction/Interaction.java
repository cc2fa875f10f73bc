package org.crmkit.spi.interaction;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.campaign.CampaignId;
import org.crmkit.spi.Checks;
import org.crmkit.spi.internal.CompactSortedMap;

/**
 * One exchange with a customer or an anonymous visitor, on any channel. Immutable and thread-safe.
 *
 * <p>{@code (tenant, source, externalId)} is the idempotency key: recording the same key twice records it once.
 *
 * @param tenant     the tenant
 * @param id         unique within the tenant
 * @param subject    the customer or anonymous visitor it is about
 * @param channel    the medium
 * @param direction  inbound (the customer started it) or outbound; a {@code message_sent} is outbound (the builder's
 *                   default for it), and inbound is refused
 * @param type       what happened ({@code page_view}, {@code order_placed}, …)
 * @param occurredAt when it happened
 * @param recordedAt when crmkit learnt of it
 * @param properties typed details by lower-case name (at most 100), sorted
 * @param amount     the money involved (an order's value, a refund as a negative amount), if any
 * @param source     the system that reported it, lower-case (e.g. {@code webshop}, {@code call_center})
 * @param externalId the id the source gave it: one non-blank line of at most 128 characters
 * @param campaign   the campaign it responds to or belongs to, if any
 */
public record Interaction(TenantId tenant, InteractionId id, Subject subject, Channel channel, Direction direction,
                          InteractionType type, Instant occurredAt, Instant recordedAt,
                          SortedMap<String, TypedValue> properties, Optional<Money> amount, String source,
                          String externalId, Optional<CampaignId> campaign) {
    public static final int MAX_PROPERTIES = 100;

    public Interaction {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(id, "id");
        Checks.notNull(subject, "subject");
        Checks.notNull(channel, "channel");
        Checks.notNull(direction, "direction");
        Checks.notNull(type, "type");
        if (direction == Direction.INBOUND && type.equals(InteractionType.MESSAGE_SENT)) {
            throw new ValidationException("direction", "a message_sent interaction is outbound");
        }
        Checks.notNull(occurredAt, "occurredAt");
        Checks.notNull(recordedAt, "recordedAt");
        Checks.notNull(properties, "properties");
        if (properties.size() > MAX_PROPERTIES) {
            throw new ValidationException("properties", "more than " + MAX_PROPERTIES);
        }
        if (!(properties instanceof CompactSortedMap)) {
            TreeMap<String, TypedValue> sorted = new TreeMap<>();
            properties.forEach((k, v) -> {
                Checks.snake(k, "properties", 64);
                sorted.put(k, Checks.notNull(v, "properties." + k));
            });
            properties = CompactSortedMap.copyOf(sorted);
        }
        Checks.notNull(amount, "amount");
        Checks.snake(source, "source", 32);
        Checks.line(externalId, "externalId", 128);
        Checks.notNull(campaign, "campaign");
    }

    /**
     * A builder for an inbound interaction from source {@code crmkit} whose external id is its id, recorded when it
     * occurred; change what differs.
     */
    public static Builder builder(TenantId tenant, InteractionId id, Subject subject, Channel channel,
                                  InteractionType type, Instant occurredAt) {
        return new Builder(tenant, id, subject, channel, type, occurredAt);
    }

    /**
     * The same interaction about {@code newSubject}, recorded at {@code newRecordedAt}: what the engine stores when
     * it records an interaction (its subject resolved, stamped with the engine's clock).
     */
    public Interaction recorded(Subject newSubject, Instant newRecordedAt) {
        return new Interaction(tenant, id, newSubject, channel, direction, type, occurredAt, newRecordedAt, properties,
                amount, source, externalId, campaign);
    }

    /** The same interaction about another subject (used when a visitor is identified or customers merge). */
    public Interaction withSubject(Subject newSubject) {
        return new Interaction(tenant, id, newSubject, channel, direction, type, occurredAt, recordedAt, properties,
                amount, source, externalId, campaign);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds an interaction. Not thread-safe; {@link #build()} validates. */
    public static final class Builder {
        private final TenantId tenant;
        private final InteractionId id;
        private Subject subject;
        private final Channel channel;
        private Direction direction;
        private final InteractionType type;
        private final Instant occurredAt;
        private Instant recordedAt;
        private final Map<String, TypedValue> properties = new TreeMap<>();
        private Optional<Money> amount = Optional.empty();
        private String source = "crmkit";
        private String externalId;
        private Optional<CampaignId> campaign = Optional.empty();

        private Builder(TenantId tenant, InteractionId id, Subject subject, Channel channel, InteractionType type,
                        Instant occurredAt) {
            this.tenant = Checks.notNull(tenant, "tenant");
            this.id = Checks.notNull(id, "id");
            this.subject = Checks.notNull(subject, "subject");
            this.channel = Checks.notNull(channel, "channel");
            this.type = Checks.notNull(type, "type");
            this.direction = type.equals(InteractionType.MESSAGE_SENT) ? Direction.OUTBOUND : Direction.INBOUND;
            this.occurredAt = Checks.notNull(occurredAt, "occurredAt");
            this.recordedAt = occurredAt;
            this.externalId = id.value();
        }

        private Builder(Interaction i) {
            this.tenant = i.tenant;
            this.id = i.id;
            this.subject = i.subject;
            this.channel = i.channel;
            this.direction = i.direction;
            this.type = i.type;
            this.occurredAt = i.occurredAt;
            this.recordedAt = i.recordedAt;
            this.properties.putAll(i.properties);
            this.amount = i.amount;
            this.source = i.source;
            this.externalId = i.externalId;
            this.campaign = i.campaign;
        }

        public Builder subject(Subject subject) {
            this.subject = Checks.notNull(subject, "subject");
            return this;
        }

        public Builder direction(Direction direction) {
            this.direction = Checks.notNull(direction, "direction");
            return this;
        }

        public Builder recordedAt(Instant recordedAt) {
            this.recordedAt = Checks.notNull(recordedAt, "recordedAt");
            return this;
        }

        public Builder property(String name, TypedValue value) {
            Checks.snake(name, "properties", 64);
            properties.put(name, Checks.notNull(value, "properties." + name));
            return this;
        }

        public Builder amount(Money amount) {
            this.amount = Optional.of(Checks.notNull(amount, "amount"));
            return this;
        }

        /** The reporting system and the id it gave the interaction: the idempotency key. */
        public Builder source(String source, String externalId) {
            this.source = Checks.snake(source, "source", 32);
            this.externalId = Checks.line(externalId, "externalId", 128);
            return this;
        }

        public Builder campaign(CampaignId campaign) {
            this.campaign = Optional.of(Checks.notNull(campaign, "campaign"));
            return this;
        }

        public Interaction build() {
            return new Interaction(tenant, id, subject, channel, direction, type, occurredAt, recordedAt,
                    new TreeMap<>(properties), amount, source, externalId, campaign);
        }
    }
}
