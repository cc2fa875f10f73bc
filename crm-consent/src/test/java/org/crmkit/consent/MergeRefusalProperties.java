package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.consent.Fixtures.TENANT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.PostalAddress;

/**
 * Random histories of consents, changes of preferred points and chains of merges never leave a survivor allowed on a
 * channel and purpose at a point where it, or a customer merged into it (directly or through a chain), was refused
 * just before the merge, unless the survivor (or a later survivor) opted in again there after that merge.
 *
 * <p>The reference knows nothing of how the engine carries consents over: it remembers, per customer, the events
 * recorded for it directly, and "obligations": at a merge, every (channel, purpose, point) at which either customer's
 * own latest event governing that point was an opt-out, and every obligation the merged customer held, pass to the
 * survivor; an opt-in the holder records afterwards for the channel, or for that point, discharges one.
 */
class MergeRefusalProperties {
    private static final int CUSTOMERS = 4;
    private static final List<ConsentChannel> CHANNELS = List.of(ConsentChannel.EMAIL, ConsentChannel.POSTAL_MAIL);
    private static final List<Purpose> PURPOSES = List.of(Purpose.MARKETING, Purpose.NEWSLETTER);
    private static final List<Capture> CAPTURES = List.of(Capture.TICKED_BOX, Capture.PRE_TICKED_BOX);

    enum Kind { OPT_IN, OPT_OUT, MERGE, PREFER, STEP }

    /** A command; which fields it reads depends on its kind. */
    record Command(Kind kind, int customer, int other, int channel, int purpose, boolean pointScoped) {
    }

    /** An event recorded directly for a customer: point empty for the whole channel. */
    record Fact(long order, ConsentChannel channel, Purpose purpose, Optional<ContactValue> point, boolean optIn) {
        boolean governs(ConsentChannel c, Purpose p, ContactValue at) {
            return channel == c && purpose.equals(p) && (point.isEmpty() || point.get().equals(at));
        }
    }

    /** The holder must not be allowed {@code channel}/{@code purpose} at {@code point}, since {@code order}. */
    record Obligation(long order, ConsentChannel channel, Purpose purpose, ContactValue point) {
    }

    private static final class Model {
        final List<List<Fact>> facts = new ArrayList<>();
        final List<List<Obligation>> obligations = new ArrayList<>();
        final boolean[] merged = new boolean[CUSTOMERS];
        long order;

        Model() {
            for (int i = 0; i < CUSTOMERS; i++) {
                facts.add(new ArrayList<>());
                obligations.add(new ArrayList<>());
            }
        }
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, CUSTOMERS - 1),
                Arbitraries.integers().between(0, CUSTOMERS - 1), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 1), Arbitraries.of(true, false))
                .as(Command::new).list().ofMaxSize(50);
    }

    private static CustomerId id(int n) {
        return CustomerId.of("c" + n);
    }

    private static List<ContactValue> pointsOf(int n) {
        return List.of(EmailAddress.parse("c" + n + "@example.com"),
                PostalAddress.of(n + " Main Street", "10115", "Berlin", "DE"));
    }

    @Property(tries = 300, seed = "42")
    void aRefusalBeforeAMerge_isNeverAllowedAfterIt_unlessGivenAgain(@ForAll("commands") List<Command> commands) {
        Fixtures f = new Fixtures();
        Model m = new Model();
        for (int n = 0; n < CUSTOMERS; n++) {
            List<ContactPoint> points = new ArrayList<>();
            for (ContactValue v : pointsOf(n)) {
                points.add(ContactPoint.of(v, ContactUsage.HOME).asPrimary().asVerified());
            }
            f.customers.put(id(n), Customer.builder(TENANT, id(n), Person.named("C", "No " + n), Fixtures.T0)
                    .contactPoints(points).build());
        }
        for (Command c : commands) {
            f.clock.advance(Duration.ofSeconds(1));
            if (m.merged[c.customer()]) {
                continue;
            }
            Customer holder = f.customers.get(id(c.customer()));
            ConsentChannel channel = CHANNELS.get(c.channel());
            Purpose purpose = PURPOSES.get(c.purpose());
            switch (c.kind()) {
                case OPT_IN, OPT_OUT -> {
                    Optional<ContactValue> point = c.pointScoped()
                            ? Optional.of(preferred(holder, channel)) : Optional.empty();
                    ConsentScope scope = new ConsentScope(channel, purpose, point);
                    boolean optIn = c.kind() == Kind.OPT_IN;
                    if (optIn) {
                        f.consents.optIn(TENANT, holder.id(), scope, CAPTURES.get(c.other() % 2),
                                Fixtures.form(f.now()));
                        m.obligations.get(c.customer()).removeIf(o -> o.channel() == channel
                                && o.purpose().equals(purpose) && (point.isEmpty() || point.get().equals(o.point())));
                    } else {
                        f.consents.optOut(TENANT, holder.id(), scope, Fixtures.bare(f.now()));
                    }
                    m.facts.get(c.customer()).add(new Fact(++m.order, channel, purpose, point, optIn));
                }
                case MERGE -> {
                    if (c.other() != c.customer() && !m.merged[c.other()]) {
                        merge(f, m, c.customer(), c.other(), c.pointScoped());
                    }
                }
                case PREFER -> prefer(f, holder, pointsOf(c.other()).get(c.channel()));
                case STEP -> f.clock.advance(Duration.ofDays(1));
            }
            checkObligations(f, m);
        }
    }

    /** Merges {@code merged} into {@code survivor}; if {@code takeTheirs}, the merged customer's points lead. */
    private static void merge(Fixtures f, Model m, int survivor, int merged, boolean takeTheirs) {
        List<ContactValue> universe = universe();
        for (ConsentChannel channel : CHANNELS) {
            for (Purpose purpose : PURPOSES) {
                for (ContactValue point : universe) {
                    if (point.kind() == channel.contactKind().orElseThrow()
                            && (refused(m.facts.get(merged), channel, purpose, point)
                            || refused(m.facts.get(survivor), channel, purpose, point))) {
                        m.obligations.get(survivor).add(new Obligation(m.order, channel, purpose, point));
                    }
                }
            }
        }
        m.obligations.get(survivor).addAll(m.obligations.get(merged));
        m.merged[merged] = true;
        Customer s = f.customers.get(id(survivor));
        Customer gone = f.customers.remove(id(merged));
        List<ContactPoint> points = new ArrayList<>();
        for (ContactPoint p : takeTheirs ? gone.contactPoints() : s.contactPoints()) {
            points.add(p);
        }
        for (ContactPoint p : takeTheirs ? s.contactPoints() : gone.contactPoints()) {
            if (points.stream().noneMatch(q -> q.value().equals(p.value()))) {
                points.add(ContactPoint.of(p.value(), ContactUsage.WORK));
            }
        }
        f.customers.put(s.id(), s.toBuilder().contactPoints(points).build());
        f.consents.customersMerged(TENANT, s.id(), gone.id());
    }

    /** Whether the latest of {@code facts} governing the point is an opt-out. */
    private static boolean refused(List<Fact> facts, ConsentChannel channel, Purpose purpose, ContactValue point) {
        Fact latest = null;
        for (Fact fact : facts) {
            if (fact.governs(channel, purpose, point)) {
                latest = fact;
            }
        }
        return latest != null && !latest.optIn();
    }

    private static void prefer(Fixtures f, Customer holder, ContactValue point) {
        if (holder.contactPoints().stream().noneMatch(p -> p.value().equals(point))) {
            return;
        }
        List<ContactPoint> points = new ArrayList<>();
        for (ContactPoint p : holder.contactPoints()) {
            points.add(p.value().equals(point) ? ContactPoint.of(p.value(), ContactUsage.HOME).asPrimary()
                    .asVerified() : p.value().kind() == point.kind() ? ContactPoint.of(p.value(), ContactUsage.WORK)
                    : p);
        }
        f.customers.put(holder.id(), holder.toBuilder().contactPoints(points).build());
    }

    private static ContactValue preferred(Customer c, ConsentChannel channel) {
        return c.preferredContactPoint(channel.contactKind().orElseThrow()).orElseThrow().value();
    }

    private static List<ContactValue> universe() {
        List<ContactValue> all = new ArrayList<>();
        for (int n = 0; n < CUSTOMERS; n++) {
            all.addAll(pointsOf(n));
        }
        return all;
    }

    private static void checkObligations(Fixtures f, Model m) {
        for (int n = 0; n < CUSTOMERS; n++) {
            if (m.merged[n]) {
                continue;
            }
            Customer holder = f.customers.get(id(n));
            for (Obligation o : m.obligations.get(n)) {
                if (preferred(holder, o.channel()).equals(o.point())) {
                    assertThat(f.consents.decide(TENANT, holder.id(), o.channel(), o.purpose(), f.now()).isAllowed())
                            .as("%s, refused at %s before a merge", holder.id(), o).isFalse();
                }
            }
        }
    }
}
