package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.consent.Fixtures.EMAIL_NEWSLETTER;
import static org.crmkit.consent.Fixtures.SMS_MARKETING;
import static org.crmkit.consent.Fixtures.TENANT;
import static org.crmkit.consent.Fixtures.form;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.event.DomainEvent;
import org.junit.jupiter.api.Test;

/** {@link ConsentService#expireDue}: every ended opt-in is recorded as expired once, by whichever engine. */
class ExpiryTest {
    private final Fixtures f = new Fixtures();
    private final ConsentService consents = f.consents;

    @Test
    void expireDue_recordsEachEndedOptInOnce_withItsEvent() {
        CustomerId ann = f.person("ann");
        CustomerId bob = f.person("bob");
        Instant until = consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()))
                .until().orElseThrow();
        consents.optIn(TENANT, ann, SMS_MARKETING, Capture.PRE_TICKED_BOX, form(f.now()));
        consents.requestConfirmation(TENANT, bob, EMAIL_NEWSLETTER, form(f.now()));
        assertThat(consents.expireDue(TENANT)).isZero();
        f.clock.set(until.minusNanos(1));
        assertThat(consents.expireDue(TENANT)).isZero();
        f.storage.outbox.clear();
        f.clock.set(until.plusSeconds(5));

        assertThat(consents.expireDue(TENANT)).isEqualTo(2);

        assertThat(consents.expireDue(TENANT)).isZero();
        assertThat(consents.history(TENANT, ann)).hasSize(4).last().satisfies(e -> {
            assertThat(e.event()).isInstanceOf(ConsentEvent.Expired.class);
            assertThat(e.event().at()).isEqualTo(f.now());
        });
        assertThat(consents.history(TENANT, bob)).hasSize(1);
        assertThat(f.storage.outbox.events()).hasSize(2).allSatisfy(e -> {
            DomainEvent.ConsentChanged changed = (DomainEvent.ConsentChanged) e;
            assertThat(changed.customer()).isEqualTo(ann);
            assertThat(changed.state()).isEqualTo(ConsentState.EXPIRED);
        });
        ConsentStatus status = consents.status(TENANT, ann, EMAIL_NEWSLETTER);
        assertThat(status.state()).isEqualTo(ConsentState.EXPIRED);
        assertThat(status.capture()).contains(Capture.TICKED_BOX);
        assertThat(status.until()).contains(until);
        assertThat(consents.statusAt(TENANT, ann, EMAIL_NEWSLETTER, until).state()).isEqualTo(ConsentState.EXPIRED);
        assertThat(consents.decide(TENANT, ann, EMAIL_NEWSLETTER.channel(), EMAIL_NEWSLETTER.purpose(), f.now()))
                .isEqualTo(ContactDecision.Denied.of(DenialReason.EXPIRED));
        assertThat(consents.verify(TENANT).intact()).isTrue();
    }

    @Test
    void anExpiryRecordedByOneEngine_isNotRecordedAgain_byAnotherOrAfterARestart() {
        CustomerId ann = f.person("ann");
        Instant until = consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()))
                .until().orElseThrow();
        ConsentService other = f.builder(ConsentPolicy.defaults()).staleness(Duration.ofDays(1)).build();
        assertThat(other.consents(TENANT, ann)).hasSize(1);
        f.clock.set(until);

        assertThat(consents.expireDue(TENANT)).isEqualTo(1);

        assertThat(other.expireDue(TENANT)).isZero();
        assertThat(f.service(ConsentPolicy.defaults()).expireDue(TENANT)).isZero();
        assertThat(f.store.size()).isEqualTo(2);
    }

    @Test
    void aConsentGivenAgain_expiresAgain() {
        CustomerId ann = f.person("ann");
        Instant until = consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()))
                .until().orElseThrow();
        f.clock.set(until);
        consents.expireDue(TENANT);

        Instant again = consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()))
                .until().orElseThrow();
        assertThat(consents.decide(TENANT, ann, EMAIL_NEWSLETTER.channel(), EMAIL_NEWSLETTER.purpose(), f.now())
                .isAllowed()).isTrue();
        f.clock.set(again);

        assertThat(consents.expireDue(TENANT)).isEqualTo(1);
        assertThat(consents.history(TENANT, ann)).extracting(e -> e.event().getClass().getSimpleName())
                .isEqualTo(List.of("OptedIn", "Expired", "OptedIn", "Expired"));
    }
}
