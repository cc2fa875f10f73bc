package org.crmkit.segmentation;

import java.util.HashMap;
import java.util.Map;

import org.crmkit.segmentation.internal.SnapshotData;
import org.crmkit.spi.Checks;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.interaction.Interaction;

/**
 * What segments read about one customer: the profile, the interaction figures and the scores (a score the customer
 * does not have makes every comparison on it false). Built once per customer version and flattened for fast
 * evaluation. Immutable and thread-safe; equal when customer, interactions and scores are the same.
 */
public final class CustomerSnapshot extends SnapshotData {
    /**
     * @param customer     the profile
     * @param interactions the customer's interactions
     * @param scores       the customer's scores by name ({@code rfm.recency}, {@code engagement})
     */
    public CustomerSnapshot(Customer customer, InteractionHistory interactions, Map<String, Double> scores) {
        super(Checks.notNull(customer, "customer"), Checks.notNull(interactions, "interactions"),
                Map.copyOf(Checks.notNull(scores, "scores")));
    }

    /** A customer without interactions and scores. */
    public static CustomerSnapshot of(Customer customer) {
        return new CustomerSnapshot(customer, InteractionHistory.empty(), Map.of());
    }

    /** The same snapshot with another version of the profile. */
    public CustomerSnapshot withCustomer(Customer changed) {
        return new CustomerSnapshot(changed, interactions(), scores());
    }

    /** The same snapshot with one more interaction. */
    public CustomerSnapshot withInteraction(Interaction interaction) {
        return new CustomerSnapshot(customer(), interactions().with(interaction), scores());
    }

    /** The same snapshot with score {@code name} set to {@code value}. */
    public CustomerSnapshot withScore(String name, double value) {
        Map<String, Double> changed = new HashMap<>(scores());
        changed.put(Checks.notNull(name, "score"), value);
        return new CustomerSnapshot(customer(), interactions(), changed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomerSnapshot other && customer().equals(other.customer())
                && interactions().equals(other.interactions()) && scores().equals(other.scores());
    }

    @Override
    public int hashCode() {
        return (customer().hashCode() * 31 + interactions().hashCode()) * 31 + scores().hashCode();
    }

    @Override
    public String toString() {
        return "CustomerSnapshot[" + customer().id() + ", " + interactions().size() + " interactions, " + scores()
                + "]";
    }
}
