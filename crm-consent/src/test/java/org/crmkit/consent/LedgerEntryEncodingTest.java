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
import org.crmkit.spi.consent.Salt;
import org.crmkit.spi.consent.TechnicalProof;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.interaction.Channel;
import org.junit.jupiter.api.Test;

class LedgerEntryEncodingTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456789Z");
    private static final Salt SALT = Salt.of(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
    private static final ConsentScope SCOPE = ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER);

    private static LedgerEntry sample() {
        ConsentEvent event = new ConsentEvent.OptedIn(
                ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER, EmailAddress.parse("ann@example.com")),
                Capture.TICKED_BOX,
                Evidence.of(CaptureSource.of(CaptureSource.Kind.WEB_FORM, "signup"), AT,
                        Wording.of("v3", "Yes — send me the newsletter.")).withProof(
                        TechnicalProof.of("203.0.113.9", "Mozilla/5.0")),
                Optional.of(AT.plusSeconds(86_400)));
        return LedgerEntry.chain(TenantId.DEFAULT, 1, Hash256.ZERO, CustomerId.of("ann"), AT.plusSeconds(1), event,
                SALT);
    }

    private static LedgerEntry expiry() {
        Instant at = AT.plusSeconds(86_400);
        ConsentEvent event = new ConsentEvent.Expired(SCOPE, Capture.TICKED_BOX,
                Evidence.of(CaptureSource.of(CaptureSource.Kind.ENGINE, "expiry"), at), at);
        return LedgerEntry.chain(TenantId.DEFAULT, 2, sample().hash(), CustomerId.of("ann"), at, event, SALT);
    }

    private static LedgerEntry erasure() {
        Instant at = AT.plusSeconds(90_000);
        ConsentEvent event = new ConsentEvent.Erased(SCOPE,
                Evidence.of(CaptureSource.of(CaptureSource.Kind.ENGINE, "erasure"), at));
        return LedgerEntry.chain(TenantId.DEFAULT, 3, expiry().hash(), CustomerId.of("ann"), at, event, SALT)
                .withoutPersonalData();
    }

    @Test
    void hash_ofTheCanonicalEncoding_isStable() {
        assertThat(sample().hash()).isEqualTo(sample().hash());
        assertThat(sample().hash().hex()).hasSize(64).isEqualTo(sample().computeHash().hex());
        assertThat(new String(sample().canonicalBytes(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("CKL2");
        assertThat(sample().hashMatches()).isTrue();
    }

    /**
     * The values were computed by an independent implementation of the encoding documented in {@link LedgerEntry}
     * (version 2), so that every version of crmkit verifies the ledgers of earlier ones.
     */
    @Test
    void hashesAndDigests_ofKnownEntries_areFrozen() {
        assertThat(sample().personalDigest().hex())
                .isEqualTo("0a042afdccfac1e73d6137b74d5cc46a1d6daa41823433d1f60ef2c690bae4ce");
        assertThat(sample().hash().hex())
                .isEqualTo("740dcd6daec48cfab2d7feadeb94f2aeafbc2bfce5c99421ce67015d1705abc1");
        assertThat(expiry().personalDigest().hex())
                .isEqualTo("f0ea06c4bd8801d57d192ad86d3b7c0c874e36d86263d176a21ac29bf0d4745b");
        assertThat(expiry().hash().hex())
                .isEqualTo("ed2a1e8528e50d23de8d2e7f7cce8076275f1cc310bcb61558abd0506327cd0b");
        assertThat(erasure().personalDigest().hex())
                .isEqualTo("28599b9c2baed57622fb9dde51bb2a0a23ac8b1f2bb92469fb675d9acd567394");
        assertThat(erasure().hash().hex())
                .isEqualTo("7e8f5f6f339eb25cac7c49d5fa8393020c80d2d241acc067eaa71210ae9d27db");
        assertThat(sample().withoutPersonalData().hash()).isEqualTo(sample().hash());
    }

    @Test
    void erasedEntry_keepsItsHashesAndChain_andHoldsNoPersonalData() {
        LedgerEntry whole = sample();
        LedgerEntry erased = whole.withoutPersonalData();

        assertThat(erased.isErased()).isTrue();
        assertThat(erased.hashMatches()).isTrue();
        assertThat(erased.canonicalBytes()).isEqualTo(whole.canonicalBytes());
        assertThat(erased.personalDigest()).isEqualTo(whole.personalDigest());
        assertThat(erased.salt()).isEmpty();
        assertThat(erased.toString()).doesNotContain("ann@example.com", "signup", "203.0.113.9", "Mozilla");
        assertThat(erased.event().evidence().wording()).isEqualTo(whole.event().evidence().wording());
        assertThat(erased.withoutPersonalData()).isSameAs(erased);
    }

    @Test
    void erasedEntry_stillHoldingPersonalData_doesNotMatch() {
        LedgerEntry erased = sample().withoutPersonalData();
        LedgerEntry leaky = new LedgerEntry(erased.tenant(), erased.sequence(), erased.customer(),
                erased.recordedAt(), erased.event().with(erased.event().scope(), erased.event().evidence()
                .withProof(TechnicalProof.of("203.0.113.9", "Mozilla/5.0"))), erased.personalDigest(),
                erased.salt(), erased.previousHash(), erased.hash());

        assertThat(leaky.hashMatches()).isFalse();
    }

    @Test
    void personalDigest_dependsOnTheSalt_soEqualDataIsNotRecognisable() {
        LedgerEntry a = sample();
        LedgerEntry b = LedgerEntry.chain(a.tenant(), 1, Hash256.ZERO, a.customer(), a.recordedAt(), a.event(),
                Salt.of(new byte[Salt.LENGTH]));

        assertThat(b.personalDigest()).isNotEqualTo(a.personalDigest());
        assertThat(b.hash()).isNotEqualTo(a.hash());
    }

    @Test
    void hash_changesWithThePreviousHash_soEntriesAreChained() {
        LedgerEntry first = sample();
        LedgerEntry second = LedgerEntry.chain(first.tenant(), 2, first.hash(), first.customer(),
                first.recordedAt(), first.event(), SALT);
        LedgerEntry elsewhere = LedgerEntry.chain(first.tenant(), 2, Hash256.ZERO, first.customer(),
                first.recordedAt(), first.event(), SALT);

        assertThat(second.hash()).isNotEqualTo(elsewhere.hash());
    }

    @Test
    void hash256AndSalt_roundTripThroughHex_andRefuseWrongLengths() {
        Hash256 h = sample().hash();

        assertThat(Hash256.parse(h.hex())).isEqualTo(h).hasSameHashCodeAs(h);
        assertThat(Hash256.parse(h.hex().toUpperCase())).isEqualTo(h);
        assertThatThrownBy(() -> Hash256.of(new byte[31])).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Hash256.parse("zz".repeat(32))).isInstanceOf(ValidationException.class);
        assertThat(Salt.of(SALT.bytes())).isEqualTo(SALT).hasSameHashCodeAs(SALT);
        assertThat(SALT.hex()).isEqualTo("000102030405060708090a0b0c0d0e0f");
        assertThatThrownBy(() -> Salt.of(new byte[15])).isInstanceOf(ValidationException.class)
                .hasMessageContaining("salt");
    }

    @Test
    void entry_recordedBeforeItsEvent_isRefused() {
        LedgerEntry e = sample();

        assertThatThrownBy(() -> new LedgerEntry(e.tenant(), 1, e.customer(), AT.minusNanos(1), e.event(),
                e.personalDigest(), e.salt(), e.previousHash(), e.hash())).isInstanceOf(ValidationException.class);
    }

    @Test
    void expiry_datedBeforeTheValidityEnd_isRefused() {
        Evidence early = Evidence.of(CaptureSource.of(CaptureSource.Kind.ENGINE, "expiry"), AT);

        assertThatThrownBy(() -> new ConsentEvent.Expired(SCOPE, Capture.TICKED_BOX, early, AT.plusNanos(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("validUntil");
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
