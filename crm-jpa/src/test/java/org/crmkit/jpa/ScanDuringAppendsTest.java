package org.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.persistence.EntityManagerFactory;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The scan-order promise under concurrent writers: a scan that keeps following its cursor while four threads
 * append in units of three interactions (two threads one by one, two as batches) sees every interaction exactly once,
 * in the order each writer appended its own, those appended during the scan at its end (it reads its last page again
 * until the writers are done, and only then keeps it). A store whose order came from a database sequence or identity would lose some: a row numbered 7 can
 * commit after the scan read 8. On H2 and on PostgreSQL.
 */
abstract class ScanDuringAppendsTest {
    private static final TenantId TENANT = TenantId.of("scan-race");
    private static final int WRITERS = 4;
    private static final int PER_WRITER = 150;

    abstract EntityManagerFactory factory();

    @Test
    @Timeout(120)
    void aScanDuringConcurrentAppends_seesEveryInteractionOnce() throws Exception {
        JpaStorage storage = JpaStorage.of(factory(), Databases.EVENTS);
        InteractionStore store = storage.interactions();
        Set<String> appended = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int k = 0; k < PER_WRITER; k += 3) {
                        int from = k;
                        List<Interaction> unit = new ArrayList<>();
                        for (int j = from; j < Math.min(from + 3, PER_WRITER); j++) {
                            unit.add(interaction("w" + writer + "-" + j, j));
                        }
                        storage.atomically(List.of(), () -> {
                            if (writer % 2 == 0) {
                                unit.forEach(store::append);
                            } else {
                                store.appendAll(unit);
                            }
                        });
                        unit.forEach(i -> appended.add(i.id().value()));
                    }
                }));
            }
            Future<List<String>> scanner = pool.submit(() -> {
                List<String> seen = new ArrayList<>();
                Optional<String> cursor = Optional.empty();
                while (true) {
                    boolean finalPass = !writing.get();
                    Page<Interaction> page = store.scan(TENANT, cursor, 7);
                    if (page.nextCursor().isPresent()) {
                        page.items().forEach(i -> seen.add(i.id().value()));
                        cursor = page.nextCursor();
                    } else if (finalPass) {
                        page.items().forEach(i -> seen.add(i.id().value()));
                        return seen;
                    } else {
                        Thread.onSpinWait();
                    }
                }
            });
            for (Future<?> w : writers) {
                w.get(100, TimeUnit.SECONDS);
            }
            writing.set(false);
            List<String> seen = scanner.get(100, TimeUnit.SECONDS);
            assertThat(appended).hasSize(WRITERS * PER_WRITER);
            assertThat(seen).doesNotHaveDuplicates();
            assertThat(new HashSet<>(seen)).isEqualTo(appended);
            for (int w = 0; w < WRITERS; w++) {
                String prefix = "w" + w + "-";
                assertThat(seen.stream().filter(id -> id.startsWith(prefix)).map(id -> id.substring(prefix.length()))
                        .map(Integer::parseInt).toList()).as("writer %d's in the order it appended them", w)
                        .isSorted();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Interaction interaction(String id, int minute) {
        Instant at = Instant.parse("2024-05-01T10:00:00Z").plusSeconds(60L * minute);
        return Interaction.builder(TENANT, InteractionId.of(id), Subject.customer(CustomerId.of("c-" + minute % 5)),
                Channel.WEB, InteractionType.PAGE_VIEW, at).source("race", "ext-" + id).build();
    }
}
