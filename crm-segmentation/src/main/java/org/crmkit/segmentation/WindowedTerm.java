package org.crmkit.segmentation;

import java.time.Duration;
import java.time.Period;
import java.util.Optional;

import org.crmkit.spi.Checks;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.Window;

/**
 * What the builder's aggregate terms share: an interaction filter and an optional window, both narrowed by the
 * same methods. Immutable.
 *
 * @param <T> the term type, which every method returns
 */
abstract class WindowedTerm<T extends WindowedTerm<T>> {
    final InteractionFilter filter;
    final Optional<Window> window;

    WindowedTerm(InteractionFilter filter, Optional<Window> window) {
        this.filter = Checks.notNull(filter, "filter");
        this.window = window;
    }

    /** The same term over {@code narrowed} and {@code within}. */
    abstract T with(InteractionFilter narrowed, Optional<Window> within);

    /** Only interactions on {@code channel}: {@code (… on channel …)}. */
    public T on(Channel channel) {
        return with(filter.withChannel(channel), window);
    }

    /** Only interactions within {@code w}. */
    public T within(Window w) {
        return with(filter, Optional.of(Checks.notNull(w, "window")));
    }

    /** A window of whole days. */
    public T within(Period days) {
        return within(Conditions.window(days));
    }

    /** A window of whole hours. */
    public T within(Duration hours) {
        return within(Conditions.window(hours));
    }
}
