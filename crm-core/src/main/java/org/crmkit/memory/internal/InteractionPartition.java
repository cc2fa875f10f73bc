package org.crmkit.memory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.Page;
import org.crmkit.spi.interaction.AppendResult;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.Subject;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's interactions: an append-only log of slots (a slot is erased by clearing it), two {@link SlotIndex}es
 * (by id and by idempotency key) and, per subject, its slots in occurred-at order. Guarded by one read-write lock.
 * Inside a unit of its {@link Units}, each write registers how to undo it exactly (an undone append leaves an empty
 * slot, as an erasure does).
 */
public final class InteractionPartition {
    private static final int CHUNK_BITS = 14;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final Guarded guard = new Guarded();
    private final Units units;
    private Interaction[][] chunks = new Interaction[1][];
    private int slots;
    private int live;
    private final SlotIndex byId = new SlotIndex();
    private final SlotIndex byKey = new SlotIndex();
    /** Per subject: one shared instance of the subject (every stored interaction refers to it) and its slots. */
    private final Map<Subject, Timeline> bySubject = new HashMap<>();

    public InteractionPartition(Units units) {
        this.units = units;
    }

    public AppendResult append(Interaction interaction) {
        return guard.write(() -> {
            int held = slotOfKey(interaction.source(), interaction.externalId());
            if (held >= 0) {
                return new AppendResult.Duplicate(at(held));
            }
            int sameId = slotOfId(interaction.id());
            if (sameId >= 0) {
                Interaction other = at(sameId);
                throw new DuplicateKeyException("interaction id " + interaction.id(),
                        other.source() + "/" + other.externalId());
            }
            Timeline timeline = bySubject.computeIfAbsent(interaction.subject(), Timeline::new);
            Interaction stored = interaction.subject() == timeline.subject()
                    ? interaction : interaction.withSubject(timeline.subject());
            int slot = store(stored);
            byId.add(interaction.id().hashCode(), slot);
            byKey.add(keyHash(interaction.source(), interaction.externalId()), slot);
            insertOrdered(timeline, slot, stored.occurredAt());
            live++;
            if (units.inUnit()) {
                units.undo(() -> guard.writing(() -> unappend(slot)));
            }
            return new AppendResult.Appended(interaction);
        });
    }

    /** Undoes the append that stored slot {@code slot}, leaving the slot empty. */
    private void unappend(int slot) {
        Interaction stored = at(slot);
        byId.remove(stored.id().hashCode(), slot);
        byKey.remove(keyHash(stored.source(), stored.externalId()), slot);
        Timeline timeline = bySubject.get(stored.subject());
        timeline.remove(slot);
        if (timeline.size() == 0) {
            bySubject.remove(stored.subject());
        } else {
            timeline.newest(at(timeline.get(timeline.size() - 1)).occurredAt());
        }
        put(slot, null);
        live--;
    }

    public Optional<Interaction> findById(InteractionId id) {
        return guard.read(() -> {
            int slot = slotOfId(id);
            return slot < 0 ? Optional.empty() : Optional.of(at(slot));
        });
    }

    public Optional<Interaction> findByKey(String source, String externalId) {
        return guard.read(() -> {
            int slot = slotOfKey(source, externalId);
            return slot < 0 ? Optional.empty() : Optional.of(at(slot));
        });
    }

    public Page<Interaction> find(Subject subject, InteractionQuery query, Optional<SubjectCursor> after) {
        return guard.read(() -> {
            Timeline list = bySubject.get(subject);
            if (list == null) {
                return Page.last(List.of());
            }
            boolean forward = query.order() == InteractionQuery.Order.OLDEST_FIRST;
            int i = after.map(c -> forward ? firstAfter(list, c) : firstAfter(list, c) - 1)
                    .orElse(forward ? 0 : list.size() - 1);
            if (!forward && after.isPresent() && i >= 0 && after.get().matches(at(list.get(i)))) {
                i--;
            }
            int step = forward ? 1 : -1;
            List<Interaction> page = new ArrayList<>(Math.min(query.limit(), list.size()));
            for (; i >= 0 && i < list.size(); i += step) {
                Interaction candidate = at(list.get(i));
                if (query.matches(candidate)) {
                    if (page.size() == query.limit()) {
                        Interaction last = page.get(page.size() - 1);
                        return new Page<>(page, Optional.of(SubjectCursor.of(last).encode()));
                    }
                    page.add(candidate);
                }
            }
            return Page.last(page);
        });
    }

    public int reassign(Subject from, Subject to) {
        return guard.write(() -> {
            Timeline moving = bySubject.get(from);
            if (moving == null || from.equals(to)) {
                return 0;
            }
            Timeline target = bySubject.get(to);
            Subject shared = target == null ? to : target.subject();
            for (int i = 0; i < moving.size(); i++) {
                int slot = moving.get(i);
                put(slot, at(slot).withSubject(shared));
            }
            bySubject.remove(from);
            bySubject.put(shared, Timeline.merge(shared, target == null ? new Timeline(shared) : target, moving,
                    this::compareSlots));
            units.undo(() -> guard.writing(() -> unreassign(moving, shared, target)));
            return moving.size();
        });
    }

    /** Undoes a reassignment of {@code moving}'s slots to {@code to}, whose timeline was {@code target} before. */
    private void unreassign(Timeline moving, Subject to, @Nullable Timeline target) {
        for (int i = 0; i < moving.size(); i++) {
            int slot = moving.get(i);
            put(slot, at(slot).withSubject(moving.subject()));
        }
        bySubject.put(moving.subject(), moving);
        if (target == null) {
            bySubject.remove(to);
        } else {
            bySubject.put(to, target);
        }
    }

    public int erase(Subject subject) {
        return guard.write(() -> {
            Timeline erased = bySubject.remove(subject);
            if (erased == null) {
                return 0;
            }
            Interaction[] gone = new Interaction[erased.size()];
            for (int i = 0; i < erased.size(); i++) {
                int slot = erased.get(i);
                gone[i] = at(slot);
                byId.remove(gone[i].id().hashCode(), slot);
                byKey.remove(keyHash(gone[i].source(), gone[i].externalId()), slot);
                put(slot, null);
            }
            live -= erased.size();
            units.undo(() -> guard.writing(() -> unerase(erased, gone)));
            return erased.size();
        });
    }

    /** Undoes the erasure of {@code erased}, whose slots held {@code gone}. */
    private void unerase(Timeline erased, Interaction[] gone) {
        for (int i = 0; i < gone.length; i++) {
            int slot = erased.get(i);
            put(slot, gone[i]);
            byId.add(gone[i].id().hashCode(), slot);
            byKey.add(keyHash(gone[i].source(), gone[i].externalId()), slot);
        }
        bySubject.put(erased.subject(), erased);
        live += gone.length;
    }

    /** Up to {@code limit} interactions in slot order, starting after slot {@code after} (or at the start). */
    public Page<Interaction> scan(int after, int limit) {
        return guard.read(() -> {
            List<Interaction> page = new ArrayList<>(Math.min(limit, live));
            int slot = after + 1;
            int lastSlot = after;
            for (; slot < slots; slot++) {
                Interaction i = at(slot);
                if (i != null) {
                    if (page.size() == limit) {
                        return new Page<>(page, Optional.of(Integer.toString(lastSlot)));
                    }
                    page.add(i);
                    lastSlot = slot;
                }
            }
            return Page.last(page);
        });
    }

    public long count() {
        return guard.read(() -> {
            return live;
        });
    }

    private int slotOfId(InteractionId id) {
        return byId.find(id.hashCode(), slot -> at(slot).id().equals(id));
    }

    private int slotOfKey(String source, String externalId) {
        return byKey.find(keyHash(source, externalId), slot -> {
            Interaction i = at(slot);
            return i.externalId().equals(externalId) && i.source().equals(source);
        });
    }

    private static int keyHash(String source, String externalId) {
        return source.hashCode() * 31 + externalId.hashCode();
    }

    private void insertOrdered(Timeline list, int slot, Instant occurredAt) {
        int n = list.size();
        if (list.isNewest(occurredAt) || compareSlots(list.get(n - 1), slot) <= 0) {
            list.insert(n, slot, occurredAt);
            return;
        }
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compareSlots(list.get(mid), slot) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        list.insert(lo, slot, occurredAt);
    }

    /** The index of the first entry of {@code list} ordered after the cursor's position. */
    private int firstAfter(Timeline list, SubjectCursor cursor) {
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cursor.compareTo(at(list.get(mid))) >= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int compareSlots(int a, int b) {
        Interaction x = at(a);
        Interaction y = at(b);
        int byTime = x.occurredAt().compareTo(y.occurredAt());
        return byTime != 0 ? byTime : x.id().compareTo(y.id());
    }

    private int store(Interaction interaction) {
        int slot = slots;
        int chunk = slot >>> CHUNK_BITS;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        if (chunks[chunk] == null) {
            chunks[chunk] = new Interaction[CHUNK];
        }
        chunks[chunk][slot & (CHUNK - 1)] = interaction;
        slots++;
        return slot;
    }

    private void put(int slot, @Nullable Interaction interaction) {
        chunks[slot >>> CHUNK_BITS][slot & (CHUNK - 1)] = interaction;
    }

    private Interaction at(int slot) {
        return chunks[slot >>> CHUNK_BITS][slot & (CHUNK - 1)];
    }

}
