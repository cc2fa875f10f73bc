package org.crmkit.spi.consent;

import java.util.Optional;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.ContactValue;

/**
 * What one consent of a customer is about: a channel and a purpose, and where it matters one contact point (a
 * consent to newsletters at the work address only). A consent for a contact point takes precedence, for that point,
 * over the customer's consent for the whole channel. Immutable and thread-safe.
 *
 * @param channel      the channel
 * @param purpose      the purpose
 * @param contactPoint the one contact point it is limited to, of the channel's {@link ConsentChannel#contactKind()}
 */
public record ConsentScope(ConsentChannel channel, Purpose purpose, Optional<ContactValue> contactPoint) {
    public ConsentScope {
        Checks.notNull(channel, "channel");
        Checks.notNull(purpose, "purpose");
        Checks.notNull(contactPoint, "contactPoint");
        if (contactPoint.isPresent() && !channel.contactKind().equals(Optional.of(contactPoint.get().kind()))) {
            throw new ValidationException("contactPoint", "is not of the kind the channel " + channel + " uses");
        }
    }

    /** A consent for the whole channel. */
    public static ConsentScope of(ConsentChannel channel, Purpose purpose) {
        return new ConsentScope(channel, purpose, Optional.empty());
    }

    /** A consent limited to one contact point. */
    public static ConsentScope of(ConsentChannel channel, Purpose purpose, ContactValue contactPoint) {
        return new ConsentScope(channel, purpose, Optional.of(Checks.notNull(contactPoint, "contactPoint")));
    }
}
