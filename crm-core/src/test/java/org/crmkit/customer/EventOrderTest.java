package org.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.crmkit.Crm;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.tck.MutableClock;
import org.crmkit.testing.RecordingSink;
import org.junit.jupiter.api.Test;

class EventOrderTest {
    @Test
    void concurrentWritesToOneCustomer_publishEventsInVersionOrder() throws Exception {
        RecordingSink sink = new RecordingSink();
        Crm crm = sink.of(Crm.builder().clock(new MutableClock(Instant.parse("2026-01-01T00:00:00Z"))).seed(5)
                .eventSink(sink).build());
        TenantId t = TenantId.of("t");
        Customer c = crm.customers().register(t, Person.named("A", "B"), b -> b);
        int threads = 4;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    for (int k = 0; k < perThread; k++) {
                        String tag = "t" + n + "-" + k;
                        String previous = "t" + n + "-" + (k - 1);
                        crm.customers().modify(t, c.id(), b -> b.tag(tag).untag(previous));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> versions = sink.events(DomainEvent.CustomerUpdated.class).stream()
                .map(e -> e.customer().version()).toList();
        assertThat(versions).hasSize(threads * perThread).isSorted();
        assertThat(versions.get(versions.size() - 1)).isEqualTo(1L + threads * perThread);
        assertThat(sink.events().stream().map(DomainEvent::id).distinct().count()).isEqualTo(sink.events().size());
    }
}
