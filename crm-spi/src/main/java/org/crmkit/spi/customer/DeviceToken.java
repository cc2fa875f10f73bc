package org.crmkit.spi.customer;

import org.crmkit.spi.Checks;

/**
 * A push-notification token of an app installation.
 *
 * @param platform the push service, lower-case (e.g. {@code apns}, {@code fcm}, {@code webpush})
 * @param token    the opaque token, matched exactly: one non-blank line of at most 4096 characters (no control
 *                 characters, no line separators)
 */
public record DeviceToken(String platform, String token) implements ContactValue {
    public DeviceToken {
        Checks.snake(platform, "device.platform", 32);
        Checks.line(token, "device.token", 4096);
    }

    @Override
    public ContactKind kind() {
        return ContactKind.DEVICE;
    }

    @Override
    public String key() {
        return "device:" + platform + "|" + token;
    }
}
