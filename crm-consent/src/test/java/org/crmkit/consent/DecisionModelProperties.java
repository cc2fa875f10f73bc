package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.consent.Fixtures.TENANT;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.customer.ContactKind;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.Organization;
import org.crmkit.spi.customer.Person;

/**
 * Decisions agree with a reference built from first principles, whatever happened before them: consents given and
 * withdrawn (channel-wide or for one point), addresses suppressed and lifted, customers changing their address, its
 * verification or their party, time passing past validity periods. The engine remembers a view of every customer
 * between decisions; the reference remembers nothing.
 */
class DecisionModelProperties {
    private static final List<ConsentChannel> CHANNELS = List.of(ConsentChannel.EMAIL, ConsentChannel.SMS,
            ConsentChannel.PHONE);
    private static final List<String> PURPOSES = List.of("marketing", "newsletter", "service");
    private static final List<Capture> CAPTURES = List.of(Capture.TICKED_BOX, Capture.PRE_TICKED_BOX,
            Capture.SOFT_OPT_IN_PURCHASE, Capture.VERBAL);
    private static final List<EmailAddress> ADDRESSES = List.of(EmailAddress.parse("a@example.com"),
            EmailAddress.parse("b@example.com"), EmailAddress.parse("c@example.com"));
    private static final List<Duration> STEPS = List.of(Duration.ofSeconds(1), Duration.ofDays(1),
            Duration.ofDays(200), Duration.ofDays(500));
    private static final List<CustomerId> CUSTOMERS = List.of(CustomerId.of("c0"), CustomerId.of("c1"));

    enum Kind { OPT_IN, OPT_OUT, SUPPRESS, LIFT, SET_EMAIL, REMOVE_EMAIL, SET_PARTY, STEP, DECIDE }

    /** A command; which fields it reads depends on its kind. */
    record Command(Kind kind, int customer, int channel, int purpose, int pick, boolean flag, boolean other) {
    }

    /** An event the reference remembers, in ledger order; {@code until}: end of an opt-in's validity. */
    record Fact(CustomerId customer, ConsentChannel channel, String purpose, Optional<ContactValue> point,
                boolean optIn, boolean explicit, boolean soft, Instant until) {
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 3), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(Command::new).list().ofMaxSize(60);
    }

    @Property(tries = 400, seed = "42")
    void everyDecision_isTheReferencesDecision(@ForAll("commands") List<Command> commands) {
        Fixtures f = new Fixtures();
        for (int i = 0; i < CUSTOMERS.size(); i++) {
            f.person(CUSTOMERS.get(i).value());
            setEmail(f, CUSTOMERS.get(i), ADDRESSES.get(i), true, true);
        }
        List<Fact> facts = new ArrayList<>();
        Set<ContactValue> suppressed = new HashSet<>();
        for (Command c : commands) {
            CustomerId id = CUSTOMERS.get(c.customer());
            ConsentChannel channel = CHANNELS.get(c.channel());
            Instant t = f.now().plusSeconds(1);
            f.clock.set(t);
            switch (c.kind()) {
                case OPT_IN, OPT_OUT -> {
                    Optional<ContactValue> point = c.flag() ? preferred(f.customers.get(id), channel)
                            .map(ContactPoint::value) : Optional.empty();
                    ConsentScope scope = new ConsentScope(channel, Purpose.of(PURPOSES.get(c.purpose())), point);
                    if (c.kind() == Kind.OPT_IN) {
                        Capture capture = CAPTURES.get(c.pick());
                        f.consents.optIn(TENANT, id, scope, capture, Fixtures.form(t));
                        ConsentPolicy policy = f.consents.policy();
                        Instant until = policy.rule(policy.audienceOf(f.customers.get(id)), channel, scope.purpose())
                                .validity().map(v -> t.atOffset(ZoneOffset.UTC).plus(v).toInstant())
                                .orElse(Instant.MAX);
                        Fact latest = facts.stream().filter(x -> x.customer().equals(id) && x.channel() == channel
                                && x.purpose().equals(PURPOSES.get(c.purpose())) && x.point().equals(point))
                                .reduce((x, y) -> y).orElse(null);
                        boolean explicitInForce = latest != null && latest.optIn() && latest.explicit()
                                && t.isBefore(latest.until());
                        if (capture.isExplicit() || !explicitInForce) {
                            facts.add(new Fact(id, channel, PURPOSES.get(c.purpose()), point, true,
                                    capture.isExplicit(), capture == Capture.SOFT_OPT_IN_PURCHASE, until));
                        }
                    } else {
                        f.consents.optOut(TENANT, id, scope, Fixtures.bare(t));
                        facts.add(new Fact(id, channel, PURPOSES.get(c.purpose()), point, false, false, false, t));
                    }
                }
                case SUPPRESS -> {
                    f.consents.suppress(TENANT, ADDRESSES.get(c.pick() % 3), SuppressionReason.COMPLAINT);
                    suppressed.add(ADDRESSES.get(c.pick() % 3));
                }
                case LIFT -> {
                    f.consents.lift(TENANT, ADDRESSES.get(c.pick() % 3));
                    suppressed.remove(ADDRESSES.get(c.pick() % 3));
                }
                case SET_EMAIL -> setEmail(f, id, ADDRESSES.get(c.pick() % 3), c.flag(), c.other());
                case REMOVE_EMAIL -> f.customers.put(id, f.customers.get(id).toBuilder()
                        .contactPoints(f.customers.get(id).contactPoints(ContactKind.PHONE)).build());
                case SET_PARTY -> f.customers.put(id, f.customers.get(id).toBuilder()
                        .party(c.flag() ? Organization.named("Acme") : Person.named("Ann", "Lee")).build());
                case STEP -> f.clock.set(t.plus(STEPS.get(c.pick())));
                case DECIDE -> assertDecision(f, facts, suppressed, id, channel, c.purpose(), c.flag());
            }
        }
        for (CustomerId id : CUSTOMERS) {
            for (ConsentChannel channel : CHANNELS) {
                for (int p = 0; p < PURPOSES.size(); p++) {
                    assertDecision(f, facts, suppressed, id, channel, p, true);
                }
            }
        }
    }

    /** Sets the e-mail address: verified or not, and with the old addresses kept behind it or dropped. */
    private static void setEmail(Fixtures f, CustomerId id, EmailAddress address, boolean verified, boolean keepOld) {
        Customer c = f.customers.get(id);
        ContactPoint point = ContactPoint.of(address, ContactUsage.HOME).asPrimary();
        List<ContactPoint> points = new ArrayList<>();
        points.add(verified ? point.asVerified() : point);
        for (ContactPoint old : c.contactPoints()) {
            if (old.kind() != ContactKind.EMAIL) {
                points.add(old);
            } else if (keepOld && !old.value().equals(address)) {
                points.add(ContactPoint.of(old.value(), ContactUsage.WORK));
            }
        }
        f.customers.put(id, c.toBuilder().contactPoints(points).build());
    }

    private static Optional<ContactPoint> preferred(Customer c, ConsentChannel channel) {
        return c.preferredContactPoint(channel.contactKind().orElseThrow());
    }

    private static void assertDecision(Fixtures f, List<Fact> facts, Set<ContactValue> suppressed, CustomerId id,
                                       ConsentChannel channel, int purpose, boolean sharedPurpose) {
        Purpose asked = sharedPurpose ? Purpose.of(PURPOSES.get(purpose)) : new Purpose(PURPOSES.get(purpose));
        ContactDecision expected = reference(f, facts, suppressed, id, channel, PURPOSES.get(purpose));
        assertThat(f.consents.decide(TENANT, id, channel, asked, f.now()))
                .as("%s %s %s at %s", id, channel, asked, f.now()).isEqualTo(expected);
    }

    private static ContactDecision reference(Fixtures f, List<Fact> facts, Set<ContactValue> suppressed,
                                             CustomerId id, ConsentChannel channel, String purpose) {
        Customer customer = f.customers.get(id);
        ConsentPolicy policy = f.consents.policy();
        ContactRule rule = policy.rule(policy.audienceOf(customer), channel, Purpose.of(purpose));
        Set<DenialReason> reasons = EnumSet.noneOf(DenialReason.class);
        Optional<ContactPoint> point = preferred(customer, channel);
        if (point.isEmpty()) {
            reasons.add(DenialReason.CONTACT_POINT_MISSING);
        } else {
            if (rule.verifiedContactRequired() && !point.get().verified()) {
                reasons.add(DenialReason.CONTACT_POINT_UNVERIFIED);
            }
            if (suppressed.contains(point.get().value())) {
                reasons.add(DenialReason.SUPPRESSED);
            }
        }
        Fact governing = null;
        for (Fact fact : facts) {
            if (fact.customer().equals(id) && fact.channel() == channel && fact.purpose().equals(purpose)
                    && (fact.point().isEmpty() || fact.point().equals(point.map(ContactPoint::value)))) {
                governing = fact;
            }
        }
        Instant now = f.now();
        boolean optedIn = governing != null && governing.optIn() && now.isBefore(governing.until());
        boolean optedOut = governing != null && !governing.optIn();
        ContactDecision.Basis basis = null;
        if (rule.regime() == Regime.OPT_OUT) {
            if (optedOut) {
                reasons.add(DenialReason.OPTED_OUT);
            } else {
                basis = !optedIn ? ContactDecision.Basis.NO_OBJECTION : governing.explicit()
                        ? ContactDecision.Basis.EXPLICIT_CONSENT : ContactDecision.Basis.IMPLICIT_CONSENT;
            }
        } else if (optedIn) {
            basis = governing.explicit() ? ContactDecision.Basis.EXPLICIT_CONSENT
                    : ContactDecision.Basis.IMPLICIT_CONSENT;
            if (!governing.explicit() && (rule.regime() == Regime.EXPLICIT_OPT_IN
                    || rule.regime() == Regime.EXPLICIT_OR_SOFT_OPT_IN && !governing.soft())) {
                reasons.add(DenialReason.IMPLICIT_NOT_ACCEPTED);
            }
        } else {
            reasons.add(governing == null ? DenialReason.NO_CONSENT
                    : optedOut ? DenialReason.OPTED_OUT : DenialReason.EXPIRED);
        }
        if (!reasons.isEmpty()) {
            return new ContactDecision.Denied(reasons);
        }
        return new ContactDecision.Allowed(point.map(ContactPoint::value), basis);
    }
}
