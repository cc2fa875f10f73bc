package org.crmkit.consents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

import org.crmkit.Crm;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.tck.MutableClock;
import org.crmkit.testing.RecordingSink;
import org.junit.jupiter.api.Test;

/** The relay's thread records consents whose validity ended, so that their expiry reaches the sink as an event. */
class ConsentExpiryScheduleTest {
    static final TenantId T = TenantId.of("t1");

    @Test
    void anOptInPastItsValidity_isRecordedExpired_andItsEventDelivered_withoutBeingAsked() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        RecordingSink sink = new RecordingSink();
        try (Crm crm = Crm.builder().clock(clock).seed(4).eventSink(sink).consentExpiryCheck(Duration.ofMinutes(1))
                .consentKey("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)).build()) {
            Customer ann = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b.contactPoint(
                    ContactPoint.of(EmailAddress.parse("ann@example.com"), ContactUsage.HOME)));
            ConsentScope newsletter = ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER);
            crm.consents().optIn(T, ann.id(), newsletter, Capture.TICKED_BOX, Evidence.of(
                    CaptureSource.of(CaptureSource.Kind.WEB_FORM, "signup"), clock.instant(),
                    Wording.version("nl-1")));

            clock.set(clock.instant().atOffset(ZoneOffset.UTC).plus(Period.ofMonths(37)).toInstant());

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (sink.events(DomainEvent.ConsentChanged.class).stream()
                    .noneMatch(e -> e.state() == ConsentState.EXPIRED) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(sink.events(DomainEvent.ConsentChanged.class)).extracting(DomainEvent.ConsentChanged::state)
                    .containsExactly(ConsentState.OPTED_IN, ConsentState.EXPIRED);
            assertThat(crm.consents().expireDue(T)).as("recorded once").isZero();
        }
    }
}
