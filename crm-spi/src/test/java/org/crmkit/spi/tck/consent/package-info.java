/**
 * The TCK of the consent ports: extend {@link org.crmkit.spi.tck.consent.ConsentStoreContract} in a class named
 * {@code …ContractTest} and return a new, empty store from {@code newStore()}. The suppression-list tests run when
 * the store (or the one {@code suppressionStore()} returns) implements
 * {@link org.crmkit.spi.consent.SuppressionStore}.
 */
@NullMarked
package org.crmkit.spi.tck.consent;

import org.jspecify.annotations.NullMarked;
