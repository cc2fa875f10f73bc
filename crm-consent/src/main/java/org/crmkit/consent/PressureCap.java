package org.crmkit.consent;

import java.time.Duration;
import java.util.Set;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.Purpose;

/**
 * A contact-pressure cap: at most {@code max} messages to one customer on its channels together, for the given
 * purposes, within any {@code window} (for example at most 2 marketing e-mails in 7 days, or at most 4 promotional
 * messages in 7 days on e-mail, SMS and push together). A decision on one of the channels at instant {@code t} is
 * denied when {@code max} messages were already sent on them after {@code t - window}. Immutable and thread-safe.
 *
 * @param channels the channels counted together, at least one
 * @param purposes the purposes counted and governed; empty for every purpose
 * @param max      1 to {@value #MAX_MESSAGES}
 * @param window   positive, at most 366 days
 */
public record PressureCap(Set<ConsentChannel> channels, Set<Purpose> purposes, int max, Duration window) {
    /** The largest cap: the in-memory counter keeps this many recent sends per customer and channel. */
    public static final int MAX_MESSAGES = 32;

    public PressureCap {
        channels = Set.copyOf(Checks.noNullElements(channels, "channels"));
        if (channels.isEmpty()) {
            throw new ValidationException("channels", "must not be empty");
        }
        purposes = Set.copyOf(Checks.noNullElements(purposes, "purposes"));
        Checks.between(max, 1, MAX_MESSAGES, "max");
        Checks.notNull(window, "window");
        if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(366)) > 0) {
            throw new ValidationException("window", "must be positive and at most 366 days (" + window + ")");
        }
    }

    /** A cap on one channel. */
    public static PressureCap of(ConsentChannel channel, Set<Purpose> purposes, int max, Duration window) {
        return new PressureCap(Set.of(Checks.notNull(channel, "channel")), purposes, max, window);
    }

    /** A cap on the messages of several channels together. */
    public static PressureCap acrossChannels(Set<ConsentChannel> channels, Set<Purpose> purposes, int max,
                                             Duration window) {
        return new PressureCap(channels, purposes, max, window);
    }

    /** Whether the cap governs messages for {@code purpose}. */
    public boolean governs(Purpose purpose) {
        return purposes.isEmpty() || purposes.contains(purpose);
    }
}
