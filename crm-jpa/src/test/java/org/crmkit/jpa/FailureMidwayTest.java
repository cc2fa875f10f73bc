package org.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManagerFactory;
import org.crmkit.Crm;
import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.Money;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.interaction.AppendResult;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.storage.ForwardingStorage;
import org.crmkit.spi.tck.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * A failure in the middle of a merge or of a batch undoes all of it on the database: the merge's customer writes
 * are undone when moving the interactions fails after them, and a batch whose fourth interaction is refused stores
 * none of the five, nor their events.
 */
abstract class FailureMidwayTest {
    static final TenantId T = TenantId.of("midway");

    final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));

    abstract EntityManagerFactory factory();

    @Test
    void aMergeWhoseInteractionsCannotBeMoved_leavesBothCustomersAsTheyWere() {
        JpaStorage storage = JpaStorage.of(factory(), Databases.EVENTS);
        ForwardingStorage failing = new ForwardingStorage(storage) {
            @Override
            public InteractionStore interactions() {
                InteractionStore real = storage.interactions();
                return new InteractionStore() {
                    @Override
                    public AppendResult append(Interaction interaction) {
                        return real.append(interaction);
                    }

                    @Override
                    public Optional<Interaction> findById(TenantId tenant, InteractionId id) {
                        return real.findById(tenant, id);
                    }

                    @Override
                    public Optional<Interaction> findByExternalId(TenantId tenant, String source, String key) {
                        return real.findByExternalId(tenant, source, key);
                    }

                    @Override
                    public Page<Interaction> find(TenantId tenant, Subject subject, InteractionQuery query) {
                        return real.find(tenant, subject, query);
                    }

                    @Override
                    public int reassign(TenantId tenant, Subject from, CustomerId to) {
                        throw new IllegalStateException("injected: the database went away while moving");
                    }

                    @Override
                    public Page<Interaction> scan(TenantId tenant, Optional<String> after, int limit) {
                        return real.scan(tenant, after, limit);
                    }

                    @Override
                    public long count(TenantId tenant) {
                        return real.count(tenant);
                    }
                };
            }
        };
        try (Crm crm = Crm.builder().storage(failing).clock(clock).seed(1).eventRelayThread(false).build()) {
            CustomerId ann = crm.customers().register(T, Person.named("Ann", "Lee"),
                    x -> x.identity(ExternalIdentity.of("shop", "1"))).id();
            CustomerId dup = crm.customers().register(T, Person.named("Ann", "Lee"),
                    x -> x.identity(ExternalIdentity.of("erp", "9"))).id();
            long events = crm.events().backlog().count();
            var before = List.of(storage.customers().findById(T, ann), storage.customers().findById(T, dup));

            assertThatThrownBy(() -> crm.customers().merge(T, ann, dup))
                    .hasMessageContaining("injected: the database went away while moving");

            assertThat(List.of(storage.customers().findById(T, ann), storage.customers().findById(T, dup)))
                    .isEqualTo(before);
            assertThat(storage.customers().findMergeRecord(T, dup)).isEmpty();
            assertThat(storage.customers().findByIdentity(T, ExternalIdentity.of("erp", "9")).map(c -> c.id()))
                    .contains(dup);
            assertThat(crm.events().backlog().count()).isEqualTo(events);
        }
    }

    @Test
    void aBatchWhoseFourthInteractionIsRefused_storesNoneOfIt() {
        JpaStorage storage = JpaStorage.of(factory(), Databases.EVENTS);
        try (Crm crm = Crm.builder().storage(storage).clock(clock).seed(1).eventRelayThread(false).build()) {
            CustomerId ann = crm.customers().register(T, Person.named("Ann", "Lee"), x -> x).id();
            crm.interactions().record(order(ann, "held", "first-key"));
            long events = crm.events().backlog().count();
            List<Interaction> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(order(ann, i == 3 ? "held" : "b" + i, "batch-" + i));
            }

            assertThatThrownBy(() -> crm.interactions().recordAll(batch)).isInstanceOf(DuplicateKeyException.class);

            assertThat(storage.interactions().count(T)).isEqualTo(1);
            for (int i = 0; i < 5; i++) {
                assertThat(storage.interactions().findByExternalId(T, "shop", "batch-" + i)).isEmpty();
            }
            assertThat(crm.events().backlog().count()).isEqualTo(events);
        }
    }

    private Interaction order(CustomerId customer, String id, String key) {
        return Interaction.builder(T, InteractionId.of(id), Subject.customer(customer), Channel.WEB,
                InteractionType.ORDER_PLACED, clock.instant()).amount(Money.of("10.00", "EUR")).source("shop", key)
                .build();
    }
}
