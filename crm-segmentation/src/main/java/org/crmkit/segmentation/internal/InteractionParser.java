package org.crmkit.segmentation.internal;

import static org.crmkit.segmentation.internal.Parser.build;
import static org.crmkit.segmentation.internal.Parser.error;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.campaign.CampaignId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Direction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.segment.Aggregate;
import org.crmkit.spi.segment.AggregateCompare;
import org.crmkit.spi.segment.AmountCompare;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.DistinctCountCompare;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.Operator;
import org.crmkit.spi.segment.Window;

/**
 * The interaction part of the segment language, for the {@link Parser} whose tokens it reads: {@code last(…)},
 * aggregates ({@code count}, {@code sum}, {@code avg}, {@code min}, {@code max}) compared with a literal or with
 * another aggregate, and interaction filters. Single use; not thread-safe.
 */
final class InteractionParser {
    /** The words that start an aggregate when a {@code (} follows. */
    static final Set<String> FUNCTIONS = Set.of("count", "sum", "avg", "min", "max");

    private final Parser p;

    InteractionParser(Parser parser) {
        this.p = parser;
    }

    /** {@code last(filter) within window} or {@code last(filter) since date}, after the keyword. */
    Condition last(Token keyword) {
        p.expect(Token.Kind.LPAREN, "'('");
        InteractionFilter filter = filter();
        p.expect(Token.Kind.RPAREN, "')'");
        Window window = p.bound();
        return build(keyword, () -> new Condition.OccurredWithin(filter, window));
    }

    /** An aggregate compared with a literal or another aggregate, after the aggregate's keyword. */
    Condition compare(Token keyword) {
        Parsed left = aggregate(keyword);
        Operator op = p.operator();
        Token next = p.peek();
        if (startsAggregate(next, p.peekAt(1))) {
            p.advance();
            Parsed right = aggregate(next);
            Aggregate l = left.aggregate();
            Aggregate r = right.aggregate();
            return build(next, () -> new AggregateCompare(l, op, r));
        }
        if (left.function().equals("count")) {
            Token n = p.advance();
            if (n.kind() != Token.Kind.NUMBER) {
                throw error(n, "a whole number or an aggregate such as count(…)");
            }
            long count = Parser.parse(n, "a whole number of at most 18 digits", Long::parseLong);
            return build(keyword, () -> left.property().isPresent()
                    ? new DistinctCountCompare(left.property().get(), left.filter(), left.window(), op, count)
                    : new Condition.CountCompare(left.filter(), left.window(), op, count));
        }
        Token n = p.peek();
        if (!(p.literal() instanceof TypedValue.Amount literal)
                || left.currency().isPresent() && !left.currency().get().equals(literal.value().currency())) {
            throw error(n, "an amount such as 100 EUR" + left.currency().map(c -> ", in " + c).orElse(""));
        }
        Money amount = literal.value();
        return build(keyword, () -> left.function().equals("sum")
                ? new Condition.SumCompare(left.filter(), left.window(), op, amount)
                : new AmountCompare(left.amountFunction(), left.filter(), left.window(), op, amount));
    }

    static boolean startsAggregate(Token word, Token next) {
        return word.kind() == Token.Kind.WORD && next.kind() == Token.Kind.LPAREN
                && FUNCTIONS.contains(word.text().toLowerCase(Locale.ROOT));
    }

    private Parsed aggregate(Token keyword) {
        String function = keyword.text().toLowerCase(Locale.ROOT);
        p.expect(Token.Kind.LPAREN, "'('");
        Optional<String> property = Optional.empty();
        Optional<Currency> currency = Optional.empty();
        if (function.equals("count")) {
            if (p.peek().is("distinct")) {
                p.advance();
                property = Optional.of(propertyName().text());
                p.expectWord("of");
            }
        } else if (p.peek().is("amount")) {
            p.advance();
            if (p.peek().is("in")) {
                p.advance();
                Token c = p.advance();
                if (c.kind() != Token.Kind.WORD || !Lexer.isCurrency(c.text())) {
                    throw error(c, "an ISO-4217 currency such as EUR");
                }
                currency = Optional.of(Currency.getInstance(c.text()));
            }
            p.expectWord("of");
        }
        InteractionFilter filter = filter();
        Optional<Window> window = p.optionalWindow();
        p.expect(Token.Kind.RPAREN, "')'");
        return new Parsed(keyword, function, property, currency, filter, window);
    }

    /** An aggregate as written, before it is known what it is compared with. */
    private record Parsed(Token at, String function, Optional<String> property, Optional<Currency> currency,
                          InteractionFilter filter, Optional<Window> window) {
        Aggregate.Function amountFunction() {
            return Aggregate.Function.valueOf(function.toUpperCase(Locale.ROOT));
        }

        Aggregate aggregate() {
            if (function.equals("count")) {
                return property.isPresent() ? new Aggregate.CountDistinct(property.get(), filter, window)
                        : new Aggregate.Count(filter, window);
            }
            Currency c = currency.orElseThrow(() -> error(at, "a currency where an amount is compared with another"
                    + " aggregate: " + function + "(amount in EUR of …)"));
            return new Aggregate.Amount(amountFunction(), c, filter, window);
        }
    }

    InteractionFilter filter() {
        Set<InteractionType> types = new TreeSet<>();
        Optional<Channel> channel = Optional.empty();
        Token t = p.peek();
        if (t.is("any")) {
            p.advance();
        } else if (t.kind() == Token.Kind.STRING) {
            types.add(type(p.advance()));
            moreTypes(types);
        } else if (t.kind() == Token.Kind.WORD && !Words.isReserved(t.text())) {
            p.advance();
            channel = Words.channel(t.text());
            if (channel.isEmpty()) {
                types.add(type(t));
                moreTypes(types);
            }
        }
        if (channel.isEmpty() && p.peek().is("on")) {
            p.advance();
            Token c = p.advance();
            channel = Optional.of(Words.channel(c.kind() == Token.Kind.WORD ? c.text() : "")
                    .orElseThrow(() -> error(c, "a channel (" + channelNames() + ")")));
        }
        InteractionFilter filter = build(t, () -> InteractionFilter.ANY.withTypes(types));
        if (channel.isPresent()) {
            filter = filter.withChannel(channel.get());
        }
        if (p.peek().is("inbound") || p.peek().is("outbound")) {
            filter = filter.withDirection(p.advance().is("inbound") ? Direction.INBOUND : Direction.OUTBOUND);
        }
        if (p.peek().is("campaign")) {
            p.advance();
            Token id = p.advance();
            if (id.kind() != Token.Kind.STRING) {
                throw error(id, "a campaign id in quotes");
            }
            InteractionFilter before = filter;
            filter = build(id, () -> before.withCampaign(CampaignId.of(id.text())));
        }
        if (p.peek().is("where")) {
            p.advance();
            filter = propertyTest(filter);
            while (p.peek().is("and")) {
                p.advance();
                filter = propertyTest(filter);
            }
        }
        return filter;
    }

    private InteractionType type(Token t) {
        return build(t, () -> InteractionType.of(t.text()));
    }

    private void moreTypes(Set<InteractionType> types) {
        while (p.peek().kind() == Token.Kind.COMMA) {
            p.advance();
            Token t = p.advance();
            if (t.kind() != Token.Kind.STRING && !(t.kind() == Token.Kind.WORD && !Words.isReserved(t.text()))) {
                throw error(t, "an interaction type");
            }
            types.add(type(t));
        }
    }

    private InteractionFilter propertyTest(InteractionFilter filter) {
        Token at = propertyName();
        if (filter.properties().containsKey(at.text())) {
            throw error(at, "a property not tested yet in this filter");
        }
        Token op = p.peek();
        if (p.operator() != Operator.EQ) {
            throw error(op, "'=' (properties are tested for equality)");
        }
        TypedValue value = p.literal();
        return build(at, () -> filter.withProperty(at.text(), value));
    }

    /** A property name: a word that is not reserved, or {@code property("name")}; its token. */
    private Token propertyName() {
        Token name = p.advance();
        if (name.is("property") && p.peek().kind() == Token.Kind.LPAREN) {
            return p.quotedArgument();
        } else if (name.kind() != Token.Kind.WORD || Words.isReserved(name.text())) {
            throw error(name, "a property name");
        }
        return name;
    }

    private static String channelNames() {
        StringBuilder names = new StringBuilder();
        for (Channel c : Channel.values()) {
            names.append(names.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT));
        }
        return names.toString();
    }
}
