package org.crmkit.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.crmkit.Crm;
import org.crmkit.memory.InMemoryInteractionStore;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventId;
import org.crmkit.spi.interaction.AppendResult;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.storage.LockKey;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Records 1,000,000 prepared interactions (over 100,000 registered customers, in occurred-at order) through
 * {@code crm.interactions().record} on one thread: per interaction the subject is resolved, a storage unit holds the
 * customer's lock, the interaction is appended and its {@code InteractionRecorded} event written to the outbox; the
 * engine's relay thread (its default) drains the outbox to the sink meanwhile. A fresh engine and in-memory storage
 * per invocation, with the defaults (staleness 1 s, relay thread on, sink that drops). Target: at least 1,000,000
 * interactions per second.
 *
 * <p>{@link #recordBatches} records the same interactions through {@code crm.interactions().recordAll}, in batches
 * of 1,000 (one unit, its locks and the relay's wake-up per batch): the way to ingest an import or a stream.
 *
 * <p>{@link #storageWithOutbox} is the storage's share of that path: per interaction one unit of an
 * {@link InMemoryStorage} holding the customer's lock, the append and the event's outbox append, without resolution,
 * ids or the engine's bookkeeping.
 *
 * <p>The anchor, {@link #storeOnly}, appends the same interactions straight into a fresh in-memory interaction store
 * (no resolution, no unit, no event), in the same run: the ratio of the two is what the engine path costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
public class InteractionRecordBenchmark {
    private static final int BATCH = 1_000_000;
    private static final int CUSTOMERS = 100_000;
    private static final int BATCH_SIZE = 1_000;

    private Interaction[] batch;
    private List<List<Interaction>> batches;
    private Crm crm;
    private InMemoryInteractionStore store;
    private InMemoryStorage storage;

    @Setup(Level.Trial)
    public void prepare() {
        SplittableRandom random = new SplittableRandom(1);
        batch = new Interaction[BATCH];
        for (int k = 0; k < BATCH; k++) {
            batch[k] = SyntheticBase.interaction(k, CUSTOMERS, random);
        }
        batches = new ArrayList<>();
        for (int k = 0; k < BATCH; k += BATCH_SIZE) {
            batches.add(List.of(Arrays.copyOfRange(batch, k, k + BATCH_SIZE)));
        }
    }

    @Setup(Level.Invocation)
    public void freshEngine() {
        store = new InMemoryInteractionStore();
        storage = new InMemoryStorage();
        crm = Crm.builder().seed(1).build();
        for (int n = 0; n < CUSTOMERS; n++) {
            crm.storage().customers().create(SyntheticBase.customer(n));
        }
    }

    @TearDown(Level.Invocation)
    public void close() {
        crm.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void storeOnly(Blackhole bh) {
        for (Interaction i : batch) {
            bh.consume(store.append(i));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void storageWithOutbox(Blackhole bh) {
        long k = 0;
        for (Interaction i : batch) {
            long id = k++;
            bh.consume(storage.atomically(List.of(LockKey.customer(i.tenant(), ((Subject.Known) i.subject())
                    .customer())), () -> {
                        AppendResult appended = storage.interactions().append(i);
                        storage.outbox().append(new DomainEvent.InteractionRecorded(EventId.of(new UUID(0, id)),
                                i.tenant(), i.recordedAt(), appended.interaction()));
                        return appended;
                    }));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void record(Blackhole bh) {
        for (Interaction i : batch) {
            bh.consume(crm.interactions().record(i));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void recordBatches(Blackhole bh) {
        for (List<Interaction> b : batches) {
            bh.consume(crm.interactions().recordAll(b));
        }
    }
}
