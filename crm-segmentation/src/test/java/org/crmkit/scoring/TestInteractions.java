package org.crmkit.scoring;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.interaction.VisitorId;

/** Builds interactions for the scoring tests, numbering their ids. */
final class TestInteractions {
    static final TenantId TENANT = TenantId.of("test");
    private static final AtomicLong NEXT = new AtomicLong();

    private TestInteractions() {
    }

    static Interaction order(String customer, Instant at, String amount, String currency) {
        return builder(Subject.customer(CustomerId.of(customer)), Channel.WEB, InteractionType.ORDER_PLACED, at)
                .amount(Money.of(amount, currency)).build();
    }

    static Interaction orderWithoutAmount(String customer, Instant at) {
        return builder(Subject.customer(CustomerId.of(customer)), Channel.WEB, InteractionType.ORDER_PLACED, at)
                .build();
    }

    static Interaction anonymousOrder(String visitor, Instant at, String amount) {
        return builder(Subject.visitor(VisitorId.of(visitor)), Channel.WEB, InteractionType.ORDER_PLACED, at)
                .amount(Money.of(amount, "EUR")).build();
    }

    static Interaction of(String customer, Channel channel, InteractionType type, Instant at) {
        return builder(Subject.customer(CustomerId.of(customer)), channel, type, at).build();
    }

    static Interaction pageView(String customer, String path, Instant at) {
        return builder(Subject.customer(CustomerId.of(customer)), Channel.WEB, InteractionType.PAGE_VIEW, at)
                .property("path", TypedValue.of(path)).build();
    }

    private static Interaction.Builder builder(Subject subject, Channel channel, InteractionType type, Instant at) {
        return Interaction.builder(TENANT, InteractionId.of("i" + NEXT.incrementAndGet()), subject, channel, type, at);
    }
}
