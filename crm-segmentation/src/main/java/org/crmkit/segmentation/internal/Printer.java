package org.crmkit.segmentation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.segment.AddressCountryIn;
import org.crmkit.spi.segment.Aggregate;
import org.crmkit.spi.segment.AggregateCompare;
import org.crmkit.spi.segment.AmountCompare;
import org.crmkit.spi.segment.AnniversaryWithin;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.DistinctCountCompare;
import org.crmkit.spi.segment.EmailDomainIn;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.Matches;
import org.crmkit.spi.segment.PostalCodeStartsWith;
import org.crmkit.spi.segment.TextMatch;
import org.crmkit.spi.segment.TimeSince;
import org.crmkit.spi.segment.WithinDistance;
import org.crmkit.spi.segment.Window;

/**
 * Writes a condition in the canonical text of the segment language: {@code Parser.parse(Printer.print(c))} equals
 * {@code c}. Nesting beyond {@link Parser#MAX_NESTING} is written as {@code …} (such text does not parse, as the
 * condition is refused anyway). Stateless and thread-safe.
 */
public final class Printer {
    private static final Map<TextMatch.Test, String> TEXT_TESTS = new EnumMap<>(Map.of(
            TextMatch.Test.EQUALS, " = ", TextMatch.Test.STARTS_WITH, " starts with ",
            TextMatch.Test.ENDS_WITH, " ends with ", TextMatch.Test.CONTAINS, " contains "));

    private Printer() {
    }

    public static String print(Condition condition) {
        StringBuilder out = new StringBuilder();
        write(condition, false, 0, out);
        return out.toString();
    }

    private static void write(Condition c, boolean nested, int depth, StringBuilder out) {
        if (depth > Parser.MAX_NESTING) {
            out.append('…');
            return;
        }
        if (c instanceof Condition.And and) {
            join(and.operands(), " and ", nested, depth, out);
        } else if (c instanceof Condition.Or or) {
            join(or.operands(), " or ", nested, depth, out);
        } else if (c instanceof Condition.Not not) {
            out.append("not ");
            write(not.operand(), true, depth + 1, out);
        } else {
            leaf(c, out);
        }
    }

    private static void leaf(Condition c, StringBuilder out) {
        if (c instanceof Condition.Compare cmp) {
            attribute(cmp.attribute(), out).append(' ').append(cmp.operator().symbol()).append(' ')
                    .append(literal(cmp.value()));
        } else if (c instanceof Condition.In in) {
            attribute(in.attribute(), out).append(" in (");
            list(in.values(), out);
            out.append(')');
        } else if (c instanceof Condition.Between b) {
            attribute(b.attribute(), out).append(" between ").append(literal(b.low())).append(" and ")
                    .append(literal(b.high()));
        } else if (c instanceof Condition.Exists e) {
            attribute(e.attribute(), out).append(" exists");
        } else if (c instanceof Condition.Contains ct) {
            attribute(ct.attribute(), out).append(" contains ").append(quote(ct.text()));
        } else if (c instanceof Condition.StartsWith sw) {
            attribute(sw.attribute(), out).append(" starts with ").append(quote(sw.prefix()));
        } else if (c instanceof TextMatch tm) {
            attribute(tm.attribute(), out).append(TEXT_TESTS.get(tm.test())).append(quote(tm.text()))
                    .append(tm.ignoreCase() ? " ignoring case" : "");
        } else if (c instanceof Matches m) {
            attribute(m.attribute(), out).append(" matches ").append(quote(m.pattern()));
        } else if (c instanceof EmailDomainIn e) {
            out.append("email domain ");
            if (e.domains().size() == 1) {
                out.append("= ").append(quote(e.domains().first()));
            } else {
                out.append("in (");
                e.domains().forEach(d -> out.append(d.equals(e.domains().first()) ? "" : ", ").append(quote(d)));
                out.append(')');
            }
        } else if (c instanceof Condition.StageIn s) {
            stage(s, out);
        } else if (c instanceof Condition.HasTag t) {
            out.append("tags contains ").append(quote(t.tag()));
        } else if (c instanceof Condition.CountCompare cc) {
            out.append("count(").append(filter(cc.filter())).append(window(cc.window())).append(") ")
                    .append(cc.operator().symbol()).append(' ').append(cc.count());
        } else if (c instanceof Condition.SumCompare sc) {
            out.append("sum(").append(filter(sc.filter())).append(window(sc.window())).append(") ")
                    .append(sc.operator().symbol()).append(' ').append(money(sc.amount()));
        } else if (c instanceof Condition.OccurredWithin ow) {
            out.append("last(").append(filter(ow.filter())).append(") ").append(bound(ow.window()));
        } else if (c instanceof Condition.ScoreCompare s) {
            out.append(s.score().indexOf('.') >= 0 ? s.score() : "score(" + quote(s.score()) + ")").append(' ')
                    .append(s.operator().symbol()).append(' ').append(s.value().toPlainString());
        } else if (c instanceof AmountCompare || c instanceof DistinctCountCompare || c instanceof AggregateCompare) {
            aggregate(c, out);
        } else if (c instanceof TimeSince ts) {
            out.append(lower(ts.unit())).append("_since(").append(ts.attribute().map(Printer::dateAttribute)
                    .orElse(ts.from() == TimeSince.From.STAGE_ENTERED ? "stage" : "created")).append(") ")
                    .append(ts.operator().symbol()).append(' ').append(ts.amount());
        } else if (c instanceof AnniversaryWithin a) {
            out.append("anniversary(").append(dateAttribute(a.attribute())).append(") within ").append(a.days())
                    .append('d');
        } else if (c instanceof AddressCountryIn ac) {
            out.append("address country in (");
            ac.countries().forEach(k -> out.append(k.equals(ac.countries().first()) ? "" : ", ").append(quote(k)));
            out.append(')');
        } else if (c instanceof PostalCodeStartsWith pc) {
            out.append("address postal_code starts with ").append(quote(pc.prefix()));
        } else if (c instanceof WithinDistance d) {
            attribute(d.latitude(), out.append("geo(")).append(", ");
            attribute(d.longitude(), out).append(") within ").append(d.kilometres().toPlainString()).append(" km of (")
                    .append(d.centreLatitude().toPlainString()).append(", ")
                    .append(d.centreLongitude().toPlainString()).append(')');
        } else if (c instanceof Condition.SegmentRef r) {
            out.append("segment(").append(quote(r.name())).append(')');
        } else {
            Condition.FunctionCall f = (Condition.FunctionCall) c;
            out.append(f.name()).append('(');
            list(f.arguments(), out);
            out.append(')');
        }
    }

    private static void aggregate(Condition c, StringBuilder out) {
        if (c instanceof AmountCompare ac) {
            out.append(lower(ac.function())).append("(amount of ").append(filter(ac.filter()))
                    .append(window(ac.window())).append(") ").append(ac.operator().symbol()).append(' ')
                    .append(money(ac.amount()));
        } else if (c instanceof DistinctCountCompare dc) {
            out.append("count(distinct ").append(property(dc.property())).append(" of ").append(filter(dc.filter()))
                    .append(window(dc.window())).append(") ").append(dc.operator().symbol()).append(' ')
                    .append(dc.count());
        } else {
            AggregateCompare ag = (AggregateCompare) c;
            aggregate(ag.left(), out);
            out.append(' ').append(ag.operator().symbol()).append(' ');
            aggregate(ag.right(), out);
        }
    }

    private static void aggregate(Aggregate a, StringBuilder out) {
        if (a instanceof Aggregate.Amount m) {
            out.append(lower(m.function())).append("(amount in ").append(m.currency().getCurrencyCode())
                    .append(" of ");
        } else if (a instanceof Aggregate.CountDistinct d) {
            out.append("count(distinct ").append(property(d.property())).append(" of ");
        } else {
            out.append("count(");
        }
        out.append(filter(a.filter())).append(window(a.window())).append(')');
    }

    /** An attribute inside {@code days_since(…)}: bare unless reserved or {@code created}. */
    private static String dateAttribute(String name) {
        return Words.isBare(name) && !name.equals("created") ? name : "attribute(" + quote(name) + ")";
    }

    private static String property(String name) {
        return Words.isBare(name) ? name : "property(" + quote(name) + ")";
    }

    private static void list(List<TypedValue> values, StringBuilder out) {
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(literal(values.get(i)));
        }
    }

    private static void join(List<Condition> operands, String separator, boolean nested, int depth,
                             StringBuilder out) {
        out.append(nested ? "(" : "");
        for (int i = 0; i < operands.size(); i++) {
            out.append(i == 0 ? "" : separator);
            write(operands.get(i), true, depth + 1, out);
        }
        out.append(nested ? ")" : "");
    }

    private static StringBuilder attribute(String name, StringBuilder out) {
        return Words.isBare(name) ? out.append(name) : out.append("attribute(").append(quote(name)).append(')');
    }

    private static void stage(Condition.StageIn s, StringBuilder out) {
        if (s.stages().size() == 1) {
            out.append("stage = ").append(lower(s.stages().iterator().next()));
            return;
        }
        out.append("stage in (");
        boolean first = true;
        for (LifecycleStage stage : s.stages()) {
            out.append(first ? "" : ", ").append(lower(stage));
            first = false;
        }
        out.append(')');
    }

    private static String filter(InteractionFilter f) {
        List<String> parts = new ArrayList<>();
        List<String> types = new ArrayList<>();
        f.types().forEach(t -> types.add(Words.isBare(t.name()) && Words.channel(t.name()).isEmpty() ? t.name()
                : quote(t.name())));
        String channel = f.channel().map(Printer::lower).orElse("");
        if (types.isEmpty()) {
            parts.add(channel.isEmpty() ? "any" : channel);
        } else {
            parts.add(String.join(", ", types));
            if (!channel.isEmpty()) {
                parts.add("on " + channel);
            }
        }
        f.direction().ifPresent(d -> parts.add(lower(d)));
        f.campaign().ifPresent(c -> parts.add("campaign " + quote(c.value())));
        List<String> tests = new ArrayList<>();
        f.properties().forEach((name, value) -> tests.add(property(name) + " = " + literal(value)));
        if (!tests.isEmpty()) {
            parts.add("where " + String.join(" and ", tests));
        }
        return String.join(" ", parts);
    }

    private static String window(Optional<Window> window) {
        return window.map(w -> " " + bound(w)).orElse("");
    }

    private static String bound(Window w) {
        if (w.calendar().isPresent()) {
            return w.toString();
        }
        return w.since().map(d -> "since " + date(d)).orElse("within " + w);
    }

    /** A value as a literal of the segment language. */
    static String literal(TypedValue value) {
        if (value instanceof TypedValue.Text t) {
            return quote(t.value());
        } else if (value instanceof TypedValue.Number n) {
            return n.value().toPlainString();
        } else if (value instanceof TypedValue.Bool b) {
            return Boolean.toString(b.value());
        } else if (value instanceof TypedValue.Date d) {
            return date(d.value());
        } else if (value instanceof TypedValue.Choice c) {
            return Words.isBare(c.value()) ? c.value() : "choice(" + quote(c.value()) + ")";
        }
        return money(((TypedValue.Amount) value).value());
    }

    private static String date(LocalDate date) {
        return date.getYear() >= 1000 && date.getYear() <= 9999 ? date.toString()
                : "date(" + quote(date.toString()) + ")";
    }

    private static String money(Money money) {
        return money.amount().toPlainString() + " " + money.currency().getCurrencyCode();
    }

    private static String lower(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
