package org.crmkit.spi.consent;

import java.util.Locale;
import java.util.Optional;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.ContactKind;
import org.crmkit.spi.interaction.Channel;

/**
 * A medium a customer can consent to be contacted on, each reaching the customer through one {@link ContactKind} of
 * contact point (none for {@link #WEB_PERSONALISATION}, which reaches a visitor in the browser).
 */
public enum ConsentChannel {
    EMAIL(ContactKind.EMAIL, Channel.EMAIL),
    SMS(ContactKind.PHONE, Channel.SMS),
    PHONE(ContactKind.PHONE, Channel.PHONE),
    POSTAL_MAIL(ContactKind.POSTAL, Channel.POSTAL_MAIL),
    PUSH(ContactKind.DEVICE, Channel.PUSH),
    WEB_PERSONALISATION(null, Channel.WEB);

    private final ContactKind contactKind;
    private final Channel interactionChannel;

    ConsentChannel(ContactKind contactKind, Channel interactionChannel) {
        this.contactKind = contactKind;
        this.interactionChannel = interactionChannel;
    }

    /** The kind of contact point a message on this channel goes to; empty for web personalisation. */
    public Optional<ContactKind> contactKind() {
        return Optional.ofNullable(contactKind);
    }

    /** The interaction channel a message sent on this channel is recorded with. */
    public Channel interactionChannel() {
        return interactionChannel;
    }

    /** The consent channel of messages recorded on {@code channel}, if consent governs that channel. */
    public static Optional<ConsentChannel> of(Channel channel) {
        Checks.notNull(channel, "channel");
        for (ConsentChannel c : values()) {
            if (c.interactionChannel == channel) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The channel named {@code name}, ignoring case ({@code email}, {@code postal_mail}, …).
     *
     * @throws ValidationException if no channel has that name
     */
    public static ConsentChannel parse(String name) {
        Checks.line(name, "channel", 64);
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("channel", "is not a consent channel");
        }
    }
}
