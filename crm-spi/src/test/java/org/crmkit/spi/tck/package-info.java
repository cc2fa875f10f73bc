/**
 * The technology compatibility kit (TCK): contract tests any implementation of the storage ports runs to prove it
 * keeps the documented contract. Published as the crm-spi test-jar ({@code <type>test-jar</type>}).
 *
 * <p>To prove a store, extend its contract ({@link org.crmkit.spi.tck.CustomerStoreContract},
 * {@link org.crmkit.spi.tck.InteractionStoreContract}, {@link org.crmkit.spi.tck.ScoreStoreContract},
 * {@link org.crmkit.spi.tck.MembershipStoreContract}, {@link org.crmkit.spi.tck.OutboxContract}) in a test class
 * whose name ends in {@code ContractTest}, return a new empty store from {@code newStore()}, and run it with the
 * JUnit Platform (both the Jupiter and the jqwik engine must be on the test class path: the contracts hold example
 * tests and model-based properties). To prove a whole storage (its units, locks and after-commit actions, the
 * outbox within units), extend {@link org.crmkit.spi.tck.StorageContract} and return a new empty storage from
 * {@code newStorage()}.
 * Optional capabilities are declared by {@code features()} ({@link org.crmkit.spi.tck.StoreFeature}): the tests of
 * a feature run only when it is declared, and each contract checks that the implementation offers exactly the
 * declared features through {@code capability(Class)}.
 */
@NullMarked
package org.crmkit.spi.tck;

import org.jspecify.annotations.NullMarked;
