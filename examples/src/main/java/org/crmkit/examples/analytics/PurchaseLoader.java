package org.crmkit.examples.analytics;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.crmkit.Crm;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;

/**
 * Loads a purchase log into a Crm: one customer per customer key (its id), each purchase an {@code order_placed}
 * interaction, preceded ten minutes earlier by a web page view, so that channels and types mix. Stateless; as
 * thread-safe as the Crm it loads into.
 */
public final class PurchaseLoader {
    private PurchaseLoader() {
    }

    public static void load(Crm crm, TenantId tenant, List<LoggedPurchase> purchases) {
        Set<String> customers = new LinkedHashSet<>();
        purchases.forEach(p -> customers.add(p.purchase().customerKey()));
        for (String key : customers) {
            crm.customers().register(tenant, CustomerId.of(key),
                    Person.unnamed(), b -> b);
        }
        for (Interaction order : PurchaseInteractions.of(tenant, purchases)) {
            crm.interactions().record(order);
            Instant before = order.occurredAt().minusSeconds(600);
            Subject who = order.subject();
            crm.interactions().record(Interaction.builder(tenant, crm.interactions().newId(), who, Channel.WEB,
                    InteractionType.PAGE_VIEW, before).source("web", "pv-" + order.externalId()).build());
        }
    }
}
