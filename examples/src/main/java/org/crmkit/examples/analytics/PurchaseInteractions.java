package org.crmkit.examples.analytics;

import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import org.crmkit.scoring.Purchase;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;

/**
 * Purchases of a log as crmkit interactions: one {@code order_placed} on the web per purchase, at the start of its
 * day (UTC), with its amount in its currency, from source {@code purchase_log} with the purchase's position as
 * external id. Stateless.
 */
public final class PurchaseInteractions {
    private PurchaseInteractions() {
    }

    public static List<Interaction> of(TenantId tenant, List<LoggedPurchase> purchases) {
        return IntStream.range(0, purchases.size()).mapToObj(i -> {
            Purchase p = purchases.get(i).purchase();
            return Interaction.builder(tenant, InteractionId.of("p" + i), Subject.customer(CustomerId.of(
                    p.customerKey())), Channel.WEB, InteractionType.ORDER_PLACED,
                    p.date().atStartOfDay(ZoneOffset.UTC).toInstant())
                    .amount(purchases.get(i).amount()).source("purchase_log", Integer.toString(i)).build();
        }).toList();
    }
}
