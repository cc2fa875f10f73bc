package org.crmkit.benchmarks.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.crmkit.scoring.RfmAnalysis;
import org.crmkit.scoring.RfmScore;
import org.crmkit.scoring.RfmScorer;
import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RFM scores of 1,000,000 customers from 2,000,000 orders over two years, in the order they occurred (as a store
 * appends them), each of a random customer, every customer ordering at least once: aggregation, ranking in three
 * dimensions and the table. Target: under 1 s per analysis. {@code analyseAndRead} also materialises every
 * {@link RfmScore}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
public class RfmBenchmark {
    private static final int CUSTOMERS = 1_000_000;
    private static final Instant AS_OF = Instant.parse("2025-06-30T00:00:00Z");
    private static final int ORDERS = 2 * CUSTOMERS;
    private static final long SECONDS_BETWEEN_ORDERS = 31;

    private List<Interaction> orders;
    private RfmScorer scorer;

    @Setup(Level.Trial)
    public void load() {
        TenantId tenant = TenantId.of("bench");
        Currency eur = Currency.getInstance("EUR");
        SplittableRandom random = new SplittableRandom(4);
        Subject[] customers = new Subject[CUSTOMERS];
        int[] firstOrderOf = new int[CUSTOMERS];
        for (int n = 0; n < CUSTOMERS; n++) {
            customers[n] = Subject.customer(CustomerId.of("c" + n));
            firstOrderOf[n] = n;
        }
        for (int i = CUSTOMERS - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = firstOrderOf[i];
            firstOrderOf[i] = firstOrderOf[j];
            firstOrderOf[j] = t;
        }
        orders = new ArrayList<>(ORDERS);
        Instant start = AS_OF.minusSeconds(ORDERS * SECONDS_BETWEEN_ORDERS);
        for (int k = 0; k < ORDERS; k++) {
            Subject customer = customers[k < CUSTOMERS ? firstOrderOf[k] : random.nextInt(CUSTOMERS)];
            orders.add(Interaction.builder(tenant, InteractionId.of("o" + k), customer, Channel.WEB,
                            InteractionType.ORDER_PLACED, start.plusSeconds(k * SECONDS_BETWEEN_ORDERS))
                    .amount(new Money(BigDecimal.valueOf(100 + random.nextInt(50_000), 2), eur)).build());
        }
        scorer = RfmScorer.of(eur);
    }

    @Benchmark
    public RfmAnalysis analyse() {
        return scorer.analyse(orders, AS_OF);
    }

    @Benchmark
    public long analyseAndRead() {
        long sum = 0;
        for (RfmScore score : scorer.analyse(orders, AS_OF).scores()) {
            sum += score.r() + score.f() + score.m().orElse(0)
                    + score.monetary().map(m -> m.amount().scale()).orElse(0);
        }
        return sum;
    }
}
