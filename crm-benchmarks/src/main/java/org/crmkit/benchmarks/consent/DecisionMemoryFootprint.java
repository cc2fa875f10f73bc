package org.crmkit.benchmarks.consent;

import java.util.SplittableRandom;

import org.crmkit.benchmarks.MemoryFootprint;
import org.crmkit.consent.ConsentService;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.CustomerId;

/**
 * What the consent engine remembers for its decisions: loads the population of {@link ConsentDecideBenchmark}
 * (1,000,000 customers with an e-mail address and a phone number each, and a consent for every one of 3 channels × 3
 * purposes), then decides all 9 pairs of every customer, and prints the heap retained by the decisions per customer.
 *
 * <pre>java -Xmx8g -cp crm-benchmarks/target/benchmarks.jar org.crmkit.benchmarks.consent.DecisionMemoryFootprint</pre>
 */
public final class DecisionMemoryFootprint {
    private DecisionMemoryFootprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        InMemoryStorage storage = new InMemoryStorage();
        ConsentService consents = ConsentBase.engine(storage);
        ConsentBase.populate(storage, consents, customers, new SplittableRandom(7));
        long before = MemoryFootprint.retained();
        long allowed = 0;
        for (int n = 0; n < customers; n++) {
            CustomerId id = ConsentBase.customerId(n);
            for (ConsentChannel c : ConsentBase.CHANNELS) {
                for (Purpose p : ConsentBase.PURPOSES) {
                    allowed += consents.decide(ConsentBase.TENANT, id, c, p, ConsentBase.NOW).isAllowed() ? 1 : 0;
                }
            }
        }
        long after = MemoryFootprint.retained();
        System.out.printf("customers and consents: %,d customers, %,d MiB retained%n", customers, before >> 20);
        System.out.printf("after %,d decisions (%,d allowed): %,d bytes more = %,d bytes per customer%n",
                customers * 9L, allowed, after - before, (after - before) / Math.max(customers, 1));
        System.out.println("engine still reachable: " + consents.head(ConsentBase.TENANT).sequence() + " entries");
    }
}
