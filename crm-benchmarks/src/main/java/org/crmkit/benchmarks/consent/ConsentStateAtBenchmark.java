package org.crmkit.benchmarks.consent;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.crmkit.consent.ConsentService;
import org.crmkit.consent.ConsentStatus;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.CustomerId;
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
 * {@link ConsentService#statusAt}: the state of one consent at a random past instant, for a customer with 1,000
 * ledger entries over 3 channels × 3 purposes (and 10,000 other customers' entries between them). Target: under
 * 10 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class ConsentStateAtBenchmark {
    private static final int ENTRIES = 1_000;
    private static final int KEYS = 1 << 12;

    private ConsentService consents;
    private final CustomerId ann = CustomerId.of("ann");
    private Instant[] instants;
    private ConsentScope[] scopes;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        consents = ConsentBase.engine(new InMemoryStorage());
        SplittableRandom random = new SplittableRandom(3);
        ConsentScope[] all = new ConsentScope[9];
        for (int i = 0; i < 9; i++) {
            all[i] = ConsentScope.of(ConsentBase.CHANNELS.get(i / 3), ConsentBase.PURPOSES.get(i % 3));
        }
        Instant t = ConsentBase.START;
        CaptureSource source = CaptureSource.of(CaptureSource.Kind.WEB_FORM, "bench-form");
        for (int i = 0; i < ENTRIES; i++) {
            t = t.plusSeconds(1 + random.nextInt(20_000));
            Evidence evidence = Evidence.of(source, t, Wording.version("bench-v1"));
            ConsentScope scope = all[random.nextInt(9)];
            if (random.nextInt(3) == 0) {
                consents.optOut(ConsentBase.TENANT, ann, scope, evidence);
            } else {
                consents.optIn(ConsentBase.TENANT, ann, scope, Capture.TICKED_BOX, evidence);
            }
            for (int k = 0; k < 10; k++) {
                consents.optOut(ConsentBase.TENANT, ConsentBase.customerId(i * 10 + k),
                        ConsentScope.of(ConsentChannel.EMAIL, Purpose.MARKETING), evidence);
            }
        }
        long span = t.getEpochSecond() - ConsentBase.START.getEpochSecond();
        instants = new Instant[KEYS];
        scopes = new ConsentScope[KEYS];
        for (int k = 0; k < KEYS; k++) {
            instants[k] = ConsentBase.START.plusSeconds((long) (random.nextDouble() * span));
            scopes[k] = all[random.nextInt(9)];
        }
    }

    @Benchmark
    public ConsentStatus statusAt() {
        int k = next = (next + 1) & (KEYS - 1);
        return consents.statusAt(ConsentBase.TENANT, ann, scopes[k], instants[k]);
    }
}
