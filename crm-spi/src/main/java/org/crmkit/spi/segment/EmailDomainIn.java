package org.crmkit.spi.segment;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * One of the customer's e-mail contact points is at one of {@code domains}: the part after its {@code @} equals one
 * of them (addresses are lower case; a subdomain is another domain). A customer without an e-mail address does not
 * match. Immutable and thread-safe.
 *
 * @param domains 1 to {@value Condition#MAX_OPERANDS} host names, lower-cased, sorted
 */
public record EmailDomainIn(SortedSet<String> domains) implements Condition {
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");

    public EmailDomainIn {
        Checks.noNullElements(domains, "emailDomain.domains");
        if (domains.isEmpty() || domains.size() > MAX_OPERANDS) {
            throw new ValidationException("emailDomain.domains", "must hold 1 to " + MAX_OPERANDS + " domains");
        }
        TreeSet<String> lower = new TreeSet<>();
        for (String d : domains) {
            lower.add(Checks.matching(d.toLowerCase(Locale.ROOT), "emailDomain.domains", DOMAIN, 253,
                    "a host name such as example.com"));
        }
        domains = Collections.unmodifiableSortedSet(lower);
    }

    /** The condition for {@code domain} and {@code more}. */
    public static EmailDomainIn of(String domain, String... more) {
        TreeSet<String> all = new TreeSet<>(Set.of(more));
        all.add(Checks.notNull(domain, "emailDomain.domains"));
        return new EmailDomainIn(all);
    }
}
