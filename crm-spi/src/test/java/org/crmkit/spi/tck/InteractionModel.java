package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.interaction.Subject;

/**
 * The reference model of an interaction store: per tenant, the stored interactions in the order they were first
 * appended, over a small universe of ids, idempotency keys and subjects (so that random operations collide often).
 */
final class InteractionModel {
    static final List<TenantId> TENANTS = CustomerModel.TENANTS;
    static final int KEYS = 8;
    static final int CUSTOMERS = 3;
    static final int SUBJECTS = 5;
    static final String SOURCE = "webshop";

    /** Oldest first: by occurred-at instant, then by id. */
    static final Comparator<Interaction> OLDEST_FIRST = Comparator.comparing(Interaction::occurredAt)
            .thenComparing(Interaction::id);

    private final Map<TenantId, List<Interaction>> logs = new HashMap<>();

    static TenantId tenant(int index) {
        return TENANTS.get(index);
    }

    static InteractionId id(int index) {
        return InteractionId.of("i-" + index);
    }

    static String externalId(int key) {
        return "e-" + key;
    }

    /** Subjects 0 to {@value #CUSTOMERS} - 1 are the customers of {@link CustomerModel#id}, the others visitors. */
    static Subject subject(int index) {
        return index < CUSTOMERS ? Subject.customer(CustomerModel.id(index)) : Fixtures.visitor("v-" + index);
    }

    List<Interaction> log(TenantId tenant) {
        return logs.computeIfAbsent(tenant, t -> new ArrayList<>());
    }

    Optional<Interaction> byKey(TenantId tenant, String source, String externalId) {
        return log(tenant).stream().filter(i -> i.source().equals(source) && i.externalId().equals(externalId))
                .findFirst();
    }

    Optional<Interaction> byId(TenantId tenant, InteractionId id) {
        return log(tenant).stream().filter(i -> i.id().equals(id)).findFirst();
    }

    void append(Interaction i) {
        log(i.tenant()).add(i);
    }

    int reassign(TenantId tenant, Subject from, Subject to) {
        List<Interaction> log = log(tenant);
        int moved = 0;
        for (int k = 0; k < log.size(); k++) {
            if (log.get(k).subject().equals(from)) {
                log.set(k, log.get(k).withSubject(to));
                moved++;
            }
        }
        return moved;
    }

    int erase(TenantId tenant, Subject subject) {
        List<Interaction> log = log(tenant);
        int before = log.size();
        log.removeIf(i -> i.subject().equals(subject));
        return before - log.size();
    }

    List<Interaction> ofSubject(TenantId tenant, Subject subject) {
        return log(tenant).stream().filter(i -> i.subject().equals(subject)).sorted(OLDEST_FIRST).toList();
    }

    private static List<Interaction> reversed(List<Interaction> list) {
        List<Interaction> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    InteractionModel copy() {
        InteractionModel copy = new InteractionModel();
        logs.forEach((tenant, log) -> copy.logs.put(tenant, new ArrayList<>(log)));
        return copy;
    }

    /** Asserts that every read of {@code store} over the model's universe answers as the model does. */
    void assertSameAs(InteractionStore store) {
        InteractionQuery oldestFirst = InteractionQuery.all().withLimit(2);
        InteractionQuery newestFirst = InteractionQuery.all().newestFirst().withLimit(3);
        InteractionQuery web = InteractionQuery.all().withChannels(Set.of(Channel.WEB)).withLimit(1);
        for (TenantId tenant : TENANTS) {
            List<Interaction> log = log(tenant);
            assertThat(store.count(tenant)).as("count %s", tenant).isEqualTo(log.size());
            assertThat(Reads.scanAll(store, tenant, 3)).as("scan %s", tenant).isEqualTo(log);
            for (int s = 0; s < SUBJECTS; s++) {
                Subject subject = subject(s);
                List<Interaction> expected = ofSubject(tenant, subject);
                assertThat(Reads.findAll(store, tenant, subject, oldestFirst)).as("find %s %s", tenant, subject)
                        .isEqualTo(expected);
                assertThat(Reads.findAll(store, tenant, subject, newestFirst))
                        .as("find newest first %s %s", tenant, subject).isEqualTo(reversed(expected));
                assertThat(Reads.findAll(store, tenant, subject, web)).as("find web %s %s", tenant, subject)
                        .isEqualTo(expected.stream().filter(i -> i.channel() == Channel.WEB).toList());
            }
            for (int k = 0; k < KEYS; k++) {
                assertThat(store.findById(tenant, id(k))).as("findById %s %s", tenant, id(k))
                        .isEqualTo(byId(tenant, id(k)));
                assertThat(store.findByExternalId(tenant, SOURCE, externalId(k)))
                        .as("findByExternalId %s %s", tenant, externalId(k))
                        .isEqualTo(byKey(tenant, SOURCE, externalId(k)));
            }
        }
    }
}
