package org.crmkit.customer;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import org.crmkit.spi.Checks;
import org.crmkit.spi.Page;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;

/**
 * The 360° view of one customer: the profile with its contact points and identities, the most recent interactions
 * on every channel the customer used (newest first, one page per channel; continue a channel with
 * {@code InteractionService.find} and the page's cursor), and figures derived from all interactions. Immutable and thread-safe; serialises to JSON through {@code CrmJson} as the basis of
 * a data-portability export.
 *
 * @param customer  the profile
 * @param recent    per channel used (in {@link Channel} order), the first page of its interactions, newest first
 * @param figures   figures over all interactions
 */
public record CustomerView(Customer customer, SortedMap<Channel, Page<Interaction>> recent,
                           CustomerFigures figures) {
    public CustomerView {
        Checks.notNull(customer, "customer");
        Checks.notNull(recent, "recent");
        recent = Collections.unmodifiableSortedMap(new TreeMap<>(recent));
        Checks.notNull(figures, "figures");
    }
}
