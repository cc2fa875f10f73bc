package org.crmkit.segmentation.internal;

import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;

import com.google.re2j.Pattern;

import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.ContactKind;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.EmailDomainIn;
import org.crmkit.spi.segment.Matches;
import org.crmkit.spi.segment.TextMatch;

/** Compiles the text tests: {@link TextMatch}, {@link Matches} and {@link EmailDomainIn}. Stateless. */
final class TextTests {
    private TextTests() {
    }

    /** The test of {@code c}, one of the text tests; a regular expression is compiled here, once. */
    static Test compile(Condition c) {
        if (c instanceof TextMatch tm) {
            String name = tm.attribute();
            boolean ignoreCase = tm.ignoreCase();
            String text = ignoreCase ? fold(tm.text()) : tm.text();
            BiPredicate<String, String> test = predicate(tm.test());
            return (s, w) -> s.attribute(name) instanceof TypedValue.Text t
                    && test.test(ignoreCase ? fold(t.value()) : t.value(), text);
        } else if (c instanceof Matches m) {
            String name = m.attribute();
            Pattern pattern = Regexes.compile(m.pattern());
            return (s, w) -> s.attribute(name) instanceof TypedValue.Text t && pattern.matcher(t.value()).find();
        }
        Set<String> domains = ((EmailDomainIn) c).domains();
        return (s, w) -> {
            for (ContactPoint p : s.customer.contactPoints(ContactKind.EMAIL)) {
                if (domains.contains(((EmailAddress) p.value()).domain())) {
                    return true;
                }
            }
            return false;
        };
    }

    private static BiPredicate<String, String> predicate(TextMatch.Test test) {
        return switch (test) {
            case EQUALS -> String::equals;
            case STARTS_WITH -> String::startsWith;
            case ENDS_WITH -> String::endsWith;
            case CONTAINS -> String::contains;
        };
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
