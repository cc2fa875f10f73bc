package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.consent.Fixtures.EMAIL_NEWSLETTER;
import static org.crmkit.consent.Fixtures.TENANT;
import static org.crmkit.consent.Fixtures.form;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.CustomerId;
import org.junit.jupiter.api.Test;

class UnsubscribeTokenTest {
    private final Fixtures f = new Fixtures();
    private final ConsentService consents = f.consents;
    private final CustomerId ann = f.person("ann");

    private String token(Duration validFor) {
        return consents.issueUnsubscribeToken(TENANT, ann, ConsentChannel.EMAIL, Purpose.NEWSLETTER, validFor);
    }

    private static InvalidTokenException.Reason reasonOf(Throwable e) {
        return ((InvalidTokenException) e).reason();
    }

    @Test
    void unsubscribe_withGenuineToken_optsOutWithLinkEvidence_once() {
        consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        String token = token(Duration.ofDays(30));

        ConsentStatus status = consents.unsubscribe(token);
        consents.unsubscribe(token);

        assertThat(status.state()).isEqualTo(ConsentState.OPTED_OUT);
        assertThat(status.evidence().orElseThrow().source().kind()).isEqualTo(CaptureSource.Kind.UNSUBSCRIBE_LINK);
        assertThat(f.store.size()).isEqualTo(2);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void verify_returnsTheClaims() {
        UnsubscribeToken claims = consents.verifyUnsubscribeToken(token(Duration.ofHours(1)));

        assertThat(claims).isEqualTo(new UnsubscribeToken(TENANT, ann, ConsentChannel.EMAIL, Purpose.NEWSLETTER,
                f.now().plus(Duration.ofHours(1))));
    }

    @Test
    void expiredToken_isRefused_andChangesNothing() {
        String token = token(Duration.ofHours(1));
        f.clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> consents.unsubscribe(token)).isInstanceOf(InvalidTokenException.class)
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(InvalidTokenException.Reason.EXPIRED));
        assertThat(f.store.size()).isZero();
    }

    @Test
    void tokenWithAlteredPayload_isRefusedAsForged() {
        String token = token(Duration.ofHours(1));
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("|ann|", "|bob|").getBytes(StandardCharsets.UTF_8)) + token.substring(
                token.indexOf('.'));

        assertThatThrownBy(() -> consents.unsubscribe(altered)).isInstanceOf(InvalidTokenException.class)
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(InvalidTokenException.Reason.FORGED));
        assertThat(f.store.size()).isZero();
    }

    @Test
    void tokenSignedWithAnotherKey_isRefusedAsForged() {
        ConsentService other = ConsentService.builder().storage(new TestStorage())
                .customers((t, id) -> Optional.empty())
                .clock(f.clock).hmacKey("another-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.US_ASCII))
                .build();
        String foreign = other.issueUnsubscribeToken(TENANT, ann, ConsentChannel.EMAIL, Purpose.NEWSLETTER,
                Duration.ofHours(1));

        assertThatThrownBy(() -> consents.unsubscribe(foreign))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(InvalidTokenException.Reason.FORGED));
    }

    @Test
    void malformedTokens_areRefusedAsMalformed() {
        for (String bad : new String[] {"", ".", "abc", "abc.", ".abc", "a.b.c", "!!!.???", "YWJj.YWJj",
                "YWJj=.YWJj", "x".repeat(2000)}) {
            assertThatThrownBy(() -> consents.verifyUnsubscribeToken(bad)).as(bad)
                    .isInstanceOf(InvalidTokenException.class)
                    .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(InvalidTokenException.Reason.MALFORMED));
        }
    }

    @Test
    void unsubscribe_withdrawsEveryConsentThatAllowsThePurposeOnTheChannel_pointScopedOnesToo() {
        consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        consents.unsubscribe(token(Duration.ofDays(30)));
        f.clock.advance(Duration.ofMinutes(1));
        ConsentScope address = ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER, f.emailOf(ann));
        consents.optIn(TENANT, ann, address, Capture.TICKED_BOX, form(f.now()));
        assertThat(newsletter().isAllowed()).isTrue();
        f.clock.advance(Duration.ofMinutes(1));
        long entries = f.store.size();

        ConsentStatus status = consents.unsubscribe(token(Duration.ofDays(30)));

        assertThat(status.state()).isEqualTo(ConsentState.OPTED_OUT);
        assertThat(newsletter().isAllowed()).isFalse();
        assertThat(consents.status(TENANT, ann, address).state()).isEqualTo(ConsentState.OPTED_OUT);
        assertThat(f.store.size()).isEqualTo(entries + 1);
        consents.unsubscribe(token(Duration.ofDays(30)));
        assertThat(f.store.size()).isEqualTo(entries + 1);
    }

    private ContactDecision newsletter() {
        return consents.decide(TENANT, ann, ConsentChannel.EMAIL, Purpose.NEWSLETTER, f.now());
    }

    @Test
    void validity_isRefusedBelowASecondAndAboveTheMaximum_withTheFieldNamed() {
        assertThat(consents.verifyUnsubscribeToken(token(ConsentService.MAX_TOKEN_VALIDITY)).expiresAt())
                .isEqualTo(f.now().plus(ConsentService.MAX_TOKEN_VALIDITY));
        for (Duration wrong : List.of(Duration.ZERO, Duration.ofMillis(999), Duration.ofSeconds(-5),
                ConsentService.MAX_TOKEN_VALIDITY.plusSeconds(1), Duration.ofSeconds(Long.MAX_VALUE))) {
            assertThatThrownBy(() -> token(wrong)).as("%s", wrong).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.field()).isEqualTo("validFor"));
        }
    }

    @Test
    void decide_refusesEveryNullArgument_withTheFieldNamed() {
        Instant now = f.now();
        assertNamed("tenant", () -> consents.decide(null, ann, ConsentChannel.EMAIL, Purpose.NEWSLETTER, now));
        assertNamed("customer", () -> consents.decide(TENANT, null, ConsentChannel.EMAIL, Purpose.NEWSLETTER, now));
        assertNamed("channel", () -> consents.decide(TENANT, ann, null, Purpose.NEWSLETTER, now));
        assertNamed("purpose", () -> consents.decide(TENANT, ann, ConsentChannel.EMAIL, null, now));
        assertNamed("at", () -> consents.decide(TENANT, ann, ConsentChannel.EMAIL, Purpose.NEWSLETTER, null));
    }

    private static void assertNamed(String field, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
