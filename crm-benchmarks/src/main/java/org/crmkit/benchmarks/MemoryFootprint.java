package org.crmkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.SplittableRandom;

import org.crmkit.memory.InMemoryCustomerStore;
import org.crmkit.memory.InMemoryInteractionStore;

/**
 * Loads 1,000,000 customers (2 contact points, 5 attributes each) and 10,000,000 interactions into the in-memory
 * stores and prints the retained heap per customer and per interaction. Run it with {@code -Xmx4g}: finishing at all
 * proves that the base fits in 4 GiB.
 *
 * <pre>java -Xmx4g -cp crm-benchmarks/target/benchmarks.jar org.crmkit.benchmarks.MemoryFootprint</pre>
 */
public final class MemoryFootprint {
    private MemoryFootprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long interactions = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        long base = retained();
        InMemoryCustomerStore customerStore = new InMemoryCustomerStore();
        for (int n = 0; n < customers; n++) {
            customerStore.create(SyntheticBase.customer(n));
        }
        long afterCustomers = retained();
        InMemoryInteractionStore interactionStore = new InMemoryInteractionStore();
        SplittableRandom random = new SplittableRandom(3);
        for (long k = 0; k < interactions; k++) {
            interactionStore.append(SyntheticBase.interaction(k, customers, random));
        }
        long afterInteractions = retained();
        System.out.printf("customers:    %,d retained %,d bytes = %,d bytes per customer%n", customers,
                afterCustomers - base, (afterCustomers - base) / Math.max(customers, 1));
        System.out.printf("interactions: %,d retained %,d bytes = %,d bytes per interaction%n", interactions,
                afterInteractions - afterCustomers, (afterInteractions - afterCustomers) / Math.max(interactions, 1));
        System.out.printf("total heap used: %,d MiB of max %,d MiB%n", afterInteractions >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("stores still reachable: " + customerStore.count(SyntheticBase.TENANT) + " customers, "
                + interactionStore.count(SyntheticBase.TENANT) + " interactions");
    }

    /** The heap in use after three full collections: what is retained. */
    public static long retained() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
