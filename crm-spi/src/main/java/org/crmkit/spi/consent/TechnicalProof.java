package org.crmkit.spi.consent;

import java.util.Optional;
import java.util.regex.Pattern;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * Technical traces of a capture. Personal data: it belongs in the person's consent receipt, and a host must not use
 * it for anything but proving consent. Immutable and thread-safe.
 *
 * @param ipAddress the client's IP address as text, at most 45 characters (IPv6)
 * @param userAgent the client's user agent, one non-blank line of at most 512 characters
 */
public record TechnicalProof(Optional<String> ipAddress, Optional<String> userAgent) {
    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f.:]+");

    public TechnicalProof {
        Checks.notNull(ipAddress, "proof.ipAddress");
        ipAddress.ifPresent(ip -> Checks.matching(ip, "proof.ipAddress", IP, 45,
                "an IPv4 or IPv6 address"));
        Checks.notNull(userAgent, "proof.userAgent");
        userAgent.ifPresent(ua -> Checks.line(ua, "proof.userAgent", 512));
        if (ipAddress.isEmpty() && userAgent.isEmpty()) {
            throw new ValidationException("proof", "must hold an IP address or a user agent");
        }
    }

    public static TechnicalProof of(String ipAddress, String userAgent) {
        return new TechnicalProof(Optional.of(Checks.notNull(ipAddress, "ipAddress")),
                Optional.of(Checks.notNull(userAgent, "userAgent")));
    }
}
