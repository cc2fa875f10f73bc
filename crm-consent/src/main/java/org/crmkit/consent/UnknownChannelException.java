package org.crmkit.consent;

import org.crmkit.spi.ValidationException;

/** A channel the consent policy does not govern (or no consent channel at all) was named. Nothing was written. */
public class UnknownChannelException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final String channel;

    public UnknownChannelException(String channel) {
        super("channel", "'" + channel + "' is not a channel of the consent policy");
        this.channel = channel;
    }

    /** The name of the unknown channel. */
    public String channel() {
        return channel;
    }
}
