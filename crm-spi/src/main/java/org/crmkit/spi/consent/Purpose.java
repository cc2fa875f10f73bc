package org.crmkit.spi.consent;

import org.crmkit.spi.Checks;

/**
 * Why a customer is contacted, from an open vocabulary of lower-case names: the constants are built in, a host adds
 * its own with {@link #of(String)}. Whether a purpose is known is the consent engine's concern (its policy
 * registers the purposes it governs). Immutable and thread-safe.
 *
 * @param name {@code [a-z][a-z0-9_]*}, at most 64 characters
 */
public record Purpose(String name) implements Comparable<Purpose> {
    /** Advertising the company's own products and services. */
    public static final Purpose MARKETING = new Purpose("marketing");
    /** A newsletter the person subscribed to. */
    public static final Purpose NEWSLETTER = new Purpose("newsletter");
    /** Analysing behaviour to build a profile (segments, scores, web personalisation). */
    public static final Purpose PROFILING = new Purpose("profiling");
    /** Offers of partners, or passing the contact on to them. */
    public static final Purpose PARTNER_OFFERS = new Purpose("partner_offers");
    /** Service messages about an existing relationship (order status, contract changes). */
    public static final Purpose SERVICE = new Purpose("service");

    public Purpose {
        Checks.snake(name, "purpose", 64);
    }

    public static Purpose of(String name) {
        return new Purpose(name);
    }

    @Override
    public int compareTo(Purpose other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
