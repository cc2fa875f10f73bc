package org.crmkit.benchmarks;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.crmkit.Crm;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventId;
import org.crmkit.spi.event.EventSink;
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
 * The relay's delivery rate: 1,000,000 {@code InteractionRecorded} events wait in the in-memory outbox (of 100,000
 * customers); one {@code crm.events().flush()} delivers them, in sequence order with the per-customer hold-back
 * bookkeeping, to an in-process sink (a JMH blackhole), and removes them from the outbox. A fresh engine and outbox
 * per invocation. Target: at least 1,000,000 events per second.
 *
 * <p>The anchor, {@link #baseline}, hands the same events from a plain array to the same sink, in the same
 * run: the ratio of the two is what reading, ordering and removing them through the outbox costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class OutboxRelayBenchmark {
    private static final int EVENTS = 1_000_000;

    private DomainEvent[] events;
    private Crm crm;
    private EventSink sink;

    @Setup(Level.Trial)
    public void prepare() {
        SplittableRandom random = new SplittableRandom(2);
        Instant at = SyntheticBase.START;
        events = new DomainEvent[EVENTS];
        for (int k = 0; k < EVENTS; k++) {
            events[k] = new DomainEvent.InteractionRecorded(EventId.of(new UUID(k, 42)), SyntheticBase.TENANT, at,
                    SyntheticBase.interaction(k, 100_000, random));
        }
    }

    @Setup(Level.Invocation)
    public void fillOutbox(Blackhole bh) {
        sink = bh::consume;
        crm = Crm.builder().seed(2).eventRelayThread(false).eventSink(sink).build();
        for (DomainEvent e : events) {
            crm.storage().outbox().append(e);
        }
    }

    @TearDown(Level.Invocation)
    public void close() {
        crm.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void baseline() {
        for (DomainEvent e : events) {
            sink.publish(e);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int deliver() {
        int n = crm.events().flush();
        if (n != EVENTS) {
            throw new IllegalStateException("delivered " + n + " of " + EVENTS);
        }
        return n;
    }
}
