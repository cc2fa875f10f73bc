package org.crmkit.benchmarks.consent;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.crmkit.consent.ConsentService;
import org.crmkit.consent.ContactDecision;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.CustomerId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ConsentService#decide} for 1,000,000 customers (in an {@link InMemoryStorage}), each with a consent
 * for every one of 3 channels × 3 purposes (explicit, implicit and opted-out ones mixed), 1 % of the addresses
 * suppressed and 10 % of the customers with a recent send. Targets: at least 5,000,000 decisions per second on one
 * thread, median under 200 ns.
 *
 * <p>{@code sweep…} decides the 9 channel-purpose pairs of one customer after the other, customer by customer, the
 * way a campaign walks its audience (scores are per decision); {@code random…} decides for a random customer, channel
 * and purpose each time, so nearly every decision misses the CPU caches. Both measure decisions on customers decided
 * on before: the set-up sweeps every customer once, which pays for the views the engine keeps per customer (a keyed
 * hash per contact point); that first pass is what the first warm-up iterations of a run without it would show. The
 * engine has the default staleness bound (1 second): a decision reads the clock, and once a second one of them
 * reads the storage for entries appended by other engines. {@code clock} is the engine's: {@code system} (a read
 * costs some 40 ns on the benchmark machine) or {@code fixed} (as the benchmarks of earlier versions had it).
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms8g", "-Xmx8g"})
public class ConsentDecideBenchmark {
    private static final int CUSTOMERS = 1_000_000;
    private static final int KEYS = 1 << 20;

    @Param({"system", "fixed"})
    public String clock;

    private ConsentService consents;
    private CustomerId[] ids;
    private ConsentChannel[] channels;
    private Purpose[] purposes;
    private CustomerSweep sweep;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        InMemoryStorage storage = new InMemoryStorage();
        consents = ConsentBase.engine(storage, clock.equals("fixed") ? Clock.fixed(ConsentBase.NOW, ZoneOffset.UTC)
                : Clock.systemUTC());
        SplittableRandom random = new SplittableRandom(7);
        ConsentBase.populate(storage, consents, CUSTOMERS, random);
        sweep = new CustomerSweep(consents, CUSTOMERS);
        ids = new CustomerId[KEYS];
        channels = new ConsentChannel[KEYS];
        purposes = new Purpose[KEYS];
        for (int k = 0; k < KEYS; k++) {
            ids[k] = ConsentBase.customerId(random.nextInt(CUSTOMERS));
            channels[k] = ConsentBase.CHANNELS.get(random.nextInt(3));
            purposes[k] = ConsentBase.PURPOSES.get(random.nextInt(3));
        }
        sweep.once();
    }

    private ContactDecision decideNext() {
        int k = next = (next + 1) & (KEYS - 1);
        return consents.decide(ConsentBase.TENANT, ids[k], channels[k], purposes[k], ConsentBase.NOW);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(9)
    public int sweepThroughput() {
        return sweep.next();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(9)
    public int sweepLatency() {
        return sweep.next();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ContactDecision randomThroughput() {
        return decideNext();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public ContactDecision randomLatency() {
        return decideNext();
    }
}
