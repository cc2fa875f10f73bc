package org.crmkit.customer;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.crmkit.spi.Checks;
import org.crmkit.spi.interaction.Channel;

/**
 * Figures derived from all of a customer's interactions. Immutable and thread-safe.
 *
 * @param interactions     how many interactions the customer has
 * @param firstContact     when the earliest one occurred
 * @param lastContact      when the latest one occurred
 * @param orders           how many {@code order_placed} interactions
 * @param revenue          per currency (sorted by currency code), the sum of the amounts of {@code order_placed}
 *                         and {@code order_returned} interactions (returns carry negative amounts); a sum is not
 *                         bounded as a single {@code Money} amount is
 * @param byChannel        interaction counts per channel that has any
 * @param preferredChannel the channel of most inbound interactions (the customer's own choice); on a tie, the one
 *                         used most recently; empty without inbound interactions
 */
public record CustomerFigures(long interactions, Optional<Instant> firstContact, Optional<Instant> lastContact,
                              long orders, List<Revenue> revenue, SortedMap<Channel, Long> byChannel,
                              Optional<Channel> preferredChannel) {
    public CustomerFigures {
        Checks.nonNegative(interactions, "interactions");
        Checks.notNull(firstContact, "firstContact");
        Checks.notNull(lastContact, "lastContact");
        Checks.nonNegative(orders, "orders");
        revenue = List.copyOf(Checks.noNullElements(revenue, "revenue"));
        Checks.notNull(byChannel, "byChannel");
        byChannel = Collections.unmodifiableSortedMap(new TreeMap<>(byChannel));
        Checks.notNull(preferredChannel, "preferredChannel");
    }
}
