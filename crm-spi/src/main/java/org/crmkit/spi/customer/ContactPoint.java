package org.crmkit.spi.customer;

import org.crmkit.spi.Checks;

/**
 * A {@link ContactValue} as one customer uses it. Immutable and thread-safe.
 *
 * @param value    where the customer is reached
 * @param usage    home, work, mobile or other
 * @param primary  whether this is the customer's preferred point of its {@link ContactKind}; a customer has at most
 *                 one primary point per kind
 * @param verified whether the customer proved control of it (a confirmed e-mail, an answered SMS code)
 */
public record ContactPoint(ContactValue value, ContactUsage usage, boolean primary, boolean verified) {
    public ContactPoint {
        Checks.notNull(value, "value");
        Checks.notNull(usage, "usage");
    }

    /** An unverified, non-primary point of {@code usage}. */
    public static ContactPoint of(ContactValue value, ContactUsage usage) {
        return new ContactPoint(value, usage, false, false);
    }

    public ContactPoint asPrimary() {
        return new ContactPoint(value, usage, true, verified);
    }

    public ContactPoint asVerified() {
        return new ContactPoint(value, usage, primary, true);
    }

    public ContactKind kind() {
        return value.kind();
    }
}
