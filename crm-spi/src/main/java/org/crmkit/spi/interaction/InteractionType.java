package org.crmkit.spi.interaction;

import java.util.Set;

import org.crmkit.spi.Checks;

/**
 * What happened, from an open vocabulary of lower-case names. The constants are the names crmkit itself uses
 * ({@link #STANDARD}); a host adds its own with {@link #of(String)} (and registers them where names are checked, as
 * in a segment catalog, so that a misspelt name is refused). Immutable and thread-safe.
 *
 * @param name {@code [a-z][a-z0-9_]*}, at most 64 characters
 */
public record InteractionType(String name) implements Comparable<InteractionType> {
    public static final InteractionType PAGE_VIEW = new InteractionType("page_view");
    public static final InteractionType ORDER_PLACED = new InteractionType("order_placed");
    public static final InteractionType ORDER_RETURNED = new InteractionType("order_returned");
    public static final InteractionType CALL = new InteractionType("call");
    public static final InteractionType COMPLAINT = new InteractionType("complaint");
    public static final InteractionType MESSAGE_SENT = new InteractionType("message_sent");
    public static final InteractionType MESSAGE_OPENED = new InteractionType("message_opened");
    public static final InteractionType CAMPAIGN_CLICK = new InteractionType("campaign_click");
    public static final InteractionType SIGN_UP = new InteractionType("sign_up");
    /** Every constant above: the types crmkit itself records or reads. */
    public static final Set<InteractionType> STANDARD = Set.of(PAGE_VIEW, ORDER_PLACED, ORDER_RETURNED, CALL,
            COMPLAINT, MESSAGE_SENT, MESSAGE_OPENED, CAMPAIGN_CLICK, SIGN_UP);

    public InteractionType {
        Checks.snake(name, "type", 64);
    }

    public static InteractionType of(String name) {
        return new InteractionType(name);
    }

    @Override
    public int compareTo(InteractionType other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
