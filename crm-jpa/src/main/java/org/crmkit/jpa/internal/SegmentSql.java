package org.crmkit.jpa.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.segment.AddressCountryIn;
import org.crmkit.spi.segment.AggregateCompare;
import org.crmkit.spi.segment.AmountCompare;
import org.crmkit.spi.segment.AnniversaryWithin;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.DistinctCountCompare;
import org.crmkit.spi.segment.EmailDomainIn;
import org.crmkit.spi.segment.Matches;
import org.crmkit.spi.segment.Operator;
import org.crmkit.spi.segment.PostalCodeStartsWith;
import org.crmkit.spi.segment.ScoreReading;
import org.crmkit.spi.segment.TextMatch;
import org.crmkit.spi.segment.TimeSince;
import org.crmkit.spi.segment.WithinDistance;

/**
 * A resolved segment as one SQL query over the customer rows {@code c} of a tenant: every node becomes a boolean
 * expression that is never NULL (so {@code NOT} negates exactly as the in-memory evaluator does), attributes and
 * contact points as correlated {@code EXISTS}, interaction figures through {@link InteractionSql}, dates relative
 * to today as spans computed by {@link DaySpans}. Values are parameters, never SQL text. Not thread-safe: one per
 * query.
 *
 * <p>Nodes it does not translate ({@link #refusal}): host functions, whose code the database does not have, and
 * regular expressions, whose dialects differ from RE2's. Decaying scores are computed in {@code double} as the
 * engine computes them; the database's {@code POWER} may differ from Java's {@code Math.pow} in the last place,
 * which changes an answer only for a decayed score within a rounding error of the literal. Text folded to lower or upper case
 * follows the database, which agrees with Java's {@code Locale.ROOT} except for the few characters whose folding
 * depends on context or changes the length (final sigma, dotted capital I).
 */
final class SegmentSql {
    private final SqlText sql = new SqlText();
    private final Dialect dialect;
    private final Instant now;
    private final ZoneId zone;
    private final InteractionSql interactions;

    private final ScoreReading scores;

    private SegmentSql(Dialect dialect, Instant now, ZoneId zone, ScoreReading scores) {
        this.dialect = dialect;
        this.now = now;
        this.zone = zone;
        this.scores = scores;
        this.interactions = new InteractionSql(sql, now, zone);
    }

    /** Why {@code c} cannot be translated: the first node that cannot, named; empty if it all can. */
    static Optional<String> refusal(Condition c) {
        if (c instanceof Condition.And and) {
            return and.operands().stream().map(SegmentSql::refusal).flatMap(Optional::stream).findFirst();
        } else if (c instanceof Condition.Or or) {
            return or.operands().stream().map(SegmentSql::refusal).flatMap(Optional::stream).findFirst();
        } else if (c instanceof Condition.Not not) {
            return refusal(not.operand());
        } else if (c instanceof Condition.FunctionCall f) {
            return Optional.of("FunctionCall: " + f.name() + " is the host's code");
        } else if (c instanceof Matches) {
            return Optional.of("Matches: the database's regular expressions are not RE2's");
        } else if (c instanceof Condition.SegmentRef) {
            return Optional.of("SegmentRef: the segment is not resolved");
        }
        return Optional.empty();
    }

    /** The query of the ids of the live customers of {@code tenant} meeting {@code c}, which {@link #refusal} accepts. */
    static SqlText members(Dialect dialect, TenantId tenant, Condition c, Instant now, ZoneId zone,
                           ScoreReading scores) {
        SegmentSql s = new SegmentSql(dialect, now, zone, scores);
        s.sql.add("SELECT c.customer_id FROM crm_customer c WHERE c.tenant = ").param(tenant.value())
                .add(" AND c.live = TRUE AND ");
        s.write(c);
        return s.sql;
    }

    static String operator(Operator op) {
        return op == Operator.NE ? "<>" : op.symbol();
    }

    private void write(Condition c) {
        if (c instanceof Condition.And and) {
            join(and.operands(), " AND ");
        } else if (c instanceof Condition.Or or) {
            join(or.operands(), " OR ");
        } else if (c instanceof Condition.Not not) {
            sql.add("NOT (");
            write(not.operand());
            sql.add(")");
        } else if (c instanceof Condition.CountCompare || c instanceof Condition.SumCompare
                || c instanceof Condition.OccurredWithin || c instanceof AmountCompare
                || c instanceof DistinctCountCompare || c instanceof AggregateCompare) {
            interactions.write(c);
        } else if (c instanceof Condition.StageIn st) {
            sql.add("c.stage IN ").params(st.stages().stream().map(LifecycleStage::name).sorted().toList());
        } else if (c instanceof Condition.HasTag tag) {
            sql.add("EXISTS (SELECT 1 FROM crm_customer_tag t WHERE t.row_id = c.row_id AND t.tag = ")
                    .param(tag.tag()).add(")");
        } else if (c instanceof TimeSince ts) {
            timeSince(ts);
        } else if (c instanceof Condition.ScoreCompare sc) {
            score(sc);
        } else if (c instanceof EmailDomainIn e) {
            sql.add("EXISTS (SELECT 1 FROM crm_customer_contact k WHERE k.row_id = c.row_id AND k.kind = 'EMAIL'"
                    + " AND (");
            String separator = "";
            for (String domain : e.domains()) {
                sql.add(separator + "RIGHT(k.email, ").param(domain.length() + 1).add(") = ").param("@" + domain);
                separator = " OR ";
            }
            sql.add("))");
        } else if (c instanceof AddressCountryIn in) {
            sql.add("COALESCE(");
            mainAddress("k.country");
            sql.add(" IN ").params(in.countries().stream().sorted().toList()).add(", FALSE)");
        } else if (c instanceof PostalCodeStartsWith p) {
            String prefix = p.prefix().toUpperCase(Locale.ROOT);
            sql.add("COALESCE(LEFT(UPPER(");
            mainAddress("k.postal_code");
            sql.add("), ").param(dialect.length(prefix)).add(") = ").param(prefix).add(", FALSE)");
        } else {
            attribute(c);
        }
    }

    private void join(List<Condition> operands, String operator) {
        sql.add("(");
        for (int i = 0; i < operands.size(); i++) {
            sql.add(i == 0 ? "" : operator);
            write(operands.get(i));
        }
        sql.add(")");
    }

    /** A column of the primary postal address, else the first; NULL without one. */
    private void mainAddress(String column) {
        sql.add("(SELECT " + column + " FROM crm_customer_contact k WHERE k.row_id = c.row_id AND k.kind = 'POSTAL'"
                + " ORDER BY k.preferred DESC, k.position LIMIT 1)");
    }

    /** The nodes on one attribute: a row {@code a} of it exists and passes. */
    private void attribute(Condition c) {
        if (c instanceof WithinDistance d) {
            distance(d);
            return;
        }
        sql.add("EXISTS (SELECT 1 FROM crm_customer_attribute a WHERE a.row_id = c.row_id AND a.name = ")
                .param(attributeName(c));
        if (c instanceof Condition.Compare cmp) {
            sql.add(" AND ");
            compare(cmp.operator(), cmp.value());
        } else if (c instanceof Condition.In in) {
            sql.add(" AND (");
            for (int i = 0; i < in.values().size(); i++) {
                sql.add(i == 0 ? "(" : " OR (");
                compare(Operator.EQ, in.values().get(i));
                sql.add(")");
            }
            sql.add(")");
        } else if (c instanceof Condition.Between b) {
            sql.add(" AND ");
            compare(Operator.GE, b.low());
            sql.add(" AND ");
            compare(Operator.LE, b.high());
        } else if (c instanceof Condition.Contains ct) {
            text(TextMatch.Test.CONTAINS, ct.text(), false);
        } else if (c instanceof Condition.StartsWith sw) {
            text(TextMatch.Test.STARTS_WITH, sw.prefix(), false);
        } else if (c instanceof TextMatch tm) {
            text(tm.test(), tm.text(), tm.ignoreCase());
        } else if (c instanceof AnniversaryWithin an) {
            sql.add(" AND a.value_type = 'DATE' AND a.month_day IN ").params(DaySpans.anniversaries(today(),
                    an.days()));
        }
        sql.add(")");
    }

    private static String attributeName(Condition c) {
        if (c instanceof Condition.Compare cmp) {
            return cmp.attribute();
        } else if (c instanceof Condition.In in) {
            return in.attribute();
        } else if (c instanceof Condition.Between b) {
            return b.attribute();
        } else if (c instanceof Condition.Exists e) {
            return e.attribute();
        } else if (c instanceof Condition.Contains ct) {
            return ct.attribute();
        } else if (c instanceof Condition.StartsWith sw) {
            return sw.attribute();
        } else if (c instanceof TextMatch tm) {
            return tm.attribute();
        } else if (c instanceof AnniversaryWithin an) {
            return an.attribute();
        }
        throw new IllegalArgumentException("not translated: " + c.getClass().getSimpleName());
    }

    /** {@code a}'s value compares so with {@code literal}; values of types that do not compare never do. */
    private void compare(Operator op, TypedValue literal) {
        String sqlOp = " " + operator(op) + " ";
        if (literal instanceof TypedValue.Text || literal instanceof TypedValue.Choice) {
            sql.add("a.value_type IN ('TEXT', 'CHOICE') AND " + dialect.ordered("a.text_value") + sqlOp)
                    .param(literal instanceof TypedValue.Text t ? t.value() : ((TypedValue.Choice) literal).value());
        } else if (literal instanceof TypedValue.Number n) {
            sql.add("a.value_type = 'NUMBER' AND a.number_value" + sqlOp).param(n.value());
        } else if (literal instanceof TypedValue.Date d) {
            sql.add("a.value_type = 'DATE' AND a.epoch_day" + sqlOp).param(d.value().toEpochDay());
        } else if (literal instanceof TypedValue.Bool b) {
            sql.add("a.value_type = 'BOOL' AND (CASE WHEN a.text_value = 'true' THEN 1 ELSE 0 END)" + sqlOp)
                    .param(b.value() ? 1 : 0);
        } else {
            TypedValue.Amount m = (TypedValue.Amount) literal;
            sql.add("a.value_type = 'AMOUNT' AND a.currency = ").param(m.value().currency().getCurrencyCode())
                    .add(" AND a.number_value" + sqlOp).param(m.value().amount());
        }
    }

    /** A text attribute (not a choice) passes a text test, folded to lower case if asked. */
    private void text(TextMatch.Test test, String literal, boolean ignoreCase) {
        String value = ignoreCase ? "LOWER(a.text_value)" : "a.text_value";
        String text = ignoreCase ? literal.toLowerCase(Locale.ROOT) : literal;
        sql.add(" AND a.value_type = 'TEXT'");
        if (text.isEmpty() && test != TextMatch.Test.EQUALS) {
            return;
        }
        switch (test) {
            case EQUALS -> sql.add(" AND " + value + " = ").param(text);
            case CONTAINS -> sql.add(" AND POSITION(").param(text).add(" IN " + value + ") > 0");
            case STARTS_WITH -> sql.add(" AND LEFT(" + value + ", ").param(dialect.length(text)).add(") = ")
                    .param(text);
            case ENDS_WITH -> sql.add(" AND RIGHT(" + value + ", ").param(dialect.length(text)).add(") = ")
                    .param(text);
        }
    }

    /** Whole days, months or years since a date: the dates meeting it are one span of days. */
    private void timeSince(TimeSince ts) {
        DaySpans.Span span = DaySpans.span(ts.unit(), today(), ts.operator(), ts.amount());
        String negation = ts.operator() == Operator.NE ? "NOT " : "";
        switch (ts.from()) {
            case ATTRIBUTE -> sql.add("EXISTS (SELECT 1 FROM crm_customer_attribute a WHERE a.row_id = c.row_id"
                    + " AND a.name = ").param(ts.attribute().orElseThrow()).add(" AND a.value_type = 'DATE' AND "
                    + negation + "(a.epoch_day >= ").param(span.from()).add(" AND a.epoch_day < ")
                    .param(span.until()).add("))");
            case CREATED -> instantIn("c.created_ns", span, negation);
            case STAGE_ENTERED -> instantIn("(SELECT s.at_ns FROM crm_customer_stage s WHERE s.row_id = c.row_id"
                    + " ORDER BY s.position DESC LIMIT 1)", span, negation);
        }
    }

    private void instantIn(String nanos, DaySpans.Span span, String negation) {
        sql.add(negation + "(" + nanos + " >= ").param(DaySpans.startOfDayNanos(span.from(), zone))
                .add(" AND " + nanos + " < ").param(DaySpans.startOfDayNanos(span.until(), zone)).add(")");
    }

    /** Both coordinates are number attributes of a valid point, within the distance (haversine, in doubles). */
    private void distance(WithinDistance d) {
        double lat = Math.toRadians(d.centreLatitude().doubleValue());
        double lon = Math.toRadians(d.centreLongitude().doubleValue());
        String la = "CAST(y.number_value AS DOUBLE PRECISION)";
        String lo = "CAST(x.number_value AS DOUBLE PRECISION)";
        sql.add("EXISTS (SELECT 1 FROM crm_customer_attribute y, crm_customer_attribute x WHERE y.row_id = c.row_id"
                + " AND y.name = ").param(d.latitude()).add(" AND y.value_type = 'NUMBER' AND x.row_id = c.row_id"
                + " AND x.name = ").param(d.longitude()).add(" AND x.value_type = 'NUMBER' AND ABS(" + la
                + ") <= 90 AND ABS(" + lo + ") <= 180 AND 2 * ").param(WithinDistance.EARTH_RADIUS_KM)
                .add(" * ASIN(LEAST(1, SQRT(SIN((").param(lat).add(" - RADIANS(" + la + ")) / 2) * SIN((")
                .param(lat).add(" - RADIANS(" + la + ")) / 2) + COS(RADIANS(" + la + ")) * COS(").param(lat)
                .add(") * SIN((").param(lon).add(" - RADIANS(" + lo + ")) / 2) * SIN((").param(lon)
                .add(" - RADIANS(" + lo + ")) / 2)))) <= ").param(d.kilometres().doubleValue()).add(")");
    }

    /**
     * The stored score read as {@link ScoreReading} says (decayed in {@code double} arithmetic, as the engine does:
     * the seconds since its {@code asOf} to the nanosecond, then {@code 2^(−s/h)}), or its value when absent.
     */
    private void score(Condition.ScoreCompare sc) {
        String op = " " + operator(sc.operator()) + " ";
        double literal = sc.value().doubleValue();
        Duration halfLife = scores.halfLives().get(sc.score());
        Double absent = scores.whenAbsent().get(sc.score());
        boolean absentPasses = absent != null && sc.operator().test(Double.compare(absent, literal));
        String stored = "EXISTS (SELECT 1 FROM crm_score s WHERE s.tenant = c.tenant AND s.customer_id = c.customer_id"
                + " AND s.name = ";
        if (absentPasses) {
            sql.add("(NOT " + stored).param(sc.score()).add(") OR ");
        }
        sql.add(stored).param(sc.score()).add(" AND ");
        if (halfLife == null) {
            sql.add("s.score");
        } else {
            String nano = "MOD(MOD(s.as_of_ns, 1000000000) + 1000000000, 1000000000)";
            sql.add("s.score * POWER(CAST(2 AS DOUBLE PRECISION), -(CAST(").param(now.getEpochSecond())
                    .add(" - (s.as_of_ns - " + nano + ") / 1000000000 AS DOUBLE PRECISION) + CAST(")
                    .param((long) now.getNano()).add(" - " + nano + " AS DOUBLE PRECISION)"
                            + " / CAST(1000000000 AS DOUBLE PRECISION)) / ")
                    .param(ScoreReading.halfLifeSeconds(halfLife)).add(")");
        }
        sql.add(op).param(literal).add(")");
        if (absentPasses) {
            sql.add(")");
        }
    }

    private LocalDate today() {
        return now.atZone(zone).toLocalDate();
    }
}
