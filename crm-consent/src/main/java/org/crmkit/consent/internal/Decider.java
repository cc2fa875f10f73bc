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
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.ContactKind;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;

/**
 * The decision: from the customer's derived consent state, contact points, the suppression set and the pressure
 * counts, with no ledger read. Thread-safe (stateless beyond its collaborators).
 */
public final class Decider {
    private static final ContactKind[] KINDS = new ContactKind[ConsentChannel.values().length];
    private static final ContactDecision UNKNOWN = ContactDecision.Denied.of(DenialReason.UNKNOWN_CUSTOMER);
    private static final DenialReason[] REASONS = DenialReason.values();
    /** The refusal of each set of reasons (a bit per reason), made once: decisions allocate no sets. */
    private static final AtomicReferenceArray<ContactDecision.Denied> DENIED =
            new AtomicReferenceArray<>(1 << REASONS.length);

    static {
        for (ConsentChannel c : ConsentChannel.values()) {
            KINDS[c.ordinal()] = c.contactKind().orElse(null);
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
            return UNKNOWN;
        }
        Customer customer = found.get();
        ContactRule rule = policy.rule(policy.audienceOf(customer), channel, purpose);
        int reasons = 0;
        ContactKind kind = KINDS[channel.ordinal()];
        ContactPoint point = null;
        if (kind != null) {
            point = preferred(customer.contactPoints(), kind);
            if (point == null) {
                reasons = add(reasons, DenialReason.CONTACT_POINT_MISSING);
            } else if (rule.verifiedContactRequired() && !point.verified()) {
                reasons = add(reasons, DenialReason.CONTACT_POINT_UNVERIFIED);
            }
        }
        ContactValue value = point == null ? null : point.value();
        CustomerConsents consents = ledger.consents(id);
        ConsentEvent governing = consents.governing(channel, purpose, value);
        ConsentState state = StateFold.state(governing, at);
        Basis basis = null;
        if (rule.regime() == Regime.OPT_OUT) {
            if (state == ConsentState.OPTED_OUT) {
                reasons = add(reasons, DenialReason.OPTED_OUT);
            } else {
                basis = state == ConsentState.OPTED_IN ? consentBasis(governing) : Basis.NO_OBJECTION;
            }
        } else {
            switch (state) {
                case OPTED_IN -> {
                    basis = consentBasis(governing);
                    if (basis == Basis.IMPLICIT_CONSENT && rule.regime() == Regime.EXPLICIT_OPT_IN) {
                        reasons = add(reasons, DenialReason.IMPLICIT_NOT_ACCEPTED);
                    }
                }
                case OPTED_OUT -> reasons = add(reasons, DenialReason.OPTED_OUT);
                case EXPIRED -> reasons = add(reasons, DenialReason.EXPIRED);
                case PENDING_CONFIRMATION -> reasons = add(reasons, DenialReason.CONFIRMATION_PENDING);
                default -> reasons = add(reasons, DenialReason.NO_CONSENT);
            }
        }
        Set<Hash256> suppressed = ledger.suppressed();
        if (value != null && !suppressed.isEmpty() && suppressed.contains(
                (consents == CustomerConsents.EMPTY ? ledger.consentsForDecisions(id) : consents)
                        .contactHash(value, hashes))) {
            reasons = add(reasons, DenialReason.SUPPRESSED);
        }
        List<PressureCap> caps = policy.caps(channel);
        for (int i = 0; i < caps.size(); i++) {
            PressureCap cap = caps.get(i);
            if (cap.governs(purpose) && pressure.sentSince(tenant, id, channel, cap.purposes(),
                    at.minus(cap.window())) >= cap.max()) {
                reasons = add(reasons, DenialReason.PRESSURE_CAP_REACHED);
                break;
            }
        }
        if (reasons != 0) {
            return denied(reasons);
        }
        return new ContactDecision.Allowed(Optional.ofNullable(value), basis);
    }

    private static Basis consentBasis(ConsentEvent event) {
        Capture capture = StateFold.capture(event);
        return capture != null && capture.isExplicit() ? Basis.EXPLICIT_CONSENT : Basis.IMPLICIT_CONSENT;
    }

    private static ContactPoint preferred(List<ContactPoint> points, ContactKind kind) {
        ContactPoint first = null;
        for (int i = 0; i < points.size(); i++) {
            ContactPoint p = points.get(i);
            if (p.kind() == kind) {
                if (p.primary()) {
                    return p;
                }
                if (first == null) {
                    first = p;
                }
            }
        }
        return first;
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
