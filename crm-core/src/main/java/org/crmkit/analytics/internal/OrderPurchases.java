package org.crmkit.analytics.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.scoring.CurrencyConverter;
import org.crmkit.scoring.OrderExclusions;
import org.crmkit.scoring.Purchase;
import org.crmkit.spi.Money;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;

/**
 * A tenant's orders as the purchases the lifetime-value models fit, valued in one currency, and the orders that could
 * not be valued. An order ({@code order_placed} of a known customer) is a purchase on its day in the zone when its
 * amount, converted if in another currency, is zero or more. Left out: orders without an amount and orders in another
 * currency not converted (both counted), and refunds (a negative amount). Immutable.
 *
 * @param purchases the purchases, in the order read
 * @param excluded  the orders left out for their currency or for having no amount
 */
public record OrderPurchases(List<Purchase> purchases, OrderExclusions excluded) {
    /**
     * Reads the purchases among {@code interactions}.
     *
     * @throws org.crmkit.spi.ValidationException naming {@code rates} if the converter's rates fail
     */
    public static OrderPurchases of(Iterable<Interaction> interactions, CurrencyConverter converter, ZoneId zone) {
        List<Purchase> purchases = new ArrayList<>();
        Map<Currency, Long> otherCurrency = new HashMap<>();
        long withoutAmount = 0;
        for (Interaction i : interactions) {
            if (!i.type().equals(InteractionType.ORDER_PLACED) || !(i.subject() instanceof Subject.Known known)) {
                continue;
            }
            if (i.amount().isEmpty()) {
                withoutAmount++;
                continue;
            }
            Optional<Money> amount = converter.convert(i.amount().get(), i.occurredAt());
            if (amount.isEmpty()) {
                otherCurrency.merge(i.amount().get().currency(), 1L, Long::sum);
            } else if (!amount.get().isNegative()) {
                purchases.add(new Purchase(known.customer().value(), i.occurredAt().atZone(zone).toLocalDate(),
                        amount.get().amount()));
            }
        }
        return new OrderPurchases(List.copyOf(purchases), new OrderExclusions(otherCurrency, withoutAmount));
    }
}
