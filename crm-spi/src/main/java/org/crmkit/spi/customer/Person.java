package org.crmkit.spi.customer;

import java.util.Optional;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.Checks;

/**
 * A natural person. In a B2B account, {@link #organization()} names the customer (an {@link Organization}) this
 * person is a contact of.
 *
 * @param givenName    the given name, one line of at most 200 characters; may be empty when unknown
 * @param familyName   the family name, one line of at most 200 characters; may be empty when unknown
 * @param organization the organisation this person is a contact of, if any
 * @param jobTitle     the person's role at that organisation, if known (one non-blank line of at most 200
 *                     characters)
 */
public record Person(String givenName, String familyName, Optional<CustomerId> organization,
                     Optional<String> jobTitle) implements Party {
    public Person {
        Checks.boundedLine(givenName, "party.givenName", MAX_NAME_LENGTH);
        Checks.boundedLine(familyName, "party.familyName", MAX_NAME_LENGTH);
        Checks.notNull(organization, "party.organization");
        Checks.notNull(jobTitle, "party.jobTitle");
        jobTitle.ifPresent(t -> Checks.line(t, "party.jobTitle", MAX_NAME_LENGTH));
        if (jobTitle.isPresent() && organization.isEmpty()) {
            throw new ValidationException("party.jobTitle", "is only meaningful with an organization");
        }
    }

    /** A person known by name only; either part may be empty. */
    public static Person named(String givenName, String familyName) {
        return new Person(givenName, familyName, Optional.empty(), Optional.empty());
    }

    /** A person whose name is not known yet, such as an anonymous visitor who identified by e-mail only. */
    public static Person unnamed() {
        return named("", "");
    }

    /** This person as a contact of {@code organization}, with an optional job title. */
    public Person contactOf(CustomerId organization, String jobTitle) {
        return new Person(givenName, familyName, Optional.of(organization),
                jobTitle == null || jobTitle.isEmpty() ? Optional.empty() : Optional.of(jobTitle));
    }

    @Override
    public String displayName() {
        return (givenName + " " + familyName).strip();
    }
}
