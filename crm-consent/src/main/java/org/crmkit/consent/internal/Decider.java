package org.crmkit.consent.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.crmkit.consent.ConsentPolicy;
import org.crmkit.consent.ContactDecision;
import org.crmkit.consent.ContactDecision.Basis;
import org.crmkit.consent.ContactPressure;
import org.crmkit.consent.ContactRule;
import org.crmkit.consent.CustomerDirectory;
import org.crmkit.consent.DenialReason;
import org.crmkit.consent.PressureCap;
import org.crmkit.consent.Regime;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.ContactKind;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;

/**
 * The decision: from the customer's derived consent state, the {@link ContactView} of the customer version the
 * directory returns, the suppression set and the pressure counts, with no ledger read. The refusal of each set of
 * reasons and the permissions of each contact point are made once and shared. Thread-safe (stateless beyond its
 * collaborators and those memos).
 */
public final class Decider {
    private static final ContactKind[] KINDS = new ContactKind[ConsentChannel.values().length];
    private static final ContactDecision UNKNOWN = ContactDecision.Denied.of(DenialReason.UNKNOWN_CUSTOMER);
    private static final DenialReason[] REASONS = DenialReason.values();
    private static final Basis[] BASES = Basis.values();
    /** Contact allowed on a channel without contact points, by basis. */
    private static final ContactDecision.Allowed[] WITHOUT_POINT = new ContactDecision.Allowed[BASES.length];
    /** The refusal of each set of reasons (a bit per reason), made once. */
    private static final AtomicReferenceArray<ContactDecision.Denied> DENIED =
            new AtomicReferenceArray<>(1 << REASONS.length);

    static {
        for (ConsentChannel c : ConsentChannel.values()) {
            KINDS[c.ordinal()] = c.contactKind().orElse(null);
        }
        for (Basis b : BASES) {
            WITHOUT_POINT[b.ordinal()] = new ContactDecision.Allowed(Optional.empty(), b);
        }
    }

    private final ConsentPolicy policy;
    private final CustomerDirectory directory;
    private final ContactPressure pressure;
    private final KeyedHashes hashes;

    public Decider(ConsentPolicy policy, CustomerDirectory directory, ContactPressure pressure, KeyedHashes hashes) {
        this.policy = policy;
        this.directory = directory;
        this.pressure = pressure;
        this.hashes = hashes;
    }

    public ContactDecision decide(TenantLedger ledger, TenantId tenant, CustomerId id, ConsentChannel channel,
                                  Purpose purpose, Instant at) {
        Optional<Customer> found = directory.find(tenant, id);
        if (found.isEmpty()) {
            policy.rule(policy.defaultAudience(), channel, purpose);
            ledger.forgetView(id);
            return UNKNOWN;
        }
        CustomerId customer = found.get().id();
        CustomerConsents consents = ledger.consentsForDecisions(customer);
        ContactView view = consents.view(found.get(), policy);
        ContactRule rule = policy.rule(view.audience(), channel, purpose);
        int reasons = 0;
        ContactKind kind = KINDS[channel.ordinal()];
        PointView point = null;
        if (kind != null) {
            point = view.point(kind, hashes, ledger);
            if (point == null) {
                reasons = add(reasons, DenialReason.CONTACT_POINT_MISSING);
            } else {
                if (rule.verifiedContactRequired() && !point.verified()) {
                    reasons = add(reasons, DenialReason.CONTACT_POINT_UNVERIFIED);
                }
                if (point.suppressed()) {
                    reasons = add(reasons, DenialReason.SUPPRESSED);
                }
            }
        }
        int governing = consents.governingIndex(channel, purpose, point == null ? null : point.value());
        ConsentState state = consents.state(governing, at);
        Basis basis = null;
        if (rule.regime() == Regime.OPT_OUT) {
            if (state == ConsentState.OPTED_OUT) {
                reasons = add(reasons, DenialReason.OPTED_OUT);
            } else {
                basis = state == ConsentState.OPTED_IN ? consentBasis(consents, governing) : Basis.NO_OBJECTION;
            }
        } else {
            switch (state) {
                case OPTED_IN -> {
                    basis = consentBasis(consents, governing);
                    if (basis == Basis.IMPLICIT_CONSENT && (rule.regime() == Regime.EXPLICIT_OPT_IN
                            || rule.regime() == Regime.EXPLICIT_OR_SOFT_OPT_IN && !consents.softOptIn(governing))) {
                        reasons = add(reasons, DenialReason.IMPLICIT_NOT_ACCEPTED);
                    }
                }
                case OPTED_OUT -> reasons = add(reasons, DenialReason.OPTED_OUT);
                case EXPIRED -> reasons = add(reasons, DenialReason.EXPIRED);
                case PENDING_CONFIRMATION -> reasons = add(reasons, DenialReason.CONFIRMATION_PENDING);
                default -> reasons = add(reasons, DenialReason.NO_CONSENT);
            }
        }
        if (capReached(tenant, customer, channel, purpose, at)) {
            reasons = add(reasons, DenialReason.PRESSURE_CAP_REACHED);
        }
        if (reasons != 0) {
            return denied(reasons);
        }
        return point == null ? WITHOUT_POINT[basis.ordinal()] : point.allowed(basis);
    }

    /**
     * The earliest instant after {@code at} at which {@link #decide} could answer differently with nothing
     * recorded meanwhile: the end of the governing consent's validity or confirmation window, or the instant the
     * earliest counted send leaves the window of a reached pressure cap; empty if neither applies.
     */
    public Optional<Instant> nextChange(TenantLedger ledger, TenantId tenant, CustomerId id, ConsentChannel channel,
                                        Purpose purpose, Instant at) {
        Optional<Customer> found = directory.find(tenant, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CustomerId customer = found.get().id();
        CustomerConsents consents = ledger.consentsForDecisions(customer);
        ContactKind kind = KINDS[channel.ordinal()];
        PointView point = kind == null ? null
                : consents.view(found.get(), policy).point(kind, hashes, ledger);
        Instant next = consents.deadlineAfter(consents.governingIndex(channel, purpose,
                point == null ? null : point.value()), at).orElse(Instant.MAX);
        for (PressureCap cap : policy.caps(channel)) {
            Instant since = at.minus(cap.window());
            if (cap.governs(purpose) && sent(tenant, customer, channel, cap, since) >= cap.max()) {
                for (ConsentChannel counted : cap.channels()) {
                    Optional<Instant> first = pressure.firstSentSince(tenant, customer, counted, cap.purposes(),
                            since);
                    if (first.isPresent() && first.get().plus(cap.window()).isBefore(next)) {
                        next = first.get().plus(cap.window());
                    }
                }
            }
        }
        return next.equals(Instant.MAX) ? Optional.empty() : Optional.of(next);
    }

    private boolean capReached(TenantId tenant, CustomerId id, ConsentChannel channel, Purpose purpose, Instant at) {
        List<PressureCap> caps = policy.caps(channel);
        for (int i = 0; i < caps.size(); i++) {
            PressureCap cap = caps.get(i);
            if (cap.governs(purpose) && sent(tenant, id, channel, cap, at.minus(cap.window())) >= cap.max()) {
                return true;
            }
        }
        return false;
    }

    /** The messages counted by {@code cap} since {@code since}: on {@code channel} alone if that is its only one. */
    private int sent(TenantId tenant, CustomerId id, ConsentChannel channel, PressureCap cap, Instant since) {
        if (cap.channels().size() == 1) {
            return pressure.sentSince(tenant, id, channel, cap.purposes(), since);
        }
        int sent = 0;
        for (ConsentChannel counted : cap.channels()) {
            sent += pressure.sentSince(tenant, id, counted, cap.purposes(), since);
        }
        return sent;
    }

    private static Basis consentBasis(CustomerConsents consents, int governing) {
        return consents.explicit(governing) ? Basis.EXPLICIT_CONSENT : Basis.IMPLICIT_CONSENT;
    }

    private static int add(int reasons, DenialReason reason) {
        return reasons | 1 << reason.ordinal();
    }

    private static ContactDecision.Denied denied(int reasons) {
        ContactDecision.Denied known = DENIED.get(reasons);
        if (known == null) {
            Set<DenialReason> set = EnumSet.noneOf(DenialReason.class);
            for (DenialReason r : REASONS) {
                if ((reasons & 1 << r.ordinal()) != 0) {
                    set.add(r);
                }
            }
            known = new ContactDecision.Denied(set);
            DENIED.compareAndSet(reasons, null, known);
        }
        return known;
    }
}
