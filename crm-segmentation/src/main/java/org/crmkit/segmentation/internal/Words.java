package org.crmkit.segmentation.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.crmkit.spi.interaction.Channel;

/** The reserved words of the segment language and how names are told apart from them. Stateless. */
public final class Words {
    /** Words that cannot be a bare attribute name, value, interaction type or function name (any case). */
    static final Set<String> RESERVED = Set.of(
            "and", "or", "not", "in", "between", "exists", "contains", "starts", "with", "stage", "tags", "count",
            "sum", "last", "score", "segment", "attribute", "true", "false", "any", "on", "within", "choice", "date",
            "amount", "of", "inbound", "outbound", "campaign", "where", "ends", "matches", "avg", "min", "max",
            "distinct", "since", "days_since", "months_since", "years_since", "anniversary", "geo", "this");

    private Words() {
    }

    public static boolean isReserved(String word) {
        return RESERVED.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code s} can be written as a bare word: a word token that is not reserved. */
    static boolean isBare(String s) {
        if (s.isEmpty() || !Lexer.isWordStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!Lexer.isWordPart(s.charAt(i))) {
                return false;
            }
        }
        return !isReserved(s);
    }

    /** The channel a word names, ignoring case ({@code web}, {@code postal_mail}). */
    static Optional<Channel> channel(String word) {
        for (Channel c : Channel.values()) {
            if (c.name().equalsIgnoreCase(word)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
