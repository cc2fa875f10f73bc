package org.crmkit.spi.customer;

import java.util.Optional;

import org.crmkit.spi.Checks;

/**
 * A company, association or public body.
 *
 * @param name               the name used with customers (one non-blank line of at most 200 characters)
 * @param registrationNumber a trade-register or VAT number, if known (one non-blank line of at most 64 characters)
 */
public record Organization(String name, Optional<String> registrationNumber) implements Party {
    public Organization {
        Checks.line(name, "party.name", MAX_NAME_LENGTH);
        Checks.notNull(registrationNumber, "party.registrationNumber");
        registrationNumber.ifPresent(r -> Checks.line(r, "party.registrationNumber", 64));
    }

    public static Organization named(String name) {
        return new Organization(name, Optional.empty());
    }

    @Override
    public String displayName() {
        return name;
    }
}
