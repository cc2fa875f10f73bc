package org.crmkit.spi.campaign;

import org.crmkit.spi.Checks;

/**
 * Identifies a campaign within a tenant. Immutable and thread-safe.
 *
 * @param value 1 to 64 characters: ASCII letters, digits and {@code . _ : -}, starting with a letter or digit
 */
public record CampaignId(String value) {
    public CampaignId {
        Checks.token(value, "campaignId", 64);
    }

    public static CampaignId of(String value) {
        return new CampaignId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
