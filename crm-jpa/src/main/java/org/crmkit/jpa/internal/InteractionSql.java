package org.crmkit.jpa.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.crmkit.spi.TypedValue;
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
 * The SQL of the segment nodes that read a customer's interactions (counts, sums, averages, least and greatest
 * amounts, distinct property values, comparisons of two figures, occurrence in a window): correlated subqueries on
 * {@code crm_interaction} of the customer row {@code c}, each a boolean that is never NULL. Amounts are summed and
 * compared as exact decimals, averages by cross-multiplication, windows from the in-memory evaluator's
 * millisecond bounds. Not thread-safe: one per query.
 */
final class InteractionSql {
    /** How a figure compares: both sides present and comparing so; a missing side makes it false. */
    private static final String NOT_NULL_FALSE = ", FALSE)";

    private final SqlText sql;
    private final Instant now;
    private final ZoneId zone;

    InteractionSql(SqlText sql, Instant now, ZoneId zone) {
        this.sql = sql;
        this.now = now;
        this.zone = zone;
    }

    /** Writes {@code c}, one of the interaction nodes. */
    void write(Condition c) {
        if (c instanceof Condition.CountCompare cc && existence(cc) != null) {
            sql.add(existence(cc) ? "EXISTS (SELECT 1" : "NOT EXISTS (SELECT 1");
            from(cc.filter(), cc.window());
            sql.add(")");
        } else if (c instanceof Condition.CountCompare cc) {
            sql.add("(");
            count(cc.filter(), cc.window());
            sql.add(" " + SegmentSql.operator(cc.operator()) + " ").param(cc.count()).add(")");
        } else if (c instanceof Condition.SumCompare sc) {
            sql.add("(");
            amount(Aggregate.Function.SUM, sc.amount().currency().getCurrencyCode(), sc.filter(), sc.window());
            sql.add(" " + SegmentSql.operator(sc.operator()) + " ").param(sc.amount().amount()).add(")");
        } else if (c instanceof Condition.OccurredWithin ow) {
            sql.add("EXISTS (SELECT 1");
            from(ow.filter(), Optional.of(ow.window()));
            sql.add(")");
        } else if (c instanceof AmountCompare ac) {
            amountCompare(ac);
        } else if (c instanceof DistinctCountCompare dc) {
            sql.add("(");
            distinct(dc.property(), dc.filter(), dc.window());
            sql.add(" " + SegmentSql.operator(dc.operator()) + " ").param(dc.count()).add(")");
        } else {
            figures((AggregateCompare) c);
        }
    }

    /**
     * Whether a count comparison only asks if there is any ({@code >= 1}, {@code > 0}: true) or none ({@code = 0},
     * {@code < 1}, {@code <= 0}: false), which the database answers as a semi-join; null for the others.
     */
    private static Boolean existence(Condition.CountCompare cc) {
        long n = cc.count();
        Operator op = cc.operator();
        if (op == Operator.GE && n == 1 || op == Operator.GT && n == 0) {
            return true;
        } else if (op == Operator.EQ && n == 0 || op == Operator.LT && n == 1 || op == Operator.LE && n == 0) {
            return false;
        }
        return null;
    }

    private void amountCompare(AmountCompare ac) {
        String currency = ac.amount().currency().getCurrencyCode();
        String op = SegmentSql.operator(ac.operator());
        sql.add("COALESCE(");
        if (ac.function() == Aggregate.Function.AVG) {
            sql.add("(SELECT SUM(i.amount_number) - ").param(ac.amount().amount()).add(" * COUNT(i.amount_number)");
            from(ac.filter(), ac.window());
            sql.add(" AND i.currency = ").param(currency).add(") " + op + " 0");
        } else {
            amount(ac.function(), currency, ac.filter(), ac.window());
            sql.add(" " + op + " ").param(ac.amount().amount());
        }
        sql.add(NOT_NULL_FALSE);
    }

    /** Both figures as fractions: {@code left.num * right.den op right.num * left.den}. */
    private void figures(AggregateCompare ag) {
        sql.add("COALESCE(");
        numerator(ag.left());
        sql.add(" * ");
        denominator(ag.right());
        sql.add(" " + SegmentSql.operator(ag.operator()) + " ");
        numerator(ag.right());
        sql.add(" * ");
        denominator(ag.left());
        sql.add(NOT_NULL_FALSE);
    }

    private void numerator(Aggregate a) {
        if (a instanceof Aggregate.Count count) {
            count(count.filter(), count.window());
        } else if (a instanceof Aggregate.CountDistinct d) {
            distinct(d.property(), d.filter(), d.window());
        } else {
            Aggregate.Amount m = (Aggregate.Amount) a;
            amount(m.function() == Aggregate.Function.AVG ? null : m.function(), m.currency().getCurrencyCode(),
                    m.filter(), m.window());
        }
    }

    private void denominator(Aggregate a) {
        if (a instanceof Aggregate.Amount m && m.function() == Aggregate.Function.AVG) {
            sql.add("(SELECT COUNT(i.amount_number)");
            from(m.filter(), m.window());
            sql.add(" AND i.currency = ").param(m.currency().getCurrencyCode()).add(")");
        } else {
            sql.add("1");
        }
    }

    private void count(InteractionFilter filter, Optional<Window> window) {
        sql.add("(SELECT COUNT(*)");
        from(filter, window);
        sql.add(")");
    }

    /** The sum (0 if none), least or greatest of the amounts in {@code currency}; null function: the plain sum. */
    private void amount(Aggregate.Function function, String currency, InteractionFilter filter,
                        Optional<Window> window) {
        String figure = function == null ? "SUM(i.amount_number)" : switch (function) {
            case SUM -> "COALESCE(SUM(i.amount_number), 0)";
            case MIN -> "MIN(i.amount_number)";
            case MAX -> "MAX(i.amount_number)";
            case AVG -> throw new IllegalArgumentException("an average is two figures");
        };
        sql.add("(SELECT " + figure);
        from(filter, window);
        sql.add(" AND i.currency = ").param(currency).add(")");
    }

    /** Distinct values as property equality defines them: texts and choices alike, the rest by type and text. */
    private void distinct(String property, InteractionFilter filter, Optional<Window> window) {
        sql.add("(SELECT COUNT(DISTINCT CASE WHEN p.value_type IN ('TEXT', 'CHOICE') THEN 'T:' || p.text_value"
                + " WHEN p.value_type = 'AMOUNT' THEN 'A:' || p.currency || p.text_value"
                + " ELSE p.value_type || ':' || p.text_value END)");
        from(filter, window, property);
        sql.add(")");
    }

    private void from(InteractionFilter filter, Optional<Window> window) {
        from(filter, window, null);
    }

    /**
     * {@code FROM} the customer's interactions {@code i} passing the filter in the window; with a property, joined
     * to {@code p}, their values of it (interactions without it left out).
     */
    private void from(InteractionFilter filter, Optional<Window> window, String property) {
        sql.add(" FROM crm_interaction i");
        if (property != null) {
            sql.add(" JOIN crm_interaction_property p ON p.row_id = i.row_id AND p.name = ").param(property);
        }
        sql.add(" WHERE i.tenant = c.tenant AND i.subject_kind = ").param(InteractionMapper.KNOWN)
                .add(" AND i.subject_id = c.customer_id");
        window.ifPresent(w -> {
            sql.add(" AND i.occurred_ns >= ").param(DaySpans.windowStartNanos(w, now, zone));
            DaySpans.windowEndNanos(w, now, zone).ifPresent(end -> sql.add(" AND i.occurred_ns < ").param(end));
        });
        if (!filter.types().isEmpty()) {
            sql.add(" AND i.type IN ").params(filter.types().stream().map(InteractionType::name).toList());
        }
        filter.channel().ifPresent(ch -> sql.add(" AND i.channel = ").param(ch.name()));
        filter.direction().ifPresent(d -> sql.add(" AND i.direction = ").param(d.name()));
        filter.campaign().ifPresent(campaign -> sql.add(" AND i.campaign = ").param(campaign.value()));
        for (Map.Entry<String, TypedValue> test : filter.properties().entrySet()) {
            sql.add(" AND EXISTS (SELECT 1 FROM crm_interaction_property q WHERE q.row_id = i.row_id AND q.name = ")
                    .param(test.getKey()).add(" AND ");
            equal("q", test.getValue());
            sql.add(")");
        }
    }

    /** Property equality: texts and choices as strings, other values by type and value (money in its currency). */
    private void equal(String alias, TypedValue value) {
        if (value instanceof TypedValue.Text || value instanceof TypedValue.Choice) {
            sql.add(alias + ".value_type IN ('TEXT', 'CHOICE') AND " + alias + ".text_value = ")
                    .param(value instanceof TypedValue.Text t ? t.value() : ((TypedValue.Choice) value).value());
        } else if (value instanceof TypedValue.Number n) {
            sql.add(alias + ".value_type = 'NUMBER' AND " + alias + ".number_value = ").param(n.value());
        } else if (value instanceof TypedValue.Date d) {
            sql.add(alias + ".value_type = 'DATE' AND " + alias + ".epoch_day = ").param(d.value().toEpochDay());
        } else if (value instanceof TypedValue.Bool b) {
            sql.add(alias + ".value_type = 'BOOL' AND " + alias + ".text_value = ").param(Boolean.toString(b.value()));
        } else {
            TypedValue.Amount a = (TypedValue.Amount) value;
            sql.add(alias + ".value_type = 'AMOUNT' AND " + alias + ".currency = ")
                    .param(a.value().currency().getCurrencyCode()).add(" AND " + alias + ".number_value = ")
                    .param(a.value().amount());
        }
    }
}
