package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.consent.Fixtures.TENANT;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.CustomerId;

/** Replaying random consent events gives the states of a simple reference model; withdrawals always win. */
class ConsentReplayProperties {
    private static final List<ConsentScope> SCOPES = List.of(
            ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER),
            ConsentScope.of(ConsentChannel.EMAIL, Purpose.MARKETING),
            ConsentScope.of(ConsentChannel.SMS, Purpose.PARTNER_OFFERS));
    private static final List<Capture> CAPTURES = List.of(Capture.TICKED_BOX, Capture.VERBAL, Capture.SIGNED_FORM,
            Capture.PRE_TICKED_BOX, Capture.SOFT_OPT_IN_PURCHASE, Capture.INFERRED, Capture.IMPORT);
    private static final List<Duration> STEPS = List.of(Duration.ZERO, Duration.ofHours(1), Duration.ofDays(3),
            Duration.ofDays(8), Duration.ofDays(400));

    enum Kind { OPT_IN, OPT_OUT, REQUEST, CONFIRM }

    record Command(Kind kind, int scope, int capture, int step) {
    }

    /** What the reference model remembers of an event: its kind, instant, end of validity and capture. */
    record Fact(ConsentScope scope, Kind kind, Instant at, Instant until, Capture capture) {
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, SCOPES.size() - 1),
                Arbitraries.integers().between(0, CAPTURES.size() - 1),
                Arbitraries.integers().between(0, STEPS.size() - 1)).as(Command::new).list().ofMaxSize(40);
    }

    /** The reference: the latest fact of the scope at or before {@code t}, judged at {@code t}. */
    /** Whether the scope's latest fact is an explicit opt-in in force, the model's state being {@code before}. */
    private static boolean explicitIn(List<Fact> facts, ConsentScope scope, ConsentState before) {
        Fact last = facts.stream().filter(x -> x.scope().equals(scope)).reduce((a, b) -> b).orElse(null);
        return before == ConsentState.OPTED_IN && last.capture().isExplicit();
    }

    private static ConsentState modelState(List<Fact> facts, ConsentScope scope, Instant t) {
        Fact last = null;
        for (Fact fact : facts) {
            if (fact.scope().equals(scope) && !fact.at().isAfter(t)) {
                last = fact;
            }
        }
        if (last == null) {
            return ConsentState.NO_RECORD;
        }
        return switch (last.kind()) {
            case OPT_OUT -> ConsentState.OPTED_OUT;
            case REQUEST -> t.isBefore(last.until()) ? ConsentState.PENDING_CONFIRMATION : ConsentState.LAPSED;
            default -> t.isBefore(last.until()) ? ConsentState.OPTED_IN : ConsentState.EXPIRED;
        };
    }

    @Property(tries = 300, seed = "42")
    void replay_matchesTheReferenceModel_nowAndAtEveryPastInstant(@ForAll("commands") List<Command> commands) {
        Fixtures f = new Fixtures();
        CustomerId ann = f.person("ann");
        List<Fact> facts = new ArrayList<>();
        List<Instant> instants = new ArrayList<>();
        Instant t = f.now();
        for (Command c : commands) {
            t = t.plus(STEPS.get(c.step()));
            f.clock.set(t);
            instants.add(t);
            ConsentScope scope = SCOPES.get(c.scope());
            Instant expiry = t.atOffset(ZoneOffset.UTC).plusMonths(36).toInstant();
            ConsentState before = modelState(facts, scope, t);
            switch (c.kind()) {
                case OPT_IN -> {
                    Capture capture = CAPTURES.get(c.capture());
                    f.consents.optIn(TENANT, ann, scope, capture, Fixtures.form(t));
                    if (capture.isExplicit() || !explicitIn(facts, scope, before)) {
                        facts.add(new Fact(scope, Kind.OPT_IN, t, expiry, capture));
                    }
                }
                case OPT_OUT -> {
                    f.consents.optOut(TENANT, ann, scope, Fixtures.bare(t));
                    facts.add(new Fact(scope, Kind.OPT_OUT, t, t, null));
                }
                case REQUEST -> {
                    f.consents.requestConfirmation(TENANT, ann, scope, Fixtures.form(t));
                    if (!explicitIn(facts, scope, before)) {
                        facts.add(new Fact(scope, Kind.REQUEST, t, t.plus(Duration.ofDays(7)), null));
                    }
                }
                case CONFIRM -> {
                    if (before == ConsentState.PENDING_CONFIRMATION) {
                        f.consents.confirm(TENANT, ann, scope, Fixtures.bare(t));
                        facts.add(new Fact(scope, Kind.CONFIRM, t, expiry, Capture.DOUBLE_OPT_IN_CONFIRMED));
                    } else {
                        int size = f.store.size();
                        assertThatThrownBy(() -> f.consents.confirm(TENANT, ann, scope, Fixtures.bare(
                                f.now()))).isInstanceOf(ConfirmationNotPendingException.class);
                        assertThat(f.store.size()).isEqualTo(size);
                    }
                }
            }
        }
        instants.add(t.plus(Duration.ofDays(5)));
        instants.add(t.plus(Duration.ofDays(2000)));
        for (ConsentScope scope : SCOPES) {
            assertThat(f.consents.status(TENANT, ann, scope).state()).isEqualTo(modelState(facts, scope, f.now()));
            for (Instant at : instants) {
                assertThat(f.consents.statusAt(TENANT, ann, scope, at).state()).as("%s at %s", scope, at)
                        .isEqualTo(modelState(facts, scope, at));
                assertThat(f.consents.statusAt(TENANT, ann, scope, at.minusNanos(1)).state())
                        .isEqualTo(modelState(facts, scope, at.minusNanos(1)));
            }
        }
        assertThat(f.consents.verify(TENANT).intact()).isTrue();
    }

    @Property(tries = 200, seed = "42")
    void withdrawal_alwaysWinsOverEarlierOptIns(@ForAll("commands") List<Command> commands) {
        Fixtures f = new Fixtures();
        CustomerId ann = f.person("ann");
        ConsentScope target = SCOPES.get(0);
        Instant t = f.now();
        for (Command c : commands) {
            t = t.plus(STEPS.get(c.step()));
            f.clock.set(t);
            f.consents.optIn(TENANT, ann, SCOPES.get(c.scope()), CAPTURES.get(c.capture()), Fixtures.form(t));
        }
        Instant withdrawal = t;
        f.consents.optOut(TENANT, ann, target, Fixtures.bare(withdrawal));
        f.clock.set(withdrawal.plus(Duration.ofDays(1)));

        assertThat(f.consents.statusAt(TENANT, ann, target, withdrawal).state()).isEqualTo(ConsentState.OPTED_OUT);
        assertThat(f.consents.status(TENANT, ann, target).state()).isEqualTo(ConsentState.OPTED_OUT);
        assertThat(f.consents.decide(TENANT, ann, target.channel(), target.purpose(), f.now()))
                .isInstanceOfSatisfying(ContactDecision.Denied.class,
                        d -> assertThat(d.reasons()).contains(DenialReason.OPTED_OUT));
    }
}
