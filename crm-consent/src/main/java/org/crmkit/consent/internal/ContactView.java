package org.crmkit.consent.internal;

import org.crmkit.consent.Audience;
import org.crmkit.spi.customer.ContactKind;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.Customer;

/**
 * What decisions need to know of one version of a customer (one {@link Customer} instance, which is immutable): its
 * audience and, per contact kind, the {@linkplain Customer#preferredContactPoint preferred contact point}. The
 * {@link PointView}s are made on first use, or taken over from the view of the customer's previous version when the
 * point is the same (so that a directory that returns a new instance on every read costs no new keyed hash); a
 * decision thread may race another to make one, and either result is right, so the slots need no lock (a
 * {@code PointView} is immutable).
 */
final class ContactView {
    private static final ContactKind[] KINDS = ContactKind.values();

    private final Customer customer;
    private final Audience audience;
    private final ContactPoint[] preferred = new ContactPoint[KINDS.length];
    private final PointView[] points = new PointView[KINDS.length];

    /**
     * The view of {@code customer}, taking over the point views of {@code previous} (a view of an earlier version,
     * or {@code null}) whose point is unchanged.
     */
    ContactView(Customer customer, Audience audience, ContactView previous) {
        this.customer = customer;
        this.audience = audience;
        for (ContactKind kind : KINDS) {
            preferred[kind.ordinal()] = customer.preferredContactPoint(kind).orElse(null);
        }
        if (previous != null) {
            for (int k = 0; k < KINDS.length; k++) {
                ContactPoint p = preferred[k];
                ContactPoint before = previous.preferred[k];
                if (p != null && before != null && p.verified() == before.verified()
                        && p.value().equals(before.value())) {
                    points[k] = previous.points[k];
                }
            }
        }
    }

    /** Whether this is the view of exactly that instance. */
    boolean isOf(Customer version) {
        return customer == version;
    }

    Audience audience() {
        return audience;
    }

    /** The preferred point of {@code kind}, with its suppression as the ledger stands; {@code null} if none. */
    PointView point(ContactKind kind, KeyedHashes hashes, TenantLedger ledger) {
        int k = kind.ordinal();
        PointView view = points[k];
        if (view == null) {
            ContactPoint p = preferred[k];
            if (p == null) {
                return null;
            }
            view = PointView.of(p.value(), p.verified(), hashes, ledger);
            points[k] = view;
            return view;
        }
        PointView current = view.current(ledger);
        if (current != view) {
            points[k] = current;
        }
        return current;
    }
}
