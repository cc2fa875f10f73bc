package org.crmkit.consent;

import java.time.Instant;

import org.crmkit.spi.Checks;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.CustomerId;

/**
 * The claims of a signed unsubscribe token: who withdraws which consent, and until when the token may be used. The
 * token itself ({@link ConsentService#issueUnsubscribeToken}) is URL-safe text
 * {@code base64url(payload) "." base64url(HMAC-SHA-256(payload))} whose payload is
 * {@code 1|tenant|customer|CHANNEL|purpose|expiry-epoch-second} in UTF-8. Immutable and thread-safe.
 *
 * @param tenant    the tenant
 * @param customer  the customer
 * @param channel   the channel
 * @param purpose   the purpose
 * @param expiresAt the token is refused at and after this instant (whole seconds)
 */
public record UnsubscribeToken(TenantId tenant, CustomerId customer, ConsentChannel channel, Purpose purpose,
                               Instant expiresAt) {
    public UnsubscribeToken {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(customer, "customer");
        Checks.notNull(channel, "channel");
        Checks.notNull(purpose, "purpose");
        Checks.notNull(expiresAt, "expiresAt");
        expiresAt = Instant.ofEpochSecond(expiresAt.getEpochSecond());
    }
}
