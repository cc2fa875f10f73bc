package org.crmkit.customer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.crmkit.spi.customer.ContactKind;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.Customer;

/**
 * Decides whether a candidate customer is a duplicate of another. Candidates are the customers that share at least
 * one contact point (of any kind, by normalised key) with the customer examined; the matcher says which of them are
 * duplicates and why. Implementations must be thread-safe and free of side effects.
 */
@FunctionalInterface
public interface DuplicateMatcher {
    /**
     * The reasons why {@code candidate} is a duplicate of {@code subject}, e.g. {@code "same email"}; empty if it is
     * not one.
     */
    List<String> reasons(Customer subject, Customer candidate);

    /** The default: same normalised e-mail address or same E.164 phone number. */
    static DuplicateMatcher sameEmailOrPhone() {
        return (subject, candidate) -> {
            List<String> reasons = new ArrayList<>();
            if (shareKind(subject, candidate, ContactKind.EMAIL)) {
                reasons.add("same email");
            }
            if (shareKind(subject, candidate, ContactKind.PHONE)) {
                reasons.add("same phone");
            }
            return reasons;
        };
    }

    private static boolean shareKind(Customer a, Customer b, ContactKind kind) {
        Set<String> keys = new HashSet<>();
        for (ContactPoint p : a.contactPoints(kind)) {
            keys.add(p.value().key());
        }
        for (ContactPoint p : b.contactPoints(kind)) {
            if (keys.contains(p.value().key())) {
                return true;
            }
        }
        return false;
    }
}
