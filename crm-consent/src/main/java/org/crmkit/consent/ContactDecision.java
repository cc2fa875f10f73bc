package org.crmkit.consent;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.ContactValue;

/** The answer of {@link ConsentService#decide}: contact is allowed, or denied with every reason. Immutable. */
public sealed interface ContactDecision {
    boolean isAllowed();

    /** On what ground contact is allowed. */
    enum Basis {
        /** A valid explicit opt-in. */
        EXPLICIT_CONSENT,
        /** A valid implicit opt-in, which the rule accepts. */
        IMPLICIT_CONSENT,
        /** No opt-out under a rule that allows contact until one. */
        NO_OBJECTION
    }

    /**
     * Contact is allowed.
     *
     * @param contactPoint the contact point to use (the customer's preferred one of the channel's kind); empty for a
     *                     channel without contact points
     * @param basis        why
     */
    record Allowed(Optional<ContactValue> contactPoint, Basis basis) implements ContactDecision {
        public Allowed {
            Checks.notNull(contactPoint, "contactPoint");
            Checks.notNull(basis, "basis");
        }

        @Override
        public boolean isAllowed() {
            return true;
        }
    }

    /**
     * Contact is denied.
     *
     * @param reasons every reason that applies, never empty
     */
    record Denied(Set<DenialReason> reasons) implements ContactDecision {
        public Denied {
            Checks.noNullElements(reasons, "reasons");
            if (reasons.isEmpty()) {
                throw new ValidationException("reasons", "must not be empty");
            }
            reasons = Collections.unmodifiableSet(EnumSet.copyOf(reasons));
        }

        public static Denied of(DenialReason first, DenialReason... more) {
            return new Denied(EnumSet.of(first, more));
        }

        @Override
        public boolean isAllowed() {
            return false;
        }
    }
}
