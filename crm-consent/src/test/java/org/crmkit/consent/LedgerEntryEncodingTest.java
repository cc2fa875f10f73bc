package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.TechnicalProof;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.interaction.Channel;
import org.junit.jupiter.api.Test;

class LedgerEntryEncodingTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456789Z");

    private static LedgerEntry sample() {
        ConsentEvent event = new ConsentEvent.OptedIn(
                ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER, EmailAddress.parse("ann@example.com")),
                Capture.TICKED_BOX,
                Evidence.of(CaptureSource.of(CaptureSource.Kind.WEB_FORM, "signup"), AT,
                        Wording.of("v3", "Yes — send me the newsletter.")).withProof(
                        TechnicalProof.of("203.0.113.9", "Mozilla/5.0")),
                Optional.of(AT.plusSeconds(86_400)));
        return LedgerEntry.chain(TenantId.DEFAULT, 1, Hash256.ZERO, CustomerId.of("ann"), AT.plusSeconds(1), event);
    }

    @Test
    void hash_ofTheCanonicalEncoding_isStable() {
        assertThat(sample().hash()).isEqualTo(sample().hash());
        assertThat(sample().hash().hex()).hasSize(64).isEqualTo(sample().computeHash().hex());
        assertThat(new String(sample().canonicalBytes(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("CKL1");
        assertThat(sample().hashMatches()).isTrue();
    }

    /** The value was computed by an independent implementation of the encoding documented in {@link LedgerEntry}. */
    @Test
    void hash_ofAKnownEntry_isFrozen_soEveryVersionOfCrmkitVerifiesOldLedgers() {
        assertThat(sample().hash().hex()).isEqualTo("1d363c06d0da92c890ab328fd686af53f8813377aaed335bd5d1b987290a565c");
    }

    @Test
    void hash_changesWithThePreviousHash_soEntriesAreChained() {
        LedgerEntry first = sample();
        LedgerEntry second = LedgerEntry.chain(first.tenant(), 2, first.hash(), first.customer(),
                first.recordedAt(), first.event());
        LedgerEntry elsewhere = LedgerEntry.chain(first.tenant(), 2, Hash256.ZERO, first.customer(),
                first.recordedAt(), first.event());

        assertThat(second.hash()).isNotEqualTo(elsewhere.hash());
    }

    @Test
    void hash256_roundTripsThroughHex_andRefusesWrongLengths() {
        Hash256 h = sample().hash();

        assertThat(Hash256.parse(h.hex())).isEqualTo(h).hasSameHashCodeAs(h);
        assertThat(Hash256.parse(h.hex().toUpperCase())).isEqualTo(h);
        assertThatThrownBy(() -> Hash256.of(new byte[31])).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Hash256.parse("zz".repeat(32))).isInstanceOf(ValidationException.class);
    }

    @Test
    void entry_recordedBeforeItsEvent_isRefused() {
        LedgerEntry e = sample();

        assertThatThrownBy(() -> new LedgerEntry(e.tenant(), 1, e.customer(), AT.minusNanos(1), e.event(),
                e.previousHash(), e.hash())).isInstanceOf(ValidationException.class);
    }

    @Test
    void scope_withContactPointOfAnotherKind_isRefused() {
        assertThatThrownBy(() -> ConsentScope.of(ConsentChannel.SMS, Purpose.MARKETING,
                EmailAddress.parse("ann@example.com"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void consentChannel_mapsInteractionChannels() {
        assertThat(ConsentChannel.of(Channel.EMAIL)).contains(ConsentChannel.EMAIL);
        assertThat(ConsentChannel.of(Channel.WEB)).contains(ConsentChannel.WEB_PERSONALISATION);
        assertThat(ConsentChannel.of(Channel.FAX)).isEmpty();
        assertThat(ConsentChannel.parse("postal_mail")).isEqualTo(ConsentChannel.POSTAL_MAIL);
    }

    @Test
    void preTickedBox_isNeverExplicit() {
        assertThat(Capture.PRE_TICKED_BOX.isExplicit()).isFalse();
        assertThat(Capture.SOFT_OPT_IN_PURCHASE.isExplicit()).isFalse();
        assertThat(Capture.TICKED_BOX.isExplicit()).isTrue();
    }

    @Test
    void purpose_mustBeSnakeCase() {
        assertThat(Purpose.of("loyalty_club").name()).isEqualTo("loyalty_club");
        assertThatThrownBy(() -> Purpose.of("Loyalty Club")).isInstanceOf(ValidationException.class);
    }
}
