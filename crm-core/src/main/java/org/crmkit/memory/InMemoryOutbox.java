package org.crmkit.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.memory.internal.Units;
import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.event.OutboxBacklog;
import org.crmkit.spi.event.OutboxMessage;
import org.jspecify.annotations.Nullable;

/**
 * An {@link Outbox} on the heap: a log of chunks of 4,096 slots, slot {@code s % 4096} of chunk {@code s / 4096}
 * holding the message of sequence {@code s} from the commit of its unit until it is delivered. A chunk is dropped
 * once every sequence of it was given out and none of them is pending or waiting for its unit any more, so memory
 * follows the backlog, not the history. Finding a sequence's slot is two array lookups.
 *
 * <p>An append inside a {@linkplain InMemoryStorage#atomically unit} takes its sequence at once but stays invisible
 * ({@link #pending}, {@link #backlog}) until the unit commits, before the unit's after-commit actions run; if the
 * unit is undone, the sequence stays unused. Deliveries, failures and lease changes inside a unit are undone with
 * it.
 *
 * <p>Thread-safe: every call takes one lock for a few array operations. Nothing is persisted.
 */
public final class InMemoryOutbox implements Outbox {
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int SLOT_MASK = CHUNK - 1;

    private final Units units;
    /** {@code chunks[i]} is chunk number {@code firstChunk + i}, or null if dropped (or not made yet). */
    private @Nullable Chunk[] chunks = new Chunk[16];
    private long firstChunk;
    /** The next sequence to give out. */
    private long next = 1;
    /** How many messages are visible and undelivered. */
    private long live;
    private Lease lease = Lease.FREE;

    /** An outbox of its own, outside any storage's units. */
    public InMemoryOutbox() {
        this(new Units());
    }

    InMemoryOutbox(Units units) {
        this.units = units;
    }

    /** One chunk of slots, and how many of its sequences are pending or wait for their unit. */
    private static final class Chunk {
        final @Nullable OutboxMessage[] slots = new OutboxMessage[CHUNK];
        int open;
    }

    /** Who holds the relay lease, and until when; nobody when {@code owner} is null. */
    private record Lease(@Nullable String owner, Instant until) {
        static final Lease FREE = new Lease(null, Instant.MIN);
    }

    /** An appended message waiting for its unit. */
    private final class Reservation implements Units.Staged {
        private final OutboxMessage message;

        Reservation(OutboxMessage message) {
            this.message = message;
        }

        @Override
        public void commit() {
            reveal(message);
        }

        @Override
        public void abandon() {
            release(message.sequence());
        }
    }

    @Override
    public long append(DomainEvent event) {
        Checks.notNull(event, "event");
        boolean held = units.inUnit();
        OutboxMessage message;
        synchronized (this) {
            long sequence = next++;
            long number = sequence >>> CHUNK_BITS;
            Chunk chunk = chunk(number);
            if (chunk == null) {
                chunk = new Chunk();
                put(number, chunk);
            }
            chunk.open++;
            message = OutboxMessage.of(sequence, event);
            if (!held) {
                chunk.slots[(int) (sequence & SLOT_MASK)] = message;
                live++;
            }
        }
        if (held) {
            units.stage(new Reservation(message));
        }
        return message.sequence();
    }

    private synchronized void reveal(OutboxMessage message) {
        long s = message.sequence();
        Chunk chunk = chunk(s >>> CHUNK_BITS);
        if (chunk != null) {
            chunk.slots[(int) (s & SLOT_MASK)] = message;
            live++;
        }
    }

    private synchronized void release(long sequence) {
        long number = sequence >>> CHUNK_BITS;
        Chunk chunk = chunk(number);
        if (chunk != null) {
            chunk.open--;
            dropIfDone(number, chunk);
        }
    }

    @Override
    public synchronized List<OutboxMessage> pending(long afterSequence, int limit) {
        Checks.nonNegative(afterSequence, "afterSequence");
        Checks.between(limit, 1, MAX_PAGE_SIZE, "limit");
        return pending(afterSequence, Math.min(limit, 1024), limit);
    }

    /** Up to {@code limit} pending messages after {@code afterSequence}, in a list first sized for {@code size}. */
    private synchronized List<OutboxMessage> pending(long afterSequence, int size, long limit) {
        List<OutboxMessage> result = new ArrayList<>(size);
        long from = Math.max(afterSequence + 1, firstChunk << CHUNK_BITS);
        while (from < next) {
            Chunk chunk = chunk(from >>> CHUNK_BITS);
            int end = (int) Math.min(CHUNK, next - (from & ~SLOT_MASK));
            if (chunk != null && chunk.open > 0) {
                for (int i = (int) (from & SLOT_MASK); i < end; i++) {
                    OutboxMessage m = chunk.slots[i];
                    if (m != null) {
                        result.add(m);
                        if (result.size() == limit) {
                            return result;
                        }
                    }
                }
            }
            from = (from | SLOT_MASK) + 1;
        }
        return result;
    }

    @Override
    public void delivered(Collection<Long> sequences) {
        Checks.noNullElements(sequences, "sequences");
        boolean undoable = units.inUnit();
        List<OutboxMessage> removed = undoable ? new ArrayList<>(sequences.size()) : List.of();
        synchronized (this) {
            for (long s : sequences) {
                OutboxMessage m = take(s);
                if (m != null && undoable) {
                    removed.add(m);
                }
            }
        }
        if (!removed.isEmpty()) {
            units.undo(() -> removed.forEach(this::restore));
        }
    }

    @Override
    public long discard(Collection<String> orderingKeys) {
        Set<String> keys = Set.copyOf(Checks.noNullElements(orderingKeys, "orderingKeys"));
        boolean undoable = units.inUnit();
        List<OutboxMessage> removed = new ArrayList<>();
        synchronized (this) {
            for (OutboxMessage m : pending(0, MAX_PAGE_SIZE, Long.MAX_VALUE)) {
                if (keys.contains(m.event().orderingKey())) {
                    take(m.sequence());
                    removed.add(m);
                }
            }
        }
        if (undoable && !removed.isEmpty()) {
            units.undo(() -> removed.forEach(this::restore));
        }
        return removed.size();
    }

    @Override
    public void failed(long sequence, Instant retryAt) {
        Checks.notNull(retryAt, "retryAt");
        OutboxMessage before;
        OutboxMessage after;
        synchronized (this) {
            Chunk chunk = chunk(sequence >>> CHUNK_BITS);
            int slot = (int) (sequence & SLOT_MASK);
            before = chunk == null ? null : chunk.slots[slot];
            if (before == null) {
                return;
            }
            after = before.failed(retryAt);
            chunk.slots[slot] = after;
        }
        units.undo(() -> replace(after, before));
    }

    @Override
    public synchronized OutboxBacklog backlog() {
        if (live == 0) {
            return OutboxBacklog.EMPTY;
        }
        return new OutboxBacklog(live, Optional.of(pending(0, 1).get(0).event().at()));
    }

    @Override
    public boolean lease(String owner, Instant now, Duration duration) {
        Checks.token(owner, "owner", 128);
        Checks.notNull(now, "now");
        Checks.notNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new ValidationException("duration", "must be positive (" + duration + ")");
        }
        Lease before;
        synchronized (this) {
            if (lease.owner != null && !owner.equals(lease.owner) && lease.until.isAfter(now)) {
                return false;
            }
            before = lease;
            lease = new Lease(owner, now.plus(duration));
        }
        units.undo(() -> restoreLease(before));
        return true;
    }

    @Override
    public void release(String owner) {
        Checks.notNull(owner, "owner");
        Lease before;
        synchronized (this) {
            if (!owner.equals(lease.owner)) {
                return;
            }
            before = lease;
            lease = Lease.FREE;
        }
        units.undo(() -> restoreLease(before));
    }

    private synchronized void restoreLease(Lease before) {
        lease = before;
    }

    /** Empties the slot of {@code s}, dropping its chunk if that was the last open one; what it held, or null. */
    private @Nullable OutboxMessage take(long s) {
        long number = s >>> CHUNK_BITS;
        Chunk chunk = chunk(number);
        if (chunk == null) {
            return null;
        }
        int slot = (int) (s & SLOT_MASK);
        OutboxMessage m = chunk.slots[slot];
        if (m != null) {
            chunk.slots[slot] = null;
            chunk.open--;
            live--;
            dropIfDone(number, chunk);
        }
        return m;
    }

    /** Puts a delivered message back (its delivery was undone), making its chunk again if it was dropped. */
    private synchronized void restore(OutboxMessage m) {
        long number = m.sequence() >>> CHUNK_BITS;
        Chunk chunk = chunk(number);
        if (chunk == null) {
            chunk = new Chunk();
            put(number, chunk);
        }
        int slot = (int) (m.sequence() & SLOT_MASK);
        if (chunk.slots[slot] == null) {
            chunk.slots[slot] = m;
            chunk.open++;
            live++;
        }
    }

    /** Puts {@code previous} back in place of {@code current}, unless the slot changed since. */
    private synchronized void replace(OutboxMessage current, OutboxMessage previous) {
        Chunk chunk = chunk(current.sequence() >>> CHUNK_BITS);
        int slot = (int) (current.sequence() & SLOT_MASK);
        if (chunk != null && chunk.slots[slot] == current) {
            chunk.slots[slot] = previous;
        }
    }

    /** Drops the chunk if every sequence of it was given out and none is open any more. */
    private void dropIfDone(long number, Chunk chunk) {
        if (chunk.open == 0 && next > ((number + 1) << CHUNK_BITS) - 1) {
            chunks[(int) (number - firstChunk)] = null;
        }
    }

    private @Nullable Chunk chunk(long number) {
        long index = number - firstChunk;
        return index >= 0 && index < chunks.length ? chunks[(int) index] : null;
    }

    /**
     * Stores chunk {@code number}, moving the window of chunks: past the dropped chunks at its start (growing it if
     * need be) when a later chunk does not fit, or back when an earlier one is made again.
     */
    private void put(long number, Chunk chunk) {
        if (number < firstChunk) {
            int shift = (int) (firstChunk - number);
            Chunk[] grown = new Chunk[chunks.length + shift];
            System.arraycopy(chunks, 0, grown, shift, chunks.length);
            chunks = grown;
            firstChunk = number;
        } else if (number - firstChunk >= chunks.length) {
            int dropped = 0;
            while (dropped < chunks.length && chunks[dropped] == null) {
                dropped++;
            }
            int kept = chunks.length - dropped;
            int needed = (int) (number - firstChunk - dropped) + 1;
            if (needed <= chunks.length) {
                System.arraycopy(chunks, dropped, chunks, 0, kept);
                Arrays.fill(chunks, kept, chunks.length, null);
            } else {
                Chunk[] grown = new Chunk[Math.max(needed, chunks.length * 2)];
                System.arraycopy(chunks, dropped, grown, 0, kept);
                chunks = grown;
            }
            firstChunk += dropped;
        }
        chunks[(int) (number - firstChunk)] = chunk;
    }
}
