package org.crmkit.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.crmkit.memory.internal.Units;
import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.event.OutboxBacklog;
import org.crmkit.spi.event.OutboxMessage;

/**
 * An {@link Outbox} on the heap: a log of chunks of 4,096 slots, slot {@code i} holding the message of sequence
 * {@code first + i} until it is delivered. Delivered slots are emptied, and whole chunks are dropped once every slot
 * before them is empty, so memory follows the backlog, not the history. Thread-safe: every call takes one lock for
 * a few array operations. Nothing is persisted.
 */
public final class InMemoryOutbox implements Outbox {
    private static final int CHUNK = 4096;

    private final Units units;
    /** The chunks from index {@code first} on are live; those before it were dropped (and are null). */
    private final List<Chunk> chunks = new ArrayList<>();
    private int first;
    /** The sequence of the first slot of chunk {@code first}. */
    private long base = 1;
    private long next = 1;
    private long live;
    private String leaseOwner;
    private Instant leaseUntil = Instant.MIN;

    /** An outbox of its own, outside any storage's units. */
    public InMemoryOutbox() {
        this(new Units());
    }

    InMemoryOutbox(Units units) {
        this.units = units;
    }

    /** One chunk of slots and how many of them hold a message. */
    private static final class Chunk {
        final OutboxMessage[] slots = new OutboxMessage[CHUNK];
        int live;
    }

    @Override
    public long append(DomainEvent event) {
        Checks.notNull(event, "event");
        long sequence;
        synchronized (this) {
            sequence = next++;
            if (first + (sequence - base) / CHUNK >= chunks.size()) {
                chunks.add(new Chunk());
            }
            set(sequence, OutboxMessage.of(sequence, event));
        }
        units.undo(() -> remove(sequence));
        return sequence;
    }

    @Override
    public synchronized List<OutboxMessage> pending(long afterSequence, int limit) {
        Checks.nonNegative(afterSequence, "afterSequence");
        Checks.between(limit, 1, MAX_PAGE_SIZE, "limit");
        List<OutboxMessage> result = new ArrayList<>(Math.min(limit, 1024));
        long from = Math.max(afterSequence + 1, base);
        long chunkStart = base;
        for (int k = first; k < chunks.size(); k++) {
            Chunk c = chunks.get(k);
            long chunkEnd = chunkStart + CHUNK;
            if (c.live > 0 && chunkEnd > from) {
                for (long s = Math.max(from, chunkStart); s < chunkEnd && s < next; s++) {
                    OutboxMessage m = c.slots[(int) (s - chunkStart)];
                    if (m != null) {
                        result.add(m);
                        if (result.size() == limit) {
                            return result;
                        }
                    }
                }
            }
            chunkStart = chunkEnd;
        }
        return result;
    }

    @Override
    public void delivered(Collection<Long> sequences) {
        Checks.noNullElements(sequences, "sequences");
        List<OutboxMessage> removed = new ArrayList<>(units.inUnit() ? sequences.size() : 0);
        synchronized (this) {
            for (long s : sequences) {
                OutboxMessage m = remove(s);
                if (m != null && units.inUnit()) {
                    removed.add(m);
                }
            }
        }
        if (!removed.isEmpty()) {
            units.undo(() -> removed.forEach(this::put));
        }
    }

    @Override
    public void failed(long sequence, Instant retryAt) {
        Checks.notNull(retryAt, "retryAt");
        OutboxMessage before;
        synchronized (this) {
            before = get(sequence);
            if (before == null) {
                return;
            }
            set(sequence, before.failed(retryAt));
        }
        units.undo(() -> put(before));
    }

    @Override
    public synchronized OutboxBacklog backlog() {
        if (live == 0) {
            return OutboxBacklog.EMPTY;
        }
        List<OutboxMessage> first = pending(0, 1);
        return new OutboxBacklog(live, Optional.of(first.get(0).event().at()));
    }

    @Override
    public synchronized boolean lease(String owner, Instant now, Duration duration) {
        Checks.token(owner, "owner", 128);
        Checks.notNull(now, "now");
        Checks.notNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new ValidationException("duration", "must be positive (" + duration + ")");
        }
        if (leaseOwner == null || owner.equals(leaseOwner) || !leaseUntil.isAfter(now)) {
            leaseOwner = owner;
            leaseUntil = now.plus(duration);
            return true;
        }
        return false;
    }

    @Override
    public synchronized void release(String owner) {
        Checks.notNull(owner, "owner");
        if (owner.equals(leaseOwner)) {
            leaseOwner = null;
            leaseUntil = Instant.MIN;
        }
    }

    private synchronized void put(OutboxMessage m) {
        long s = m.sequence();
        while (s < base) {
            if (first == 0) {
                chunks.add(0, new Chunk());
            } else {
                chunks.set(--first, new Chunk());
            }
            base -= CHUNK;
        }
        set(s, m);
    }

    /** Puts {@code m} in the slot of {@code s}, which exists. */
    private void set(long s, OutboxMessage m) {
        Chunk c = chunk(s);
        int i = (int) ((s - base) % CHUNK);
        if (c.slots[i] == null) {
            c.live++;
            live++;
        }
        c.slots[i] = m;
    }

    private OutboxMessage get(long s) {
        if (s < base || s >= next) {
            return null;
        }
        return chunk(s).slots[(int) ((s - base) % CHUNK)];
    }

    /** Empties the slot of {@code s}, dropping leading empty chunks; the message it held, or null. */
    private synchronized OutboxMessage remove(long s) {
        OutboxMessage m = get(s);
        if (m == null) {
            return null;
        }
        Chunk c = chunk(s);
        c.slots[(int) ((s - base) % CHUNK)] = null;
        c.live--;
        live--;
        while (chunks.size() - first > 1 && chunks.get(first).live == 0) {
            chunks.set(first++, null);
            base += CHUNK;
        }
        if (first >= 1024) {
            chunks.subList(0, first).clear();
            first = 0;
        }
        return m;
    }

    private Chunk chunk(long s) {
        return chunks.get(first + (int) ((s - base) / CHUNK));
    }
}
