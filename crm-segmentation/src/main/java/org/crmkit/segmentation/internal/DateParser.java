package org.crmkit.segmentation.internal;

import static org.crmkit.segmentation.internal.Parser.build;
import static org.crmkit.segmentation.internal.Parser.error;

import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.crmkit.spi.segment.AnniversaryWithin;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.Operator;
import org.crmkit.spi.segment.TimeSince;
import org.crmkit.spi.segment.Window;

/**
 * Dates relative to today, for the {@link Parser} whose tokens it reads: {@code days_since(x) op n} (also
 * {@code months_since}, {@code years_since}; {@code x} an attribute, {@code stage} or {@code created}) and
 * {@code anniversary(attribute) within Nd}. Stateless.
 */
final class DateParser {
    /** The words that start these conditions when a {@code (} follows. */
    static final Set<String> FUNCTIONS = Set.of("days_since", "months_since", "years_since", "anniversary");

    private DateParser() {
    }

    /** The condition after {@code keyword}, one of {@link #FUNCTIONS}. */
    static Condition parse(Parser p, Token keyword) {
        p.expect(Token.Kind.LPAREN, "'('");
        Token source = p.advance();
        boolean quoted = source.is("attribute") && p.peek().kind() == Token.Kind.LPAREN;
        Token name = quoted ? p.quotedArgument() : source;
        if (!quoted && (name.kind() != Token.Kind.WORD || Words.isReserved(name.text()) && !name.is("stage"))) {
            throw error(name, "an attribute, 'stage' or 'created'");
        }
        p.expect(Token.Kind.RPAREN, "')'");
        if (keyword.is("anniversary")) {
            if (!quoted && (name.is("stage") || name.is("created"))) {
                throw error(name, "a date attribute");
            }
            p.expectWord("within");
            Window window = p.window();
            if (window.unit() != ChronoUnit.DAYS) {
                throw error(keyword, "a window of days, such as 7d");
            }
            return build(name, () -> new AnniversaryWithin(name.text(), window.amount()));
        }
        TimeSince.From from = quoted ? TimeSince.From.ATTRIBUTE : name.is("stage") ? TimeSince.From.STAGE_ENTERED
                : name.is("created") ? TimeSince.From.CREATED : TimeSince.From.ATTRIBUTE;
        Optional<String> attribute = from == TimeSince.From.ATTRIBUTE ? Optional.of(name.text()) : Optional.empty();
        ChronoUnit unit = ChronoUnit.valueOf(keyword.text().toUpperCase(Locale.ROOT).replace("_SINCE", ""));
        Operator op = p.operator();
        Token n = p.advance();
        if (n.kind() != Token.Kind.NUMBER) {
            throw error(n, "a whole number");
        }
        long amount = Parser.parse(n, "a whole number", Long::parseLong);
        return build(keyword, () -> new TimeSince(from, attribute, unit, op, amount));
    }
}
