package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
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
 * For entries of every kind, with and without personal data: the erased form verifies with the same hash and holds
 * none of the data, and any change of a personal field of a whole entry is found.
 */
class LedgerEntryProperties {
    private static final Instant AT = Instant.parse("2026-05-01T08:00:00Z");

    /** The personal data of an entry: the local part of a point (if scoped to one), the reference, IP and agent. */
    record Personal(Optional<String> mailbox, String reference, Optional<String> ip, Optional<String> agent) {
    }

    @Provide
    Arbitrary<Personal> personal() {
        Arbitrary<String> token = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz").ofMinLength(12)
                .ofMaxLength(20);
        Arbitrary<String> ip = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(parts -> "10." + parts.get(0) + "." + parts.get(1) + "." + parts.get(2));
        return Combinators.combine(token.optional(), token, ip.optional(), token.map(t -> "agent " + t).optional())
                .as(Personal::new);
    }

    private static LedgerEntry entry(int kind, Personal p, byte[] salt) {
        ConsentScope scope = new ConsentScope(ConsentChannel.EMAIL, Purpose.NEWSLETTER,
                p.mailbox().map(m -> EmailAddress.parse(m + "@example.com")));
        Optional<TechnicalProof> proof = p.ip().isEmpty() && p.agent().isEmpty() ? Optional.empty()
                : Optional.of(new TechnicalProof(p.ip(), p.agent()));
        Evidence evidence = new Evidence(CaptureSource.of(CaptureSource.Kind.WEB_FORM, p.reference()), AT,
                Optional.of(Wording.version("w-1")), proof);
        ConsentEvent event = switch (kind) {
            case 0 -> new ConsentEvent.OptedIn(scope, Capture.VERBAL, evidence, Optional.of(AT.plusSeconds(60)));
            case 1 -> new ConsentEvent.OptedOut(scope, evidence);
            case 2 -> new ConsentEvent.ConfirmationRequested(scope, evidence, AT.plusSeconds(60));
            case 3 -> new ConsentEvent.Confirmed(scope, evidence, Optional.empty());
            case 4 -> new ConsentEvent.Expired(scope, Capture.TICKED_BOX, evidence, AT);
            default -> new ConsentEvent.Erased(scope, evidence);
        };
        return LedgerEntry.chain(TenantId.DEFAULT, 7, Hash256.ZERO, CustomerId.of("c-1"), AT, event, Salt.of(salt));
    }

    private static List<String> strings(Personal p) {
        return Stream.of(p.mailbox(), Optional.of(p.reference()), p.ip(), p.agent())
                .flatMap(Optional::stream).toList();
    }

    @Property(tries = 300, seed = "42")
    void theErasedForm_verifiesWithTheSameHash_andHoldsNoneOfThePersonalData(
            @ForAll("personal") Personal p, @ForAll int seed, @ForAll @IntRange(max = 5) int kind) {
        byte[] salt = new byte[Salt.LENGTH];
        new SplittableRandom(seed).nextBytes(salt);
        LedgerEntry whole = entry(kind, p, salt);

        LedgerEntry erased = whole.withoutPersonalData();

        assertThat(whole.hashMatches()).isTrue();
        assertThat(erased.hashMatches()).isTrue();
        assertThat(erased.hash()).isEqualTo(whole.hash());
        assertThat(erased.canonicalBytes()).isEqualTo(whole.canonicalBytes());
        assertThat(erased.toString()).doesNotContain(strings(p));
        assertThat(new String(whole.canonicalBytes(), StandardCharsets.UTF_8))
                .doesNotContain(strings(p));
    }

    /** A personal field of an entry. */
    enum Field { MAILBOX, REFERENCE, IP, AGENT }

    private static Personal with(Personal p, Field field, String value) {
        return switch (field) {
            case MAILBOX -> new Personal(Optional.of(value), p.reference(), p.ip(), p.agent());
            case REFERENCE -> new Personal(p.mailbox(), value, p.ip(), p.agent());
            case IP -> new Personal(p.mailbox(), p.reference(), Optional.of("10.9.8." + value.length()), p.agent());
            case AGENT -> new Personal(p.mailbox(), p.reference(), p.ip(), Optional.of(value));
        };
    }

    @Property(tries = 400, seed = "42")
    void anyChangeOfAPersonalFieldOfAWholeEntry_isFound(@ForAll("personal") Personal p, @ForAll Field field,
                                                        @ForAll("personal") Personal source,
                                                        @ForAll @IntRange(max = 5) int kind) {
        Personal other = with(p, field, source.reference());
        byte[] salt = new byte[Salt.LENGTH];
        LedgerEntry whole = entry(kind, p, salt);
        LedgerEntry changed = entry(kind, other, salt);
        LedgerEntry forged = new LedgerEntry(whole.tenant(), whole.sequence(), whole.customer(), whole.recordedAt(),
                changed.event(), whole.personalDigest(), whole.salt(), whole.previousHash(), whole.hash());

        assertThat(forged.hashMatches()).as("%s changed to %s", field, other).isEqualTo(p.equals(other));
    }
}
