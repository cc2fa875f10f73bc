package org.crmkit.spi.customer;

/** Who a customer is: a {@link Person} or an {@link Organization}. Immutable and thread-safe. */
public sealed interface Party permits Person, Organization {
    /** Longest name part, in characters. */
    int MAX_NAME_LENGTH = 200;

    /** A human-readable name: "given family" for a person, the name of an organisation. */
    String displayName();
}
