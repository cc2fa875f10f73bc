package org.crmkit.segmentation;

import java.util.HashMap;
import java.util.Map;

import org.crmkit.spi.Checks;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.interaction.Interaction;

/**
 * What segments read about one customer: the profile, the interaction figures and the scores. Immutable and
 * thread-safe.
 *
 * @param customer     the profile
 * @param interactions the customer's interactions
 * @param scores       the customer's scores by name ({@code rfm.recency}, {@code engagement}); a score the
 *                     customer does not have makes every comparison on it false
 */
public record CustomerSnapshot(Customer customer, InteractionHistory interactions, Map<String, Double> scores) {
    public CustomerSnapshot {
        Checks.notNull(customer, "customer");
        Checks.notNull(interactions, "interactions");
        scores = Map.copyOf(Checks.notNull(scores, "scores"));
    }

    /** A customer without interactions and scores. */
    public static CustomerSnapshot of(Customer customer) {
        return new CustomerSnapshot(customer, InteractionHistory.empty(), Map.of());
    }

    /** The same snapshot with another version of the profile. */
    public CustomerSnapshot withCustomer(Customer changed) {
        return new CustomerSnapshot(changed, interactions, scores);
    }

    /** The same snapshot with one more interaction. */
    public CustomerSnapshot withInteraction(Interaction interaction) {
        return new CustomerSnapshot(customer, interactions.with(interaction), scores);
    }

    /** The same snapshot with score {@code name} set to {@code value}. */
    public CustomerSnapshot withScore(String name, double value) {
        Map<String, Double> changed = new HashMap<>(scores);
        changed.put(Checks.notNull(name, "score"), value);
        return new CustomerSnapshot(customer, interactions, changed);
    }
}
