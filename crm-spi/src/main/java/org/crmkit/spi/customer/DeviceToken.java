package org.crmkit.spi.customer;

import org.crmkit.spi.Checks;

/**
 * A push-notification token of an app installation.
 *
 * @param platform the push service, lower-case (e.g. {@code apns}, {@code fcm}, {@code webpush})
 * @param token    the opaque token, 1 to 4096 printable characters, matched exactly
 */
public record DeviceToken(String platform, String token) implements ContactValue {
    public DeviceToken {
        Checks.snake(platform, "device.platform", 32);
        Checks.text(token, "device.token", 4096);
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
