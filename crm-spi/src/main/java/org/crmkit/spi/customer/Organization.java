package org.crmkit.spi.customer;

import java.util.Optional;

import org.crmkit.spi.Checks;

/**
 * A company, association or public body.
 *
 * @param name               the name used with customers (at most 200 characters, not blank)
 * @param registrationNumber a trade-register or VAT number, if known (at most 64 characters)
 */
public record Organization(String name, Optional<String> registrationNumber) implements Party {
    public Organization {
        Checks.text(name, "party.name", MAX_NAME_LENGTH);
        Checks.notNull(registrationNumber, "party.registrationNumber");
        registrationNumber.ifPresent(r -> Checks.text(r, "party.registrationNumber", 64));
    }

    public static Organization named(String name) {
        return new Organization(name, Optional.empty());
    }

    @Override
    public String displayName() {
        return name;
    }
}
