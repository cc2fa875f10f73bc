package org.crmkit.analytics.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;

/** The latest computed scores per tenant and customer, by score name. Thread-safe. */
public final class ScoreBoard {
    private final Map<TenantId, Map<CustomerId, Map<String, Double>>> scores = new ConcurrentHashMap<>();

    public void put(TenantId tenant, CustomerId customer, String name, double value) {
        scores.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(customer, c -> new ConcurrentHashMap<>()).put(name, value);
    }

    /** An unmodifiable copy of the customer's scores (empty if none). */
    public Map<String, Double> of(TenantId tenant, CustomerId customer) {
        Map<CustomerId, Map<String, Double>> byCustomer = scores.get(tenant);
        Map<String, Double> own = byCustomer == null ? null : byCustomer.get(customer);
        return own == null ? Map.of() : Map.copyOf(own);
    }

    public void remove(TenantId tenant, CustomerId customer) {
        Map<CustomerId, Map<String, Double>> byCustomer = scores.get(tenant);
        if (byCustomer != null) {
            byCustomer.remove(customer);
        }
    }
}
