package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.consent.Fixtures.TENANT;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.crmkit.spi.TenantId;
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

/**
 * verify() finds every single-entry mutation, of whole and of erased entries alike: any field altered (personal
 * data, its salt and digest included), any entry deleted, any two swapped.
 */
class LedgerVerificationProperties {
    enum Mutation {
        SEQUENCE, TENANT, CUSTOMER, RECORDED_AT, PREVIOUS_HASH, HASH, PERSONAL_DIGEST, SALT, EVIDENCE, PROOF,
        CONTACT_POINT, WORDING, EVENT_TYPE, SCOPE, DELETE, SWAP
    }

    private static Fixtures ledgerOf(int size) {
        Fixtures f = new Fixtures();
        CustomerId ann = f.person("ann");
        CustomerId bob = f.person("bob");
        for (int i = 0; i < size; i++) {
            f.clock.advance(Duration.ofMinutes(1));
            CustomerId who = i % 3 == 0 ? bob : ann;
            ConsentScope scope = ConsentScope.of(ConsentChannel.EMAIL, i % 2 == 0 ? Purpose.NEWSLETTER
                    : Purpose.MARKETING);
            if (i % 4 == 3) {
                f.consents.optOut(TENANT, who, scope, Fixtures.bare(f.now()));
            } else {
                f.consents.optIn(TENANT, who, scope, Capture.TICKED_BOX, Fixtures.form(f.now()));
            }
        }
        return f;
    }

    private static Hash256 otherHash(Hash256 h) {
        byte[] b = h.bytes();
        b[7] ^= 1;
        return Hash256.of(b);
    }

    private static ConsentEvent otherEvidence(ConsentEvent e) {
        Evidence ev = e.evidence();
        Evidence forged = new Evidence(CaptureSource.of(ev.source().kind(), "forged"), ev.capturedAt(),
                ev.wording(), ev.proof());
        if (e instanceof ConsentEvent.OptedIn in) {
            return new ConsentEvent.OptedIn(in.scope(), in.capture(), forged, in.validUntil());
        }
        return new ConsentEvent.OptedOut(e.scope(), forged);
    }

    private static ConsentEvent otherType(ConsentEvent e) {
        return e instanceof ConsentEvent.OptedOut ? new ConsentEvent.OptedIn(e.scope(), Capture.TICKED_BOX,
                e.evidence(), Optional.empty()) : new ConsentEvent.OptedOut(e.scope(), e.evidence());
    }

    private static ConsentEvent otherScope(ConsentEvent e) {
        ConsentScope s = ConsentScope.of(ConsentChannel.SMS, e.scope().purpose());
        return e instanceof ConsentEvent.OptedIn in ? new ConsentEvent.OptedIn(s, in.capture(), in.evidence(),
                in.validUntil()) : new ConsentEvent.OptedOut(s, e.evidence());
    }

    private static UnaryOperator<LedgerEntry> alteration(Mutation m) {
        return e -> switch (m) {
            case SEQUENCE -> new LedgerEntry(e.tenant(), e.sequence() + 100, e.customer(), e.recordedAt(), e.event(),
                    e.personalDigest(), e.salt(), e.previousHash(), e.hash());
            case TENANT -> new LedgerEntry(TenantId.of("other"), e.sequence(), e.customer(), e.recordedAt(),
                    e.event(), e.personalDigest(), e.salt(), e.previousHash(), e.hash());
            case CUSTOMER -> new LedgerEntry(e.tenant(), e.sequence(), CustomerId.of("mallory"), e.recordedAt(),
                    e.event(), e.personalDigest(), e.salt(), e.previousHash(), e.hash());
            case RECORDED_AT -> new LedgerEntry(e.tenant(), e.sequence(), e.customer(), e.recordedAt().plusNanos(1),
                    e.event(), e.personalDigest(), e.salt(), e.previousHash(), e.hash());
            case PREVIOUS_HASH -> new LedgerEntry(e.tenant(), e.sequence(), e.customer(), e.recordedAt(), e.event(),
                    e.personalDigest(), e.salt(), otherHash(e.previousHash()), e.hash());
            case HASH -> new LedgerEntry(e.tenant(), e.sequence(), e.customer(), e.recordedAt(), e.event(),
                    e.personalDigest(), e.salt(), e.previousHash(), otherHash(e.hash()));
            case PERSONAL_DIGEST -> new LedgerEntry(e.tenant(), e.sequence(), e.customer(), e.recordedAt(),
                    e.event(), otherHash(e.personalDigest()), e.salt(), e.previousHash(), e.hash());
            case SALT -> new LedgerEntry(e.tenant(), e.sequence(), e.customer(), e.recordedAt(), e.event(),
                    e.personalDigest(), Optional.of(Salt.of(new byte[Salt.LENGTH])), e.previousHash(), e.hash());
            case EVIDENCE -> withEvent(e, otherEvidence(e.event()));
            case PROOF -> withEvent(e, e.event().with(e.event().scope(), e.event().evidence()
                    .withProof(TechnicalProof.of("198.51.100.1", "curl/8"))));
            case CONTACT_POINT -> withEvent(e, e.event().with(ConsentScope.of(e.event().scope().channel(),
                    e.event().scope().purpose(), EmailAddress.parse("mallory@example.com")), e.event().evidence()));
            case WORDING -> withEvent(e, e.event().with(e.event().scope(), new Evidence(e.event().evidence().source(),
                    e.event().evidence().capturedAt(), Optional.of(Wording.version("forged")),
                    e.event().evidence().proof())));
            case EVENT_TYPE -> withEvent(e, otherType(e.event()));
            case SCOPE -> withEvent(e, otherScope(e.event()));
            default -> throw new IllegalArgumentException(m.name());
        };
    }

    private static LedgerEntry withEvent(LedgerEntry e, ConsentEvent event) {
        return new LedgerEntry(e.tenant(), e.sequence(), e.customer(), e.recordedAt(), event, e.personalDigest(),
                e.salt(), e.previousHash(), e.hash());
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Arbitraries.of(Mutation.class);
    }

    @Property(tries = 400, seed = "42")
    void verify_findsEverySingleEntryMutation(@ForAll @IntRange(min = 1, max = 30) int size,
                                              @ForAll("mutations") Mutation mutation,
                                              @ForAll @IntRange(min = 0, max = 1000) int i,
                                              @ForAll @IntRange(min = 1, max = 1000) int shift,
                                              @ForAll boolean erasedBob) {
        Fixtures f = ledgerOf(size);
        if (erasedBob) {
            f.consents.erase(TENANT, Set.of(CustomerId.of("bob")));
        }
        assertThat(f.consents.verify(TENANT).intact()).isTrue();
        size = f.store.size();
        int index = i % size;
        switch (mutation) {
            case DELETE -> f.store.remove(index);
            case SWAP -> {
                if (size < 2) {
                    return;
                }
                f.store.swap(index, (index + 1 + shift % (size - 1)) % size);
            }
            default -> f.store.replace(index, alteration(mutation));
        }

        LedgerVerification result = f.consents.verify(TENANT);

        assertThat(result.intact()).as("%s of entry %d of %d", mutation, index, size).isFalse();
    }

    @Test
    void verify_ofIntactLedger_checksEveryEntry_andAgreesWithAnAnchoredHead() {
        Fixtures f = ledgerOf(12);
        LedgerHead anchor = f.consents.head(TENANT);

        assertThat(f.consents.verify(TENANT, anchor)).isEqualTo(new LedgerVerification(12, List.of()));
        assertThat(anchor.sequence()).isEqualTo(12);
    }

    @Test
    void verify_afterTruncation_reportsTheHeadMismatch_evenInANewEngine() {
        Fixtures f = ledgerOf(5);
        LedgerHead anchor = f.consents.head(TENANT);
        f.store.remove(4);

        assertThat(f.consents.verify(TENANT).violations()).extracting(LedgerVerification.Violation::problem)
                .containsExactly(LedgerVerification.Problem.HEAD_MISMATCH);
        assertThat(f.service(ConsentPolicy.defaults()).verify(TENANT, anchor).intact()).isFalse();
    }
}
