package org.crmkit.spi.tck;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.Capable;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.LedgerErasure;
import org.crmkit.spi.customer.CustomerErasure;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.interaction.InteractionErasure;
import org.crmkit.spi.interaction.InteractionStore;

/**
 * An optional capability of a port, beside the port itself, as the implementation under test declares it (Guava
 * testlib's {@code @Require} style): a contract's {@code features()} returns what the implementation promises, never
 * what the object happens to implement. A contract runs the tests of a feature only when it is declared, and checks
 * both ways through {@link Capable#capability}: a declared feature is offered, and an undeclared one is not, so that
 * the engine refuses the operation with {@link org.crmkit.spi.UnsupportedCapabilityException} as documented.
 *
 * <p>To add a feature, add a constant naming the port it belongs to and the capability interface the port offers
 * for it; the contracts check it from then on.
 */
public enum StoreFeature {
    /** The customer store erases customers for good: {@link CustomerErasure}. */
    CUSTOMER_ERASURE(CustomerStore.class, CustomerErasure.class),
    /** The interaction store erases a subject's interactions for good: {@link InteractionErasure}. */
    INTERACTION_ERASURE(InteractionStore.class, InteractionErasure.class),
    /** The consent store erases the personal data of ledger entries: {@link LedgerErasure}. */
    LEDGER_ERASURE(ConsentStore.class, LedgerErasure.class);

    private final Class<? extends Capable> port;
    private final Class<?> capability;

    StoreFeature(Class<? extends Capable> port, Class<?> capability) {
        this.port = port;
        this.capability = capability;
    }

    /** The port that may offer the feature. */
    public Class<? extends Capable> port() {
        return port;
    }

    /** What the port answers {@link Capable#capability} with when it offers the feature. */
    public Class<?> capability() {
        return capability;
    }

    /** The features a port of type {@code port} may offer. */
    public static Set<StoreFeature> of(Class<? extends Capable> port) {
        Set<StoreFeature> features = EnumSet.noneOf(StoreFeature.class);
        for (StoreFeature f : values()) {
            if (f.port == port) {
                features.add(f);
            }
        }
        return features;
    }
}
