package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.crmkit.spi.Capable;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.score.ScoreStore;
import org.crmkit.spi.segment.MembershipStore;
import org.crmkit.spi.storage.Storage;

/** The check every contract makes of its declared {@link StoreFeature}s. Stateless. */
final class DeclaredFeatures {
    private DeclaredFeatures() {
    }

    /**
     * Asserts that {@code declared} names features of the port type {@code portType} only, and that {@code port}
     * offers through {@link Capable#capability} exactly the declared ones among them.
     */
    static void assertOfferedExactly(Capable port, Class<? extends Capable> portType, Set<StoreFeature> declared) {
        assertThat(declared).as("declared features").allSatisfy(f -> assertThat(f.port())
                .as("%s is a feature of %s, not of %s", f, f.port().getSimpleName(), portType.getSimpleName())
                .isEqualTo(portType));
        for (StoreFeature feature : StoreFeature.of(portType)) {
            assertCapability(port, feature, declared.contains(feature));
        }
    }

    /**
     * Asserts that {@code storage} offers through {@link Storage#capability} exactly the declared features, and that
     * the port each belongs to does so too.
     */
    static void assertOfferedExactly(Storage storage, Set<StoreFeature> declared) {
        for (StoreFeature feature : StoreFeature.values()) {
            assertCapability(storage, feature, declared.contains(feature));
            assertCapability(port(storage, feature.port()), feature, declared.contains(feature));
        }
    }

    /** The port of type {@code type} of the storage. */
    static Capable port(Storage storage, Class<? extends Capable> type) {
        Map<Class<? extends Capable>, Capable> ports = Map.of(CustomerStore.class, storage.customers(),
                InteractionStore.class, storage.interactions(), ConsentStore.class, storage.consents(),
                SuppressionStore.class, storage.suppressions(), ScoreStore.class, storage.scores(),
                MembershipStore.class, storage.memberships(), Outbox.class, storage.outbox());
        assertThat(ports).as("ports of a storage").containsKey(type);
        return ports.get(type);
    }

    /** Asserts that {@code port} offers the capability of {@code feature} if and only if {@code offered}. */
    static void assertCapability(Capable port, StoreFeature feature, boolean offered) {
        Optional<?> capability = port.capability(feature.capability());
        if (offered) {
            assertThat(capability).as("%s is declared, so capability(%s) is present", feature,
                    feature.capability().getSimpleName()).get().isInstanceOf(feature.capability());
        } else {
            assertThat(capability).as("%s is not declared, so capability(%s) is empty", feature,
                    feature.capability().getSimpleName()).isEmpty();
        }
    }
}
