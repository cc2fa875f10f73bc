package org.crmkit.consent;

import java.util.Optional;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;

/**
 * Where the consent engine finds a customer's contact points and party: typically
 * {@code customerStore::findById}. Must be thread-safe and fast, as every decision calls it.
 */
@FunctionalInterface
public interface CustomerDirectory {
    /** The customer, if the tenant has one of that id. */
    Optional<Customer> find(TenantId tenant, CustomerId customer);
}
