package org.crmkit.spi.customer;

import java.util.Locale;

import org.crmkit.spi.Checks;

/**
 * An account on a social network or messenger.
 *
 * @param network the network, lower-case (e.g. {@code mastodon}, {@code linkedin}, {@code whatsapp})
 * @param handle  the account name as the network shows it: one line of at most 200 characters, surrounding
 *                white space stripped; matched case-insensitively, except that a non-ASCII character never matches
 *                an ASCII one (the Kelvin sign U+212A is not {@code k}, U+0130 is not {@code i})
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
        return "social:" + network + "|" + fold(handle);
    }

    /** Lower case, but a non-ASCII character that would lower-case into ASCII is kept as it is. */
    private static String fold(String s) {
        StringBuilder folded = new StringBuilder(s.length());
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x7F && String.valueOf(c).toLowerCase(Locale.ROOT).chars().anyMatch(l -> l <= 0x7F)) {
                folded.append(s.substring(run, i).toLowerCase(Locale.ROOT)).append(c);
                run = i + 1;
            }
        }
        return folded.append(s.substring(run).toLowerCase(Locale.ROOT)).toString();
    }
}
