package org.crmkit.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.crmkit.memory.InMemoryInteractionStore;
import org.crmkit.spi.interaction.Interaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Appends 1,000,000 prepared interactions (over 100,000 customers, in occurred-at order) into a fresh in-memory
 * store, on one thread. Target: at least 1,000,000 appends per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class InteractionIngestBenchmark {
    private static final int BATCH = 1_000_000;

    private Interaction[] batch;
    private InMemoryInteractionStore store;

    @Setup(Level.Trial)
    public void prepare() {
        SplittableRandom random = new SplittableRandom(1);
        batch = new Interaction[BATCH];
        for (int k = 0; k < BATCH; k++) {
            batch[k] = SyntheticBase.interaction(k, 100_000, random);
        }
    }

    @Setup(Level.Invocation)
    public void freshStore() {
        store = new InMemoryInteractionStore();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void append(Blackhole bh) {
        for (Interaction i : batch) {
            bh.consume(store.append(i));
        }
    }
}
