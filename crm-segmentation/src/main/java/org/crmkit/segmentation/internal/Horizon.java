package org.crmkit.segmentation.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

import org.crmkit.segmentation.CustomerSnapshot;
import org.crmkit.segmentation.PredicateFunction;
import org.crmkit.spi.segment.AnniversaryWithin;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.TimeSince;
import org.crmkit.spi.segment.Window;

/**
 * When time alone can next change what a set of conditions says of one customer. The time-dependent inputs of the
 * conditions are collected once: the moving windows of aggregates (with their filters; a window since a date does
 * not move), the conditions on dates relative to today, the values compared with scores, and the calls of host
 * functions. For a snapshot, {@link #next} gives the earliest instant after now at which one of them changes: the
 * oldest passing interaction inside a window leaves it (a calendar window moves at the start of the next period),
 * a date condition's figure crosses its bound ({@link DateTests#nextChange}), a decaying score crosses a compared
 * value, a function says its answer may change. It may be early (the conditions still say the same then), never
 * late. Immutable and thread-safe.
 */
public final class Horizon {
    private static final long HOUR_MS = 3_600_000L;

    private final ZoneId zone;
    private final List<Aged> aged;
    private final Map<String, double[]> compared;
    private final List<Call> calls;
    private final List<Condition> dated;
    private final int today;

    /** An aggregate's filter and window, with the window's index in the {@link WindowTable}. */
    private record Aged(InteractionFilter filter, Window window, int index) {
    }

    private record Call(PredicateFunction function, Condition.FunctionCall call) {
    }

    private Horizon(ZoneId zone, List<Aged> aged, Map<String, double[]> compared, List<Call> calls,
                    List<Condition> dated, int today) {
        this.zone = zone;
        this.aged = aged;
        this.compared = compared;
        this.calls = calls;
        this.dated = dated;
        this.today = today;
    }

    /**
     * The horizon of {@code conditions} (segment references need not be inlined if the referenced conditions are
     * among them).
     *
     * @param functions the predicate functions the conditions call, by name
     * @param windows   where the windows are registered (its zone is that of day windows)
     */
    public static Horizon of(Collection<Condition> conditions, Map<String, PredicateFunction> functions,
                             WindowTable windows) {
        Set<Aged> aged = new LinkedHashSet<>();
        Map<String, Set<Double>> compared = new TreeMap<>();
        Set<Condition.FunctionCall> calls = new LinkedHashSet<>();
        Set<Condition> dated = new LinkedHashSet<>();
        List<Condition> pending = new ArrayList<>(conditions);
        while (!pending.isEmpty()) {
            Condition c = pending.remove(pending.size() - 1);
            pending.addAll(TypeChecker.children(c));
            for (Aggregates.Source source : Aggregates.sources(c)) {
                source.window().filter(w -> w.since().isEmpty())
                        .ifPresent(w -> aged.add(new Aged(source.filter(), w, windows.index(w))));
            }
            if (c instanceof TimeSince || c instanceof AnniversaryWithin) {
                dated.add(c);
            } else if (c instanceof Condition.ScoreCompare sc) {
                compared.computeIfAbsent(sc.score(), n -> new LinkedHashSet<>()).add(sc.value().doubleValue());
            } else if (c instanceof Condition.FunctionCall f) {
                calls.add(f);
            }
        }
        Map<String, double[]> values = new TreeMap<>();
        compared.forEach((name, set) -> values.put(name, set.stream().mapToDouble(Double::doubleValue).toArray()));
        List<Call> bound = calls.stream().map(f -> new Call(functions.get(f.name()), f)).toList();
        return new Horizon(windows.zone(), List.copyOf(aged), values, bound, List.copyOf(dated),
                windows.index(Window.days(1)));
    }

    /**
     * Whether time alone can change what {@code condition} says of some customer: whether it, or a segment it refers
     * to, reads a moving window, a date relative to today, a score (scores may decay) or a host function. A
     * condition that does not changes only when the customer does.
     *
     * @param segments every segment's condition by name, for the references (the catalog has ruled out cycles)
     */
    public static boolean dependsOnTime(Condition condition, Map<String, Condition> segments) {
        List<Condition> pending = new ArrayList<>(List.of(condition));
        while (!pending.isEmpty()) {
            Condition c = pending.remove(pending.size() - 1);
            if (c instanceof Condition.SegmentRef ref) {
                pending.add(segments.get(ref.name()));
            } else if (c instanceof TimeSince || c instanceof AnniversaryWithin || c instanceof Condition.ScoreCompare
                    || c instanceof Condition.FunctionCall) {
                return true;
            } else if (Aggregates.sources(c).stream()
                    .anyMatch(source -> source.window().filter(w -> w.since().isEmpty()).isPresent())) {
                return true;
            }
            pending.addAll(TypeChecker.children(c));
        }
        return false;
    }

    /**
     * The earliest instant after {@code now} at which the conditions could say something else of the customer with
     * nothing about it changing; empty if only a change can change them.
     *
     * @param starts    the window starts at {@code now}, as {@link WindowTable#starts} gives them
     * @param halfLives the scores that decay exponentially toward zero, with their half-lives; the snapshot holds
     *                  their values at {@code now}
     */
    public Optional<Instant> next(CustomerSnapshot snapshot, Instant now, long[] starts,
                                  Map<String, Duration> halfLives) {
        long nowMs = now.toEpochMilli();
        long next = Long.MAX_VALUE;
        for (Aged a : aged) {
            OptionalLong first = snapshot.interactions().firstSince(a.filter(), starts[a.index()]);
            if (first.isPresent()) {
                next = Math.min(next, leaves(first.getAsLong(), a.window(), now));
            }
        }
        if (!dated.isEmpty()) {
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(starts[today]), zone);
            for (Condition c : dated) {
                Optional<LocalDate> changes = DateTests.nextChange(c, snapshot, day, zone);
                if (changes.isPresent()) {
                    next = Math.min(next, changes.get().atStartOfDay(zone).toInstant().toEpochMilli());
                }
            }
        }
        for (Map.Entry<String, double[]> e : compared.entrySet()) {
            Duration halfLife = halfLives.get(e.getKey());
            Double value = snapshot.scores().get(e.getKey());
            if (halfLife != null && value != null) {
                for (double c : e.getValue()) {
                    next = Math.min(next, crossing(value, c, nowMs, halfLife));
                }
            }
        }
        for (Call call : calls) {
            Optional<Instant> changes = call.function().evaluation().nextChange(snapshot, call.call().arguments(),
                    now);
            if (changes.isPresent()) {
                next = Math.min(next, changes.get().toEpochMilli());
            }
        }
        return next == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Math.max(next,
                nowMs + 1)));
    }

    /**
     * The first instant (epoch ms) at which an interaction of {@code at}, within the window now, may no longer be
     * (or, for a calendar window, the window moves: at the start of the next period).
     */
    private long leaves(long at, Window window, Instant now) {
        if (window.calendar().isPresent()) {
            return Window.calendar(window.calendar().get().unit(), false).end(now, zone).orElseThrow()
                    .toEpochMilli();
        } else if (window.unit() == ChronoUnit.HOURS) {
            return at + window.amount() * HOUR_MS + 1;
        }
        LocalDate day = Instant.ofEpochMilli(at).atZone(zone).toLocalDate();
        return day.plusDays(window.amount()).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /**
     * When {@code value}, halving every {@code halfLife}, reaches {@code compared}: never (MAX_VALUE) unless both
     * have the same sign and the value is at least as far from zero.
     */
    private static long crossing(double value, double compared, long nowMs, Duration halfLife) {
        double ratio = value / compared;
        if (compared == 0 || !(ratio >= 1) || Double.isInfinite(ratio)) {
            return Long.MAX_VALUE;
        }
        double after = halfLife.toMillis() * (Math.log(ratio) / Math.log(2));
        return after >= Long.MAX_VALUE - nowMs ? Long.MAX_VALUE : nowMs + (long) Math.ceil(after);
    }
}
