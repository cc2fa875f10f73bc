package org.crmkit.consent;

import java.time.Period;
import java.util.Optional;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * The rule of one audience, channel and purpose. Immutable and thread-safe; the {@code with…} methods return changed
 * copies.
 *
 * @param regime                  what contact needs
 * @param validity                how long an opt-in stays valid (e.g. 36 months), counted in UTC from its instant;
 *                                empty for no expiry
 * @param wordingRequired         whether an opt-in or a double opt-in request must carry the wording the person saw
 * @param verifiedContactRequired whether the contact point must be verified
 */
public record ContactRule(Regime regime, Optional<Period> validity, boolean wordingRequired,
                          boolean verifiedContactRequired) {
    public ContactRule {
        Checks.notNull(regime, "regime");
        Checks.notNull(validity, "validity");
        validity.ifPresent(p -> {
            if (p.isNegative() || p.isZero()) {
                throw new ValidationException("validity", "must be positive (" + p + ")");
            }
        });
    }

    /** An explicit opt-in is needed; its wording is required; no expiry; any contact point. */
    public static ContactRule explicitOptIn() {
        return new ContactRule(Regime.EXPLICIT_OPT_IN, Optional.empty(), true, false);
    }

    /**
     * An explicit opt-in, or the soft opt-in of an existing customer, is needed; its wording is required; no expiry;
     * any contact point. The rule for e-mail, SMS and push marketing to consumers in the EU.
     */
    public static ContactRule explicitOrSoftOptIn() {
        return new ContactRule(Regime.EXPLICIT_OR_SOFT_OPT_IN, Optional.empty(), true, false);
    }

    /** An opt-in is needed, implicit accepted; its wording is required; no expiry; any contact point. */
    public static ContactRule optIn() {
        return new ContactRule(Regime.OPT_IN, Optional.empty(), true, false);
    }

    /** Contact is allowed until an opt-out; opt-ins need no wording; any contact point. */
    public static ContactRule optOut() {
        return new ContactRule(Regime.OPT_OUT, Optional.empty(), false, false);
    }

    public ContactRule withValidity(Period newValidity) {
        return new ContactRule(regime, Optional.of(Checks.notNull(newValidity, "validity")), wordingRequired,
                verifiedContactRequired);
    }

    public ContactRule withWordingRequired(boolean required) {
        return new ContactRule(regime, validity, required, verifiedContactRequired);
    }

    public ContactRule withVerifiedContactRequired(boolean required) {
        return new ContactRule(regime, validity, wordingRequired, required);
    }
}
