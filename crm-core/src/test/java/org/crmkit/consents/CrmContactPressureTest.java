package org.crmkit.consents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.crmkit.Crm;
import org.crmkit.consent.ContactDecision;
import org.crmkit.consent.DenialReason;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.tck.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * Under the facade, sends are counted one way: each is a {@code message_sent} interaction, whether the host records
 * it or tells {@code crm.consents().recordSent}; so the default policy's cap (two promotional e-mails a week) holds,
 * and holds on a second engine over the same storage.
 */
class CrmContactPressureTest {
    static final TenantId T = TenantId.of("t1");
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));
    final Crm crm = Crm.builder().clock(clock).seed(4).eventRelayThread(false).consentKey(KEY).build();

    private CustomerId subscriber() {
        CustomerId ann = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b.contactPoint(
                ContactPoint.of(EmailAddress.parse("ann@example.com"), ContactUsage.HOME).asPrimary())).id();
        crm.consents().optIn(T, ann, ConsentScope.of(ConsentChannel.EMAIL, Purpose.MARKETING), Capture.TICKED_BOX,
                Evidence.of(CaptureSource.of(CaptureSource.Kind.WEB_FORM, "signup"), clock.instant(),
                        Wording.version("signup-v1")));
        clock.advance(Duration.ofMinutes(1));
        return ann;
    }

    private static ContactDecision marketingEmail(Crm crm, CustomerId id) {
        return crm.consents().decide(T, id, ConsentChannel.EMAIL, Purpose.MARKETING);
    }

    @Test
    void recordSent_countsTowardsTheCap_onEveryEngine() {
        CustomerId ann = subscriber();
        crm.consents().recordSent(T, ann, ConsentChannel.EMAIL, Purpose.MARKETING, clock.instant());
        assertThat(marketingEmail(crm, ann).isAllowed()).isTrue();

        crm.consents().recordSent(T, ann, ConsentChannel.EMAIL, Purpose.MARKETING, clock.instant());

        assertThat(marketingEmail(crm, ann)).isEqualTo(ContactDecision.Denied.of(DenialReason.PRESSURE_CAP_REACHED));
        try (Crm other = Crm.builder().storage(crm.storage()).clock(clock).seed(5).eventRelayThread(false)
                .consentKey(KEY).build()) {
            assertThat(marketingEmail(other, ann))
                    .isEqualTo(ContactDecision.Denied.of(DenialReason.PRESSURE_CAP_REACHED));
        }
        clock.advance(Duration.ofDays(7));
        assertThat(marketingEmail(crm, ann).isAllowed()).isTrue();
    }

    @Test
    void aMessageSentRecordedWithoutADirection_countsToo() {
        CustomerId ann = subscriber();
        for (int i = 0; i < 2; i++) {
            crm.interactions().record(Interaction.builder(T, crm.interactions().newId(), Subject.customer(ann),
                    Channel.EMAIL, InteractionType.MESSAGE_SENT, clock.instant()).build());
        }

        assertThat(marketingEmail(crm, ann)).isEqualTo(ContactDecision.Denied.of(DenialReason.PRESSURE_CAP_REACHED));
    }
}
