package org.crmkit.spi.customer;

/**
 * Where a customer can be reached: an e-mail address, a phone number, a postal address, a social-network handle
 * or a device push token. Values are normalised at construction, so two values that reach the same place are
 * {@code equals} and have the same {@link #key()}. Immutable and thread-safe.
 */
public sealed interface ContactValue permits EmailAddress, PhoneNumber, PostalAddress, SocialHandle, DeviceToken {
    ContactKind kind();

    /**
     * The normalised lookup key, unique per place: {@code email:ann@example.com}, {@code phone:+4930123456},
     * {@code postal:DE|10115|berlin|invalidenstr. 1}, {@code social:mastodon|@ann@example.social},
     * {@code device:apns|abc}. Stores index contact points by this key.
     */
    String key();
}
