package org.crmkit.spi.tck;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.customer.CustomerErasure;
import org.crmkit.spi.interaction.InteractionErasure;

/**
 * An optional capability of a store, beside its port. A contract runs the tests of a feature only when the store
 * declares it, and checks that a store which does not declare it does not offer it either (the engine then refuses
 * the operation with {@link org.crmkit.spi.UnsupportedCapabilityException}).
 */
public enum StoreFeature {
    /** The store erases for good: {@link CustomerErasure} or {@link InteractionErasure}. */
    ERASURE,
    /** The consent store erases the personal data of ledger entries: {@link org.crmkit.spi.consent.LedgerErasure}. */
    LEDGER_ERASURE;

    /** The features {@code store} offers, judged by the capability interfaces it implements. */
    public static Set<StoreFeature> offeredBy(Object store) {
        Set<StoreFeature> features = EnumSet.noneOf(StoreFeature.class);
        if (store instanceof CustomerErasure || store instanceof InteractionErasure) {
            features.add(ERASURE);
        }
        return features;
    }
}
