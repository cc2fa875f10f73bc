package org.crmkit.spi.consent;

import java.util.Optional;

/**
 * What of a consent event is personal data, the part a ledger entry keeps beside its chain and erases: the scope's
 * contact point, the capture source's reference and the technical proof. {@link CanonicalEncoding} digests the same
 * fields. Stateless.
 */
final class PersonalFields {
    private PersonalFields() {
    }

    /** The event without its personal data: no contact point, the source's reference erased, no proof. */
    static ConsentEvent erase(ConsentEvent event) {
        ConsentScope scope = event.scope();
        Evidence evidence = event.evidence();
        return event.with(new ConsentScope(scope.channel(), scope.purpose(), Optional.empty()),
                new Evidence(evidence.source().erased(), evidence.capturedAt(), evidence.wording(), Optional.empty()));
    }

    /** Whether the event holds no personal data, as {@link #erase} leaves it. */
    static boolean erased(ConsentEvent event) {
        return event.scope().contactPoint().isEmpty() && event.evidence().proof().isEmpty()
                && event.evidence().source().reference().equals(CaptureSource.ERASED_REFERENCE);
    }
}
