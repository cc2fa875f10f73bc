package org.crmkit.consent.internal;

import java.util.Optional;

import org.crmkit.consent.ContactDecision;
import org.crmkit.consent.ContactDecision.Basis;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.customer.ContactValue;

/**
 * What decisions need to know of one preferred contact point: the value, whether it is verified, its keyed hash,
 * and whether that hash was suppressed at the ledger's suppression version {@code version}; with the decisions
 * that allow contact through it, made on first use. Immutable but for those decisions, whose slots deciding threads
 * may race to fill: any of their (immutable) decisions is right, so the slots need no lock.
 */
final class PointView {
    private static final Basis[] BASES = Basis.values();

    private final ContactValue value;
    private final boolean verified;
    private final Hash256 hash;
    private final long version;
    private final boolean suppressed;
    /** The value as the decisions carry it, one instance shared by all of them. */
    private final Optional<ContactValue> point;
    private final ContactDecision.Allowed[] allowed;

    private PointView(ContactValue value, boolean verified, Hash256 hash, long version, boolean suppressed,
                      Optional<ContactValue> point, ContactDecision.Allowed[] allowed) {
        this.value = value;
        this.verified = verified;
        this.hash = hash;
        this.version = version;
        this.suppressed = suppressed;
        this.point = point;
        this.allowed = allowed;
    }

    /** The view of a point, its hash computed now and looked up in the suppression set of {@code ledger}. */
    static PointView of(ContactValue value, boolean verified, KeyedHashes hashes, TenantLedger ledger) {
        Hash256 hash = hashes.contactHash(value);
        long version = ledger.suppressionVersion();
        return new PointView(value, verified, hash, version, ledger.isSuppressed(hash), Optional.of(value),
                new ContactDecision.Allowed[BASES.length]);
    }

    /** This view, its suppression looked up again if the ledger's suppression set changed since. */
    PointView current(TenantLedger ledger) {
        long now = ledger.suppressionVersion();
        return now == version ? this : new PointView(value, verified, hash, now, ledger.isSuppressed(hash), point,
                allowed);
    }

    ContactValue value() {
        return value;
    }

    boolean verified() {
        return verified;
    }

    boolean suppressed() {
        return suppressed;
    }

    ContactDecision.Allowed allowed(Basis basis) {
        ContactDecision.Allowed made = allowed[basis.ordinal()];
        if (made == null) {
            made = new ContactDecision.Allowed(point, basis);
            allowed[basis.ordinal()] = made;
        }
        return made;
    }
}
