package org.crmkit.consent;

import org.crmkit.spi.Checks;

/**
 * A group of customers a {@link ConsentPolicy} treats alike: consumers, businesses, or a host-defined group such as
 * the consumers of one jurisdiction ({@code b2c_de}). Immutable and thread-safe.
 *
 * @param name {@code [a-z][a-z0-9_]*}, at most 64 characters
 */
public record Audience(String name) {
    /** Consumers: natural persons acting for themselves. */
    public static final Audience B2C = new Audience("b2c");
    /** Businesses and the persons who are their contacts. */
    public static final Audience B2B = new Audience("b2b");

    public Audience {
        Checks.snake(name, "audience", 64);
    }

    public static Audience of(String name) {
        return new Audience(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
