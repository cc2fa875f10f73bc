package org.crmkit.customer.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.crmkit.customer.CustomerFigures;
import org.crmkit.customer.Revenue;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Direction;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;

/** Folds a customer's interactions, in any order, into {@link CustomerFigures}. Not thread-safe; use once. */
public final class FiguresCollector {
    private long count;
    private Instant first;
    private Instant last;
    private long orders;
    private final Map<String, Revenue> revenue = new TreeMap<>();
    private final Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
    private final Map<Channel, Long> inbound = new EnumMap<>(Channel.class);
    private final Map<Channel, Instant> lastInbound = new EnumMap<>(Channel.class);

    public void add(Interaction i) {
        count++;
        first = first == null || i.occurredAt().isBefore(first) ? i.occurredAt() : first;
        last = last == null || i.occurredAt().isAfter(last) ? i.occurredAt() : last;
        boolean order = i.type().equals(InteractionType.ORDER_PLACED);
        if (order) {
            orders++;
        }
        if (order || i.type().equals(InteractionType.ORDER_RETURNED)) {
            i.amount().ifPresent(m -> revenue.compute(m.currency().getCurrencyCode(),
                    (code, sum) -> (sum == null ? Revenue.zero(m.currency()) : sum).plus(m)));
        }
        byChannel.merge(i.channel(), 1L, Long::sum);
        if (i.direction() == Direction.INBOUND) {
            inbound.merge(i.channel(), 1L, Long::sum);
            lastInbound.merge(i.channel(), i.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    public CustomerFigures figures() {
        Channel preferred = null;
        for (Map.Entry<Channel, Long> e : inbound.entrySet()) {
            if (preferred == null || e.getValue() > inbound.get(preferred)
                    || e.getValue().equals(inbound.get(preferred))
                    && lastInbound.get(e.getKey()).isAfter(lastInbound.get(preferred))) {
                preferred = e.getKey();
            }
        }
        return new CustomerFigures(count, Optional.ofNullable(first), Optional.ofNullable(last), orders,
                new ArrayList<>(revenue.values()), new TreeMap<>(byChannel), Optional.ofNullable(preferred));
    }
}
