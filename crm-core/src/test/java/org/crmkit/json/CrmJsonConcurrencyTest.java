package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.interaction.Interaction;
import org.junit.jupiter.api.Test;

class CrmJsonConcurrencyTest {
    @Test
    void oneCodec_sharedByThreads_givesEveryThreadTheSameResults() throws Exception {
        CrmJson json = CrmJson.builder().prettyPrinting(true).build();
        String customer = json.write(JsonFixtures.customer());
        String interaction = json.write(JsonFixtures.interaction());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    boolean same = true;
                    for (int i = 0; i < 500; i++) {
                        same &= json.write(json.read(customer, Customer.class)).equals(customer);
                        same &= json.write(json.read(interaction, Interaction.class)).equals(interaction);
                    }
                    return same;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
