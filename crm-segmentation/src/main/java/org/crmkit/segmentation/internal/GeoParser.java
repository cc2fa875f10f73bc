package org.crmkit.segmentation.internal;

import static org.crmkit.segmentation.internal.Parser.build;
import static org.crmkit.segmentation.internal.Parser.error;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.crmkit.spi.segment.AddressCountryIn;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.PostalCodeStartsWith;
import org.crmkit.spi.segment.WithinDistance;

/**
 * Geography, for the {@link Parser} whose tokens it reads: {@code address country in ("DE", …)},
 * {@code address postal_code starts with "10"} and {@code geo(lat, lon) within 25 km of (52.52, 13.405)}.
 * Stateless.
 */
final class GeoParser {
    private GeoParser() {
    }

    /** Whether {@code word} and {@code next} start an address condition. */
    static boolean startsAddress(Token word, Token next) {
        return word.is("address") && (next.is("country") || next.is("postal_code"));
    }

    /** An address condition, at its first word. */
    static Condition address(Parser p) {
        p.advance();
        Token part = p.advance();
        if (part.is("postal_code")) {
            p.expectWord("starts");
            p.expectWord("with");
            Token prefix = p.advance();
            if (prefix.kind() != Token.Kind.STRING) {
                throw error(prefix, "a postal code prefix in quotes");
            }
            return build(prefix, () -> new PostalCodeStartsWith(prefix.text()));
        }
        Token op = p.advance();
        List<String> countries = new ArrayList<>();
        if (op.kind() == Token.Kind.OPERATOR && op.text().equals("=")) {
            countries.add(country(p));
        } else if (op.is("in")) {
            p.expect(Token.Kind.LPAREN, "'('");
            countries.add(country(p));
            while (p.peek().kind() == Token.Kind.COMMA) {
                p.advance();
                countries.add(country(p));
            }
            p.expect(Token.Kind.RPAREN, "')' or ','");
        } else {
            throw error(op, "'=' or 'in'");
        }
        return build(part, () -> new AddressCountryIn(new TreeSet<>(countries)));
    }

    private static String country(Parser p) {
        Token t = p.advance();
        if (t.kind() != Token.Kind.STRING) {
            throw error(t, "a country code in quotes, such as \"DE\"");
        }
        return t.text();
    }

    /** {@code geo(lat, lon) within N km of (lat, lon)}, after {@code keyword}. */
    static Condition distance(Parser p, Token keyword) {
        p.expect(Token.Kind.LPAREN, "'('");
        Token latitude = attribute(p);
        p.expect(Token.Kind.COMMA, "','");
        Token longitude = attribute(p);
        p.expect(Token.Kind.RPAREN, "')'");
        p.expectWord("within");
        BigDecimal km = number(p);
        p.expectWord("km");
        p.expectWord("of");
        p.expect(Token.Kind.LPAREN, "'('");
        BigDecimal lat = number(p);
        p.expect(Token.Kind.COMMA, "','");
        BigDecimal lon = number(p);
        p.expect(Token.Kind.RPAREN, "')'");
        return build(keyword, () -> new WithinDistance(latitude.text(), longitude.text(), lat, lon, km));
    }

    private static Token attribute(Parser p) {
        Token t = p.advance();
        if (t.is("attribute") && p.peek().kind() == Token.Kind.LPAREN) {
            return p.quotedArgument();
        } else if (t.kind() != Token.Kind.WORD || Words.isReserved(t.text())) {
            throw error(t, "a number attribute");
        }
        return t;
    }

    private static BigDecimal number(Parser p) {
        Token t = p.advance();
        if (t.kind() != Token.Kind.NUMBER) {
            throw error(t, "a number");
        }
        return new BigDecimal(t.text());
    }
}
