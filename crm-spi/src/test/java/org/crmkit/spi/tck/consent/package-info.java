/**
 * The TCK of the consent ports: extend {@link org.crmkit.spi.tck.consent.ConsentStoreContract} in a class named
 * {@code …ContractTest}, return a new, empty store from {@code newStore()} and declare its optional features
 * ({@link org.crmkit.spi.tck.StoreFeature#LEDGER_ERASURE}) in {@code features()}. The suppression-list tests run when
 * the store (or the one {@code suppressionStore()} returns) implements
 * {@link org.crmkit.spi.consent.SuppressionStore}.
 */
@NullMarked
package org.crmkit.spi.tck.consent;

import org.jspecify.annotations.NullMarked;
