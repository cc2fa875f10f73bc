package org.crmkit.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.junit.jupiter.api.Test;

/**
 * The in-memory membership store leaves exits in its paging index and sweeps them out in batches: with many more
 * exits than the TCK's small universes make, pages, counts and instants stay exact, also while threads race.
 */
class InMemoryMembershipSweepTest {
    static final TenantId T = TenantId.of("sweep");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final InMemoryMembershipStore store = new InMemoryMembershipStore();

    static CustomerId id(int n) {
        return CustomerId.of(String.format("c%05d", n));
    }

    List<CustomerId> all() {
        List<CustomerId> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<CustomerId> page = store.members(T, "vip", cursor, 97);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return all;
    }

    @Test
    void manyExits_areSweptOut_andPagesCountsAndInstantsStayExact() {
        for (int n = 0; n < 5_000; n++) {
            store.enter(T, "vip", id(n), T0.plusSeconds(n));
        }
        TreeSet<CustomerId> expected = new TreeSet<>();
        for (int n = 0; n < 5_000; n++) {
            if (n % 7 == 0) {
                expected.add(id(n));
            } else {
                assertThat(store.leave(T, "vip", id(n))).isTrue();
            }
        }
        for (int n = 1; n < 5_000; n += 700) {
            assertThat(store.enter(T, "vip", id(n), T0)).isTrue();
            expected.add(id(n));
        }

        assertThat(all()).containsExactlyElementsOf(expected);
        assertThat(store.count(T, "vip")).isEqualTo(expected.size());
        assertThat(store.memberSince(T, "vip", id(14))).contains(T0.plusSeconds(14));
        assertThat(store.memberSince(T, "vip", id(1))).contains(T0);
        assertThat(store.memberSince(T, "vip", id(2))).isEmpty();
        assertThat(store.segmentsOf(T, id(2))).isEmpty();
    }

    @Test
    void racingEntersAndLeaves_withSweeps_endExact() throws Exception {
        int threads = 4;
        int perThread = 3_000;
        ConcurrentSkipListSet<CustomerId> expected = new ConcurrentSkipListSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t * perThread;
                long seed = t;
                done.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    boolean[] member = new boolean[perThread];
                    for (int step = 0; step < 30_000; step++) {
                        int k = random.nextInt(perThread);
                        if (random.nextInt(3) == 0) {
                            assertThat(store.enter(T, "vip", id(first + k), T0)).isEqualTo(!member[k]);
                            member[k] = true;
                        } else {
                            assertThat(store.leave(T, "vip", id(first + k))).isEqualTo(member[k]);
                            member[k] = false;
                        }
                    }
                    for (int k = 0; k < perThread; k++) {
                        if (member[k]) {
                            expected.add(id(first + k));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(all()).containsExactlyElementsOf(expected);
        assertThat(store.count(T, "vip")).isEqualTo(expected.size());
    }
}
