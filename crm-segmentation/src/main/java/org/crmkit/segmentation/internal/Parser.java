package org.crmkit.segmentation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

import org.crmkit.segmentation.SegmentSyntaxException;
import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.EmailDomainIn;
import org.crmkit.spi.segment.Matches;
import org.crmkit.spi.segment.Operator;
import org.crmkit.spi.segment.TextMatch;
import org.crmkit.spi.segment.Window;

/**
 * Recursive-descent parser of the segment language (grammar in docs/SEGMENTS.md). Nesting is counted and refused
 * beyond {@link #MAX_NESTING}, so no input can exhaust the stack; every failure is a {@link SegmentSyntaxException}.
 * Single use; not thread-safe.
 */
public final class Parser {
    /** Deepest nesting of parentheses and {@code not}. */
    public static final int MAX_NESTING = 64;
    /** Longest text, in characters. */
    public static final int MAX_LENGTH = 100_000;
    private static final String CONDITION = "a condition";
    private static final String VALUE = "a value (string, number, amount, date, true, false or name)";

    private final List<Token> tokens;
    private final InteractionParser interactions = new InteractionParser(this);
    private int index;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The condition {@code text} writes. */
    public static Condition parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new SegmentSyntaxException(1, 1, "text of " + text.length() + " characters",
                    "at most " + MAX_LENGTH + " characters");
        }
        Parser parser = new Parser(Lexer.tokenize(text));
        Condition condition = parser.or();
        Token end = parser.peek();
        if (end.kind() != Token.Kind.END) {
            throw error(end, "'and', 'or' or end of input");
        }
        return condition;
    }

    private Condition or() {
        Condition first = and();
        if (!peek().is("or")) {
            return first;
        }
        Token at = peek();
        List<Condition> operands = new ArrayList<>(List.of(first));
        while (peek().is("or")) {
            advance();
            operands.add(and());
        }
        return build(at, () -> new Condition.Or(operands));
    }

    private Condition and() {
        Condition first = unary();
        if (!peek().is("and")) {
            return first;
        }
        Token at = peek();
        List<Condition> operands = new ArrayList<>(List.of(first));
        while (peek().is("and")) {
            advance();
            operands.add(unary());
        }
        return build(at, () -> new Condition.And(operands));
    }

    private Condition unary() {
        if (peek().is("not")) {
            enter(advance());
            Condition operand = unary();
            depth--;
            return new Condition.Not(operand);
        }
        return primary();
    }

    private Condition primary() {
        Token t = peek();
        if (t.kind() == Token.Kind.LPAREN) {
            enter(advance());
            Condition inner = or();
            expect(Token.Kind.RPAREN, "')'");
            depth--;
            return inner;
        }
        if (t.kind() != Token.Kind.WORD) {
            throw error(t, CONDITION);
        }
        if (t.text().indexOf('.') >= 0) {
            advance();
            return scoreCompare(t, t.text());
        }
        boolean call = peekAt(1).kind() == Token.Kind.LPAREN;
        if (t.is("stage")) {
            advance();
            return stage();
        } else if (t.is("tags")) {
            advance();
            return tags();
        } else if (t.is("last")) {
            return interactions.last(advance());
        } else if (InteractionParser.startsAggregate(t, peekAt(1))) {
            return interactions.compare(advance());
        }
        if (t.is("score") && call) {
            advance();
            Token name = quotedArgument();
            return scoreCompare(name, name.text());
        }
        if (t.is("segment") && call) {
            advance();
            Token name = quotedArgument();
            return build(name, () -> new Condition.SegmentRef(name.text()));
        }
        if (t.is("attribute") && call) {
            advance();
            Token name = quotedArgument();
            return attributeTest(name);
        }
        if (call && DateParser.FUNCTIONS.contains(t.text().toLowerCase(Locale.ROOT))) {
            advance();
            return DateParser.parse(this, t);
        }
        if (GeoParser.startsAddress(t, peekAt(1))) {
            return GeoParser.address(this);
        }
        if (t.is("geo") && call) {
            return GeoParser.distance(this, advance());
        }
        if (t.is("email") && peekAt(1).is("domain")) {
            advance();
            advance();
            return emailDomain(t);
        }
        if (Words.isReserved(t.text())) {
            throw error(t, CONDITION);
        }
        advance();
        return call ? functionCall(t) : attributeTest(t);
    }

    private Condition tags() {
        expectWord("contains");
        Token tag = advance();
        if (tag.kind() != Token.Kind.STRING && !(tag.kind() == Token.Kind.WORD && Words.isBare(tag.text()))) {
            throw error(tag, "a tag in quotes");
        }
        return build(tag, () -> new Condition.HasTag(tag.text()));
    }

    private Condition stage() {
        Token t = advance();
        if (t.is("in")) {
            expect(Token.Kind.LPAREN, "'('");
            Set<LifecycleStage> stages = EnumSet.of(stageName());
            while (peek().kind() == Token.Kind.COMMA) {
                advance();
                stages.add(stageName());
            }
            expect(Token.Kind.RPAREN, "')' or ','");
            return new Condition.StageIn(stages);
        }
        if (t.kind() == Token.Kind.OPERATOR && (t.text().equals("=") || t.text().equals("!="))) {
            Condition is = Condition.StageIn.of(stageName());
            return t.text().equals("=") ? is : new Condition.Not(is);
        }
        throw error(t, "'=', '!=' or 'in'");
    }

    private LifecycleStage stageName() {
        Token t = advance();
        if (t.kind() == Token.Kind.WORD) {
            for (LifecycleStage s : LifecycleStage.values()) {
                if (s.name().equalsIgnoreCase(t.text())) {
                    return s;
                }
            }
        }
        throw error(t, "a lifecycle stage (prospect, lead, customer, inactive, churned)");
    }

    Optional<Window> optionalWindow() {
        return peek().is("within") || peek().is("since") || peek().is("this") || peek().is("last")
                ? Optional.of(bound()) : Optional.empty();
    }

    /** {@code within 30d}, {@code within 12h}, {@code since 2025-01-01}, {@code this month} or {@code last year}. */
    Window bound() {
        Token t = advance();
        if (t.is("within")) {
            return window();
        } else if (t.is("this") || t.is("last")) {
            Token unit = advance();
            for (Window.Calendar.Unit u : Window.Calendar.Unit.values()) {
                if (unit.is(u.name())) {
                    return Window.calendar(u, t.is("last"));
                }
            }
            throw error(unit, "week, month, quarter or year");
        } else if (!t.is("since")) {
            throw error(t, "'within', 'since', 'this' or 'last'");
        }
        Token at = peek();
        if (!(literal() instanceof TypedValue.Date date)) {
            throw error(at, "a date such as 2025-01-01");
        }
        return Window.since(date.value());
    }

    Window window() {
        Token t = advance();
        if (t.kind() != Token.Kind.WINDOW) {
            throw error(t, "a window such as 30d or 12h");
        }
        long amount = parse(t, "a window of at most 18 digits", Long::parseLong);
        ChronoUnit unit = t.text().endsWith("d") ? ChronoUnit.DAYS : ChronoUnit.HOURS;
        return build(t, () -> new Window(amount, unit));
    }

    private Condition scoreCompare(Token at, String name) {
        Operator op = operator();
        Token n = advance();
        if (n.kind() != Token.Kind.NUMBER) {
            throw error(n, "a number");
        }
        BigDecimal value = new BigDecimal(n.text());
        return build(at, () -> new Condition.ScoreCompare(name, op, value));
    }

    Token quotedArgument() {
        expect(Token.Kind.LPAREN, "'('");
        Token name = advance();
        if (name.kind() != Token.Kind.STRING) {
            throw error(name, "a name in quotes");
        }
        expect(Token.Kind.RPAREN, "')'");
        return name;
    }

    private Condition attributeTest(Token attribute) {
        String name = build(attribute, () -> new Condition.Exists(attribute.text())).attribute();
        Token t = peek();
        if (t.kind() == Token.Kind.OPERATOR) {
            Operator op = operator();
            TypedValue value = literal();
            if (op == Operator.EQ && value instanceof TypedValue.Text text && ignoringCase()) {
                return new TextMatch(name, TextMatch.Test.EQUALS, text.value(), true);
            }
            return new Condition.Compare(name, op, value);
        }
        advance();
        if (t.is("in")) {
            expect(Token.Kind.LPAREN, "'('");
            List<TypedValue> values = new ArrayList<>(List.of(literal()));
            while (peek().kind() == Token.Kind.COMMA) {
                advance();
                values.add(literal());
            }
            expect(Token.Kind.RPAREN, "')' or ','");
            return build(t, () -> new Condition.In(name, values));
        }
        if (t.is("between")) {
            TypedValue low = literal();
            expectWord("and");
            TypedValue high = literal();
            return new Condition.Between(name, low, high);
        }
        if (t.is("exists")) {
            return new Condition.Exists(name);
        }
        if (t.is("contains")) {
            String text = string();
            return ignoringCase() ? new TextMatch(name, TextMatch.Test.CONTAINS, text, true)
                    : new Condition.Contains(name, text);
        }
        if (t.is("starts")) {
            expectWord("with");
            String prefix = string();
            return ignoringCase() ? new TextMatch(name, TextMatch.Test.STARTS_WITH, prefix, true)
                    : new Condition.StartsWith(name, prefix);
        }
        if (t.is("ends")) {
            expectWord("with");
            String suffix = string();
            return new TextMatch(name, TextMatch.Test.ENDS_WITH, suffix, ignoringCase());
        }
        if (t.is("matches")) {
            Token pattern = peek();
            String regex = string();
            build(pattern, () -> Regexes.compile(regex));
            return build(pattern, () -> new Matches(name, regex));
        }
        throw error(t, "a comparison operator, 'in', 'between', 'exists', 'contains', 'starts with', 'ends with'"
                + " or 'matches'");
    }

    private boolean ignoringCase() {
        if (!peek().is("ignoring")) {
            return false;
        }
        advance();
        expectWord("case");
        return true;
    }

    private Condition emailDomain(Token keyword) {
        Token op = advance();
        List<String> domains = new ArrayList<>();
        if (op.kind() == Token.Kind.OPERATOR && op.text().equals("=")) {
            domains.add(string());
        } else if (op.is("in")) {
            expect(Token.Kind.LPAREN, "'('");
            domains.add(string());
            while (peek().kind() == Token.Kind.COMMA) {
                advance();
                domains.add(string());
            }
            expect(Token.Kind.RPAREN, "')' or ','");
        } else {
            throw error(op, "'=' or 'in'");
        }
        return build(keyword, () -> new EmailDomainIn(new TreeSet<>(domains)));
    }

    private String string() {
        Token t = advance();
        if (t.kind() != Token.Kind.STRING) {
            throw error(t, "a string in quotes");
        }
        return build(t, () -> ((TypedValue.Text) TypedValue.of(t.text())).value());
    }

    private Condition functionCall(Token name) {
        expect(Token.Kind.LPAREN, "'('");
        List<TypedValue> arguments = new ArrayList<>();
        if (peek().kind() != Token.Kind.RPAREN) {
            arguments.add(literal());
            while (peek().kind() == Token.Kind.COMMA) {
                advance();
                arguments.add(literal());
            }
        }
        expect(Token.Kind.RPAREN, "')' or ','");
        return build(name, () -> new Condition.FunctionCall(name.text(), arguments));
    }

    TypedValue literal() {
        Token t = advance();
        switch (t.kind()) {
            case STRING -> {
                return build(t, () -> TypedValue.of(t.text()));
            }
            case NUMBER -> {
                Token next = peek();
                if (next.kind() == Token.Kind.WORD && Lexer.isCurrency(next.text())) {
                    advance();
                    return build(t, () -> TypedValue.of(Money.of(t.text(), next.text())));
                }
                return build(t, () -> TypedValue.of(new BigDecimal(t.text())));
            }
            case DATE -> {
                LocalDate date = parse(t, "a valid calendar date", (String s) -> LocalDate.parse(s));
                if (date.getYear() < 1000) {
                    throw error(t, "a date in the years 1000 to 9999 (write date(\"" + t.text() + "\") for others)");
                }
                return TypedValue.of(date);
            }
            case WORD -> {
                return word(t);
            }
            default -> throw error(t, VALUE);
        }
    }

    private TypedValue word(Token t) {
        if (t.is("true") || t.is("false")) {
            return TypedValue.of(t.is("true"));
        }
        if ((t.is("choice") || t.is("date")) && peek().kind() == Token.Kind.LPAREN) {
            Token value = quotedArgument();
            return t.is("date") ? TypedValue.of(parse(value, "a valid ISO date", (String s) -> LocalDate.parse(s)))
                    : build(value, () -> TypedValue.choice(value.text()));
        }
        if (Words.isReserved(t.text())) {
            throw error(t, VALUE);
        }
        return build(t, () -> TypedValue.choice(t.text()));
    }

    Operator operator() {
        Token t = advance();
        if (t.kind() == Token.Kind.OPERATOR) {
            for (Operator op : Operator.values()) {
                if (op.symbol().equals(t.text())) {
                    return op;
                }
            }
        }
        throw error(t, "a comparison operator (=, !=, <, <=, >, >=)");
    }

    private void enter(Token at) {
        if (++depth > MAX_NESTING) {
            throw new SegmentSyntaxException(at.line(), at.column(), "nesting deeper than " + MAX_NESTING,
                    "at most " + MAX_NESTING + " nested parentheses and 'not'");
        }
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peekAt(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token advance() {
        Token t = tokens.get(index);
        if (t.kind() != Token.Kind.END) {
            index++;
        }
        return t;
    }

    void expect(Token.Kind kind, String expected) {
        Token t = advance();
        if (t.kind() != kind) {
            throw error(t, expected);
        }
    }

    void expectWord(String word) {
        Token t = advance();
        if (!t.is(word)) {
            throw error(t, "'" + word + "'");
        }
    }

    static <T> T build(Token at, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (ValidationException e) {
            throw new SegmentSyntaxException(at.line(), at.column(), at.describe(),
                    "a valid " + e.field() + " (" + e.reason() + ")");
        }
    }

    static <T> T parse(Token at, String expected, Function<String, T> parser) {
        try {
            return parser.apply(at.kind() == Token.Kind.WINDOW ? at.text().substring(0, at.text().length() - 1)
                    : at.text());
        } catch (NumberFormatException | DateTimeParseException e) {
            throw error(at, expected);
        }
    }

    static SegmentSyntaxException error(Token found, String expected) {
        return new SegmentSyntaxException(found.line(), found.column(), found.describe(), expected);
    }
}
