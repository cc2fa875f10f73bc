package org.crmkit.spi.customer;

import java.util.Locale;

import org.crmkit.spi.Checks;

/**
 * An account on a social network or messenger.
 *
 * @param network the network, lower-case (e.g. {@code mastodon}, {@code linkedin}, {@code whatsapp})
 * @param handle  the account name as the network shows it: one line of at most 200 characters, surrounding
 *                white space stripped; matched case-insensitively
 */
public record SocialHandle(String network, String handle) implements ContactValue {
    public SocialHandle {
        Checks.snake(network, "social.network", 32);
        Checks.line(handle, "social.handle", 200);
        handle = handle.strip();
    }

    @Override
    public ContactKind kind() {
        return ContactKind.SOCIAL;
    }

    @Override
    public String key() {
        return "social:" + network + "|" + handle.toLowerCase(Locale.ROOT);
    }
}
