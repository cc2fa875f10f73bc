package org.crmkit.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.crmkit.Crm;
import org.crmkit.scoring.EngagementRule;
import org.crmkit.scoring.EngagementRules;
import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.event.OutboxMessage;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.storage.Storage;
import org.crmkit.spi.tck.MutableClock;

/**
 * A shop on one storage, for analytics tests: engines on it (relay thread off, so every event stays in the outbox),
 * a clock they share, and the writes the tests make. A click earns 5 engagement points, halved every 7 days.
 */
final class Shop {
    static final TenantId T = TenantId.of("shop");
    static final Duration HALF_LIFE = Duration.ofDays(7);
    static final EngagementRules RULES = EngagementRules.builder()
            .rule(EngagementRule.of(InteractionType.CAMPAIGN_CLICK, 5)).halfLife(HALF_LIFE).build();

    final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T10:00:00Z"));
    final Storage storage;
    final List<DomainEvent> delivered = new CopyOnWriteArrayList<>();

    Shop(Storage storage) {
        this.storage = storage;
    }

    /** An engine on the shop's storage with the engagement rules and {@code recent_buyers}, {@code engaged}. */
    Crm engine(long seed) {
        Crm crm = Crm.builder().storage(storage).clock(clock).seed(seed).eventRelayThread(false).engagementRules(RULES)
                .eventSink(delivered::add).build();
        crm.analytics().catalog(T).define("recent_buyers", "count(order_placed within 7d) >= 1");
        crm.analytics().catalog(T).define("engaged", "score(\"engagement\") > 3");
        return crm;
    }

    static Customer register(Crm crm, String given) {
        return crm.customers().register(T, Person.named(given, "Lee"), b -> b);
    }

    void order(Crm crm, Customer c, String id, String amount) {
        crm.interactions().record(Interaction.builder(T, crm.interactions().newId(), Subject.customer(c.id()),
                Channel.WEB, InteractionType.ORDER_PLACED, clock.instant()).amount(Money.of(amount, "EUR"))
                .source("shop", id).build());
    }

    void click(Crm crm, Customer c, String id) {
        crm.interactions().record(Interaction.builder(T, crm.interactions().newId(), Subject.customer(c.id()),
                Channel.EMAIL, InteractionType.CAMPAIGN_CLICK, clock.instant()).source("mailer", id).build());
    }

    /** The events of {@code type} waiting in the outbox, in the order written. */
    /** Every event of {@code type} the engines wrote: those delivered to their sink, then those still waiting. */
    <E extends DomainEvent> List<E> written(Class<E> type) {
        return Stream.concat(delivered.stream(), storage.outbox().pending(0, Outbox.MAX_PAGE_SIZE).stream()
                .map(OutboxMessage::event)).filter(type::isInstance).map(type::cast).toList();
    }
}
