package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.consent.Fixtures.EMAIL_MARKETING;
import static org.crmkit.consent.Fixtures.EMAIL_NEWSLETTER;
import static org.crmkit.consent.Fixtures.SMS_MARKETING;
import static org.crmkit.consent.Fixtures.TENANT;
import static org.crmkit.consent.Fixtures.bare;
import static org.crmkit.consent.Fixtures.form;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.consent.TechnicalProof;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.junit.jupiter.api.Test;

class ConsentServiceTest {
    private final Fixtures f = new Fixtures();
    private final ConsentService consents = f.consents;

    private ContactDecision decide(CustomerId id, ConsentScope scope) {
        return consents.decide(TENANT, id, scope.channel(), scope.purpose(), f.now());
    }

    private static ContactDecision denied(DenialReason... reasons) {
        return ContactDecision.Denied.of(reasons[0], Arrays.copyOfRange(reasons, 1, reasons.length));
    }

    // ------------------------------------------------------------------------------------------------ opt-in rules

    @Test
    void decide_withoutAnyRecord_underOptInRule_isDeniedForNoConsent() {
        CustomerId ann = f.person("ann");

        assertThat(decide(ann, EMAIL_NEWSLETTER)).isEqualTo(denied(DenialReason.NO_CONSENT));
    }

    @Test
    void decide_afterExplicitOptIn_isAllowedOnTheVerifiedPrimaryAddress() {
        CustomerId ann = f.person("ann");
        consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));

        assertThat(decide(ann, EMAIL_NEWSLETTER)).isEqualTo(new ContactDecision.Allowed(
                Optional.of(f.emailOf(ann)), ContactDecision.Basis.EXPLICIT_CONSENT));
    }

    @Test
    void decide_afterPreTickedBox_underExplicitRule_isDeniedAsImplicit() {
        CustomerId ann = f.person("ann");
        ConsentStatus status = consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.PRE_TICKED_BOX,
                form(f.now()));

        assertThat(status.state()).isEqualTo(ConsentState.OPTED_IN);
        assertThat(status.capture()).contains(Capture.PRE_TICKED_BOX);
        assertThat(decide(ann, EMAIL_NEWSLETTER)).isEqualTo(denied(DenialReason.IMPLICIT_NOT_ACCEPTED));
    }

    @Test
    void defaultEmailMarketingToConsumers_acceptsExplicitAndSoftOptIn_only() {
        ConsentScope marketing = ConsentScope.of(ConsentChannel.EMAIL, Purpose.MARKETING);
        for (Capture capture : Capture.values()) {
            if (capture == Capture.DOUBLE_OPT_IN_CONFIRMED) {
                continue;
            }
            CustomerId id = f.person("p-" + capture.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            consents.optIn(TENANT, id, marketing, capture, form(f.now()));

            ContactDecision expected = capture.isExplicit()
                    ? new ContactDecision.Allowed(Optional.of(f.emailOf(id)), ContactDecision.Basis.EXPLICIT_CONSENT)
                    : capture == Capture.SOFT_OPT_IN_PURCHASE
                    ? new ContactDecision.Allowed(Optional.of(f.emailOf(id)), ContactDecision.Basis.IMPLICIT_CONSENT)
                    : denied(DenialReason.IMPLICIT_NOT_ACCEPTED);
            assertThat(decide(id, marketing)).as("%s", capture).isEqualTo(expected);
        }
    }

    @Test
    void anOptInGivenUntilADate_expiresThen_orWhenTheRuleEndsItFirst() {
        CustomerId ann = f.person("ann");
        Instant contestEnds = f.now().plus(Duration.ofDays(30));
        ConsentStatus status = consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()),
                contestEnds);

        assertThat(status.until()).contains(contestEnds);
        assertThat(decide(ann, EMAIL_NEWSLETTER).isAllowed()).isTrue();
        f.clock.set(contestEnds);
        assertThat(decide(ann, EMAIL_NEWSLETTER)).isEqualTo(denied(DenialReason.EXPIRED));

        CustomerId bob = f.person("bob");
        Instant farAway = f.now().plus(Duration.ofDays(3650));
        assertThat(consents.optIn(TENANT, bob, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()), farAway)
                .until()).hasValueSatisfying(until -> assertThat(until).isBefore(farAway));
    }

    @Test
    void anEndNotAfterTheEvidence_isRefused_namingIt() {
        CustomerId ann = f.person("ann");

        assertThatThrownBy(() -> consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()),
                f.now())).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("endsAt"));
        assertThat(f.store.size()).isZero();
    }

    @Test
    void anObjectionToDirectMarketing_withdrawsEveryMarketingConsent_onEveryChannel_inOneCall() {
        CustomerId ann = f.person("ann");
        ConsentScope marketingAtHome = ConsentScope.of(ConsentChannel.EMAIL, Purpose.MARKETING, f.emailOf(ann));
        consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        consents.optIn(TENANT, ann, marketingAtHome, Capture.TICKED_BOX, form(f.now()));
        f.clock.advance(Duration.ofMinutes(1));

        List<ConsentStatus> after = consents.objectToDirectMarketing(TENANT, ann, form(f.now()));

        assertThat(after).isNotEmpty().allSatisfy(status -> {
            assertThat(status.state()).isEqualTo(ConsentState.OPTED_OUT);
            assertThat(status.scope().purpose()).isNotEqualTo(Purpose.SERVICE);
        });
        assertThat(after).extracting(ConsentStatus::scope).contains(EMAIL_NEWSLETTER,
                ConsentScope.of(ConsentChannel.POSTAL_MAIL, Purpose.MARKETING));
        assertThat(consents.status(TENANT, ann, marketingAtHome).state()).isEqualTo(ConsentState.OPTED_OUT);
        assertThat(decide(ann, EMAIL_NEWSLETTER)).isEqualTo(denied(DenialReason.OPTED_OUT));
        assertThat(decide(ann, ConsentScope.of(ConsentChannel.EMAIL, Purpose.SERVICE)).isAllowed()).isTrue();
        long entries = f.store.size();
        consents.objectToDirectMarketing(TENANT, ann, form(f.now()));
        assertThat(f.store.size()).isEqualTo(entries);
    }

    @Test
    void aLaterImplicitCapture_neverDowngradesAnExplicitConsentInForce() {
        CustomerId ann = f.person("ann");
        consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        f.clock.advance(Duration.ofDays(3));
        long entries = f.store.size();

        ConsentStatus status = consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.PRE_TICKED_BOX, form(f.now()));

        assertThat(status.capture()).contains(Capture.TICKED_BOX);
        assertThat(f.store.size()).isEqualTo(entries);
        assertThat(decide(ann, EMAIL_NEWSLETTER)).isEqualTo(new ContactDecision.Allowed(
                Optional.of(f.emailOf(ann)), ContactDecision.Basis.EXPLICIT_CONSENT));
    }

    @Test
    void anImplicitCapture_afterAnOptOut_isRecorded() {
        CustomerId ann = f.person("ann");
        consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        f.clock.advance(Duration.ofDays(1));
        consents.optOut(TENANT, ann, EMAIL_NEWSLETTER, form(f.now()));
        f.clock.advance(Duration.ofDays(1));

        ConsentStatus status = consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.PRE_TICKED_BOX, form(f.now()));

        assertThat(status.capture()).contains(Capture.PRE_TICKED_BOX);
        assertThat(decide(ann, EMAIL_NEWSLETTER)).isEqualTo(denied(DenialReason.IMPLICIT_NOT_ACCEPTED));
    }

    @Test
    void decide_afterSoftOptIn_underImplicitAcceptedRule_isAllowedOnImplicitBasis() {
        CustomerId ann = f.person("ann");
        consents.optIn(TENANT, ann, EMAIL_MARKETING, Capture.SOFT_OPT_IN_PURCHASE, form(f.now()));

        assertThat(decide(ann, EMAIL_MARKETING)).isInstanceOfSatisfying(ContactDecision.Allowed.class,
                a -> assertThat(a.basis()).isEqualTo(ContactDecision.Basis.IMPLICIT_CONSENT));
    }

    @Test
    void optOut_winsOverEarlierOptIn_andDecideSaysOptedOut() {
        CustomerId ann = f.person("ann");
        consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now().minusSeconds(60)));
        ConsentStatus out = consents.optOut(TENANT, ann, EMAIL_NEWSLETTER, bare(f.now()));

        assertThat(out.state()).isEqualTo(ConsentState.OPTED_OUT);
        assertThat(decide(ann, EMAIL_NEWSLETTER)).isEqualTo(denied(DenialReason.OPTED_OUT));
    }

    @Test
    void decide_underOptOutRule_isAllowedWithoutRecord_andDeniedAfterOptOut() {
        CustomerId acme = f.business("acme");
        assertThat(decide(acme, EMAIL_MARKETING)).isInstanceOfSatisfying(ContactDecision.Allowed.class,
                a -> assertThat(a.basis()).isEqualTo(ContactDecision.Basis.NO_OBJECTION));

        consents.optOut(TENANT, acme, EMAIL_MARKETING, bare(f.now()));

        assertThat(decide(acme, EMAIL_MARKETING)).isEqualTo(denied(DenialReason.OPTED_OUT));
    }

    @Test
    void optIn_expiresAfterTheRulesValidity_andDecideSaysExpired() {
        CustomerId ann = f.person("ann");
        f.clock.set(f.now().plusNanos(250_000_001));
        ConsentStatus in = consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        Instant validUntil = in.until().orElseThrow();
        assertThat(validUntil).isEqualTo(f.now().atOffset(ZoneOffset.UTC).plusMonths(36).toInstant());

        f.clock.set(validUntil);

        assertThat(consents.status(TENANT, ann, EMAIL_NEWSLETTER).state()).isEqualTo(ConsentState.EXPIRED);
        assertThat(decide(ann, EMAIL_NEWSLETTER)).isEqualTo(denied(DenialReason.EXPIRED));
        assertThat(consents.decide(TENANT, ann, ConsentChannel.EMAIL, Purpose.NEWSLETTER,
                validUntil.minusNanos(1)).isAllowed()).isTrue();
    }

    // ---------------------------------------------------------------------------------------------- double opt-in

    @Test
    void doubleOptIn_isPendingUntilConfirmed_thenExplicit() {
        CustomerId ann = f.person("ann");
        ConsentStatus pending = consents.requestConfirmation(TENANT, ann, EMAIL_NEWSLETTER, form(f.now()));
        assertThat(pending.state()).isEqualTo(ConsentState.PENDING_CONFIRMATION);
        assertThat(decide(ann, EMAIL_NEWSLETTER)).isEqualTo(denied(DenialReason.CONFIRMATION_PENDING));

        f.clock.advance(Duration.ofHours(2));
        ConsentStatus confirmed = consents.confirm(TENANT, ann, EMAIL_NEWSLETTER,
                Evidence.of(CaptureSource.of(CaptureSource.Kind.EMAIL_REPLY, "doi-link"), f.now()));

        assertThat(confirmed.state()).isEqualTo(ConsentState.OPTED_IN);
        assertThat(confirmed.capture()).contains(Capture.DOUBLE_OPT_IN_CONFIRMED);
        assertThat(decide(ann, EMAIL_NEWSLETTER).isAllowed()).isTrue();
    }

    @Test
    void doubleOptIn_notConfirmedInItsWindow_lapses_andCannotBeConfirmed() {
        CustomerId ann = f.person("ann");
        consents.requestConfirmation(TENANT, ann, EMAIL_NEWSLETTER, form(f.now()));
        f.clock.advance(Duration.ofDays(7));
        int before = f.store.size();

        assertThat(consents.status(TENANT, ann, EMAIL_NEWSLETTER).state()).isEqualTo(ConsentState.LAPSED);
        assertThat(decide(ann, EMAIL_NEWSLETTER)).isEqualTo(denied(DenialReason.NO_CONSENT));
        assertThatThrownBy(() -> consents.confirm(TENANT, ann, EMAIL_NEWSLETTER, bare(f.now())))
                .isInstanceOfSatisfying(ConfirmationNotPendingException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConfirmationNotPendingException.Reason.LAPSED));
        assertThat(f.store.size()).isEqualTo(before);
    }

    @Test
    void confirm_withoutRequest_isRefused_andWritesNothing() {
        CustomerId ann = f.person("ann");

        assertThatThrownBy(() -> consents.confirm(TENANT, ann, EMAIL_NEWSLETTER, bare(f.now())))
                .isInstanceOfSatisfying(ConfirmationNotPendingException.class, e ->
                        assertThat(e.reason()).isEqualTo(ConfirmationNotPendingException.Reason.NOT_REQUESTED));
        assertThat(f.store.size()).isZero();
    }

    @Test
    void requestConfirmation_whenExplicitlyOptedInAlready_writesNothing() {
        CustomerId ann = f.person("ann");
        consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));

        ConsentStatus status = consents.requestConfirmation(TENANT, ann, EMAIL_NEWSLETTER, form(f.now()));

        assertThat(status.state()).isEqualTo(ConsentState.OPTED_IN);
        assertThat(f.store.size()).isEqualTo(1);
    }

    // --------------------------------------------------------------------------------------------------- bad input

    @Test
    void optIn_forUnknownPurpose_isRefused_andWritesNothing() {
        CustomerId ann = f.person("ann");
        ConsentScope scope = ConsentScope.of(ConsentChannel.EMAIL, Purpose.of("lottery"));

        assertThatThrownBy(() -> consents.optIn(TENANT, ann, scope, Capture.TICKED_BOX, form(f.now())))
                .isInstanceOfSatisfying(UnknownPurposeException.class,
                        e -> assertThat(e.purpose()).isEqualTo("lottery"));
        assertThat(f.store.size()).isZero();
    }

    @Test
    void hostDefinedPurpose_isKnownOnceRegistered() {
        Purpose surveys = Purpose.of("surveys");
        Fixtures g = new Fixtures(ConsentPolicy.defaultsBuilder().purpose(surveys, ContactRule.optIn()).build());
        CustomerId ann = g.person("ann");

        g.consents.optIn(TENANT, ann, ConsentScope.of(ConsentChannel.EMAIL, surveys), Capture.PRE_TICKED_BOX,
                form(g.now()));

        assertThat(g.consents.decide(TENANT, ann, ConsentChannel.EMAIL, surveys, g.now()).isAllowed()).isTrue();
    }

    @Test
    void optIn_onChannelThePolicyDoesNotGovern_isRefusedAsUnknownChannel() {
        Fixtures g = new Fixtures(ConsentPolicy.defaultsBuilder()
                .channels(Set.of(ConsentChannel.EMAIL, ConsentChannel.SMS, ConsentChannel.PHONE,
                        ConsentChannel.POSTAL_MAIL)).clearCaps().build());
        CustomerId ann = g.person("ann");
        ConsentScope push = ConsentScope.of(ConsentChannel.PUSH, Purpose.MARKETING);

        assertThatThrownBy(() -> g.consents.optIn(TENANT, ann, push, Capture.TICKED_BOX, form(g.now())))
                .isInstanceOf(UnknownChannelException.class);
        assertThatThrownBy(() -> ConsentChannel.parse("carrier_pigeon")).isInstanceOf(ValidationException.class);
        assertThat(g.store.size()).isZero();
    }

    @Test
    void optIn_withoutWording_whenRuleRequiresIt_isRefusedAsMissingEvidence() {
        CustomerId ann = f.person("ann");

        assertThatThrownBy(() -> consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, bare(f.now())))
                .isInstanceOfSatisfying(MissingEvidenceException.class,
                        e -> assertThat(e.field()).isEqualTo("evidence.wording"));
        assertThat(f.store.size()).isZero();
    }

    @Test
    void optIn_datedInTheFuture_isRefused_andWritesNothing() {
        CustomerId ann = f.person("ann");

        assertThatThrownBy(() -> consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX,
                form(f.now().plusSeconds(1)))).isInstanceOf(FutureEventException.class);
        assertThat(f.store.size()).isZero();
    }

    @Test
    void event_datedBeforeTheCustomersLatest_isRefused() {
        CustomerId ann = f.person("ann");
        consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));

        assertThatThrownBy(() -> consents.optOut(TENANT, ann, SMS_MARKETING, bare(f.now().minusSeconds(1))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("latest consent event");
        assertThat(f.store.size()).isEqualTo(1);
    }

    @Test
    void optIn_claimingDoubleOptInConfirmation_isRefused() {
        CustomerId ann = f.person("ann");

        assertThatThrownBy(() -> consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.DOUBLE_OPT_IN_CONFIRMED,
                form(f.now()))).isInstanceOf(ValidationException.class);
        assertThat(f.store.size()).isZero();
    }

    // ------------------------------------------------------------------------------- contact points, suppression

    @Test
    void decide_withoutContactPointOfTheChannel_isDeniedForMissingPoint_withEveryOtherReason() {
        CustomerId nobody = f.unreachable("nobody");

        assertThat(decide(nobody, EMAIL_NEWSLETTER))
                .isEqualTo(denied(DenialReason.CONTACT_POINT_MISSING, DenialReason.NO_CONSENT));
    }

    @Test
    void decide_onUnverifiedPoint_whenRuleRequiresVerified_isDenied() {
        Fixtures g = new Fixtures(ConsentPolicy.defaultsBuilder()
                .rule(ConsentChannel.SMS, Purpose.MARKETING, ContactRule.optIn().withVerifiedContactRequired(true))
                .build());
        CustomerId ann = g.person("ann");
        g.consents.optIn(TENANT, ann, SMS_MARKETING, Capture.TICKED_BOX, form(g.now()));

        assertThat(g.consents.decide(TENANT, ann, ConsentChannel.SMS, Purpose.MARKETING, g.now()))
                .isEqualTo(denied(DenialReason.CONTACT_POINT_UNVERIFIED));
    }

    @Test
    void decide_forUnknownCustomer_isDenied() {
        assertThat(decide(CustomerId.of("ghost"), EMAIL_MARKETING)).isEqualTo(denied(DenialReason.UNKNOWN_CUSTOMER));
    }

    @Test
    void suppressedAddress_isDeniedEvenWithConsent_andOnlyItsKeyedHashIsStored() {
        CustomerId ann = f.person("ann");
        consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));

        consents.suppress(TENANT, EmailAddress.parse("ANN@example.com"), SuppressionReason.HARD_BOUNCE);

        assertThat(decide(ann, EMAIL_NEWSLETTER)).isEqualTo(denied(DenialReason.SUPPRESSED));
        assertThat(consents.isSuppressed(TENANT, f.emailOf(ann))).isTrue();
        assertThat(f.suppressions.scan(TENANT, Optional.empty(), 10).items()).singleElement()
                .satisfies(e -> assertThat(e.toString()).doesNotContain("ann"));
        assertThat(consents.lift(TENANT, f.emailOf(ann))).isTrue();
        assertThat(decide(ann, EMAIL_NEWSLETTER).isAllowed()).isTrue();
    }

    @Test
    void suppression_survivesCustomerErasure_andBlocksTheAddressForANewCustomer() {
        CustomerId ann = f.person("ann");
        consents.suppress(TENANT, f.emailOf(ann), SuppressionReason.LEGAL_REQUEST);
        f.customers.remove(ann);
        ConsentService restarted = f.service(ConsentPolicy.defaults());
        CustomerId again = f.business("again");
        f.customers.put(again, f.customers.get(again).toBuilder()
                .contactPoints(List.of(ContactPoint.of(f.emailOf(ann),
                        ContactUsage.WORK))).build());

        assertThat(restarted.decide(TENANT, again, ConsentChannel.EMAIL, Purpose.MARKETING, f.now()))
                .isEqualTo(denied(DenialReason.SUPPRESSED));
    }

    @Test
    void pointScopedOptIn_appliesToThatPointOnly_andLaterChannelWideOptOutWins() {
        CustomerId ann = f.person("ann");
        consents.optIn(TENANT, ann, ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER, f.emailOf(ann)),
                Capture.TICKED_BOX, form(f.now()));
        assertThat(decide(ann, EMAIL_NEWSLETTER).isAllowed()).isTrue();

        consents.optOut(TENANT, ann, EMAIL_NEWSLETTER, bare(f.now()));

        assertThat(decide(ann, EMAIL_NEWSLETTER)).isEqualTo(denied(DenialReason.OPTED_OUT));
    }

    // ------------------------------------------------------------------------------------------------- pressure

    @Test
    void pressureCap_deniesTheThirdMarketingEmailIn7Days_andAllowsAgainAfterTheWindow() {
        CustomerId ann = f.person("ann");
        consents.optIn(TENANT, ann, EMAIL_MARKETING, Capture.TICKED_BOX, form(f.now()));
        consents.recordSent(TENANT, ann, ConsentChannel.EMAIL, Purpose.MARKETING, f.now());
        assertThat(decide(ann, EMAIL_MARKETING).isAllowed()).isTrue();
        consents.recordSent(TENANT, ann, ConsentChannel.EMAIL, Purpose.NEWSLETTER, f.now());

        assertThat(decide(ann, EMAIL_MARKETING)).isEqualTo(denied(DenialReason.PRESSURE_CAP_REACHED));
        assertThat(consents.decide(TENANT, ann, ConsentChannel.EMAIL, Purpose.SERVICE, f.now()).isAllowed())
                .isTrue();
        assertThat(consents.decide(TENANT, ann, ConsentChannel.EMAIL, Purpose.MARKETING,
                f.now().plus(Duration.ofDays(7))).isAllowed()).isTrue();
    }

    @Test
    void aCapAcrossChannels_countsTheirMessagesTogether() {
        Fixtures g = new Fixtures(ConsentPolicy.defaultsBuilder().clearCaps().cap(PressureCap.acrossChannels(
                Set.of(ConsentChannel.EMAIL, ConsentChannel.SMS), Set.of(Purpose.MARKETING), 3, Duration.ofDays(7)))
                .build());
        CustomerId ann = g.person("ann");
        for (ConsentChannel channel : List.of(ConsentChannel.EMAIL, ConsentChannel.SMS)) {
            g.consents.optIn(TENANT, ann, ConsentScope.of(channel, Purpose.MARKETING), Capture.TICKED_BOX,
                    form(g.now()));
        }
        g.consents.recordSent(TENANT, ann, ConsentChannel.EMAIL, Purpose.MARKETING, g.now());
        g.consents.recordSent(TENANT, ann, ConsentChannel.PUSH, Purpose.MARKETING, g.now());
        assertThat(g.consents.decide(TENANT, ann, ConsentChannel.EMAIL, Purpose.MARKETING, g.now()).isAllowed())
                .isTrue();

        g.consents.recordSent(TENANT, ann, ConsentChannel.EMAIL, Purpose.MARKETING, g.now());
        g.consents.recordSent(TENANT, ann, ConsentChannel.SMS, Purpose.MARKETING, g.now().minus(Duration.ofDays(1)));

        assertThat(g.consents.decide(TENANT, ann, ConsentChannel.EMAIL, Purpose.MARKETING, g.now()))
                .isEqualTo(denied(DenialReason.PRESSURE_CAP_REACHED));
        assertThat(g.consents.decide(TENANT, ann, ConsentChannel.SMS, Purpose.MARKETING, g.now()))
                .isEqualTo(denied(DenialReason.PRESSURE_CAP_REACHED));
    }

    @Test
    void aCapWithoutChannels_isRefused() {
        assertThatThrownBy(() -> PressureCap.acrossChannels(Set.of(), Set.of(), 1, Duration.ofDays(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("channels"));
    }

    // ------------------------------------------------------------------------------------ history and receipts

    @Test
    void statusAt_answersForAnyPastInstant() {
        CustomerId ann = f.person("ann");
        Instant t1 = f.now();
        consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(t1));
        f.clock.advance(Duration.ofDays(10));
        Instant t2 = f.now();
        consents.optOut(TENANT, ann, EMAIL_NEWSLETTER, bare(t2));

        assertThat(consents.statusAt(TENANT, ann, EMAIL_NEWSLETTER, t1.minusSeconds(1)).state())
                .isEqualTo(ConsentState.NO_RECORD);
        assertThat(consents.statusAt(TENANT, ann, EMAIL_NEWSLETTER, t1).state()).isEqualTo(ConsentState.OPTED_IN);
        assertThat(consents.statusAt(TENANT, ann, EMAIL_NEWSLETTER, t2.minusSeconds(1)).evidence())
                .contains(form(t1));
        assertThat(consents.statusAt(TENANT, ann, EMAIL_NEWSLETTER, t2).state()).isEqualTo(ConsentState.OPTED_OUT);
    }

    @Test
    void receipt_listsEveryConsentWithEvidence_andTheHistory() {
        CustomerId ann = f.person("ann");
        Evidence withProof = form(f.now()).withProof(TechnicalProof.of("203.0.113.9", "Mozilla/5.0"));
        consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, withProof);
        consents.optIn(TENANT, ann, SMS_MARKETING, Capture.VERBAL, form(f.now()));
        consents.optOut(TENANT, ann, SMS_MARKETING, bare(f.now()));

        ConsentReceipt receipt = consents.receipt(TENANT, ann);

        assertThat(receipt.consents()).extracting(ConsentStatus::scope).containsExactly(EMAIL_NEWSLETTER,
                SMS_MARKETING);
        assertThat(receipt.consents().get(0).evidence()).contains(withProof);
        assertThat(receipt.history()).hasSize(3);
        assertThat(receipt.generatedAt()).isEqualTo(f.now());
    }

    @Test
    void restartedEngine_rebuildsItsIndexFromTheLedger() {
        CustomerId ann = f.person("ann");
        consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        consents.optIn(TENANT, ann, SMS_MARKETING, Capture.TICKED_BOX, form(f.now()));
        consents.optOut(TENANT, ann, SMS_MARKETING, bare(f.now()));

        ConsentService restarted = f.service(ConsentPolicy.defaults());

        assertThat(restarted.consents(TENANT, ann)).isEqualTo(consents.consents(TENANT, ann));
        assertThat(restarted.head(TENANT)).isEqualTo(consents.head(TENANT));
        assertThat(restarted.verify(TENANT).intact()).isTrue();
    }

    @Test
    void concurrentWritersAndDeciders_leaveAnIntactGapFreeLedger() throws InterruptedException {
        int threads = 8;
        int perThread = 200;
        for (int t = 0; t < threads; t++) {
            f.person("p" + t);
        }

        f.toggleNewsletterConcurrently(threads, perThread, t -> consents, t -> CustomerId.of("p" + t));

        assertThat(consents.verify(TENANT)).isEqualTo(new LedgerVerification(threads * perThread, List.of()));
        assertThat(consents.head(TENANT).sequence()).isEqualTo(threads * perThread);
        assertThat(decide(CustomerId.of("p0"), EMAIL_NEWSLETTER)).isEqualTo(denied(DenialReason.OPTED_OUT));
    }

    @Test
    void builder_refusesShortKey_andMissingParts() {
        assertThatThrownBy(() -> ConsentService.builder().hmacKey(new byte[31]))
                .isInstanceOf(ValidationException.class).hasMessageContaining("hmacKey");
        assertThatThrownBy(() -> ConsentService.builder().hmacKey(Fixtures.KEY).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("storage");
    }

    @Test
    void defaults_followTheDocumentedRegime() {
        ConsentPolicy p = ConsentPolicy.defaults();

        assertThat(p.rule(Audience.B2C, ConsentChannel.EMAIL, Purpose.MARKETING).regime())
                .isEqualTo(Regime.EXPLICIT_OR_SOFT_OPT_IN);
        assertThat(p.rule(Audience.B2B, ConsentChannel.EMAIL, Purpose.MARKETING).regime())
                .isEqualTo(Regime.OPT_OUT);
        assertThat(p.rule(Audience.B2C, ConsentChannel.PHONE, Purpose.MARKETING).regime())
                .isEqualTo(Regime.EXPLICIT_OPT_IN);
        assertThat(p.rule(Audience.B2C, ConsentChannel.POSTAL_MAIL, Purpose.NEWSLETTER).regime())
                .isEqualTo(Regime.OPT_OUT);
        assertThat(p.rule(Audience.B2C, ConsentChannel.WEB_PERSONALISATION, Purpose.PROFILING).validity())
                .contains(Period.ofMonths(13));
        assertThat(p.rule(Audience.of("b2c_de"), ConsentChannel.SMS, Purpose.SERVICE).regime())
                .isEqualTo(Regime.OPT_OUT);
        assertThat(p.caps(ConsentChannel.EMAIL)).singleElement().satisfies(c -> assertThat(c.max()).isEqualTo(2));
        assertThat(p.confirmationWindow()).isEqualTo(Duration.ofDays(7));
    }
}
