package org.crmkit.segmentation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.PostalAddress;
import org.crmkit.spi.interaction.Interaction;
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
 * The segment language's meaning written as plainly as possible, straight from docs/SEGMENTS.md, over raw customers
 * and interactions: what the engines are checked against.
 */
record ReferenceEvaluator(Map<String, Condition> segments, Map<String, PredicateFunction> functions, Instant now,
                          ZoneId zone) {
    boolean test(Condition c, Customer customer, List<Interaction> interactions, Map<String, Double> scores) {
        if (c instanceof Condition.And and) {
            return and.operands().stream().allMatch(o -> test(o, customer, interactions, scores));
        } else if (c instanceof Condition.Or or) {
            return or.operands().stream().anyMatch(o -> test(o, customer, interactions, scores));
        } else if (c instanceof Condition.Not not) {
            return !test(not.operand(), customer, interactions, scores);
        } else if (c instanceof Condition.SegmentRef ref) {
            return test(segments.get(ref.name()), customer, interactions, scores);
        } else if (c instanceof Condition.FunctionCall f) {
            return functions.get(f.name()).evaluation().test(
                    new CustomerSnapshot(customer, InteractionHistory.of(interactions), scores), f.arguments());
        } else if (c instanceof TimeSince ts) {
            LocalDate date = since(ts, customer);
            return date != null && ts.operator().test(Long.compare(ts.unit().between(date, today()), ts.amount()));
        } else if (c instanceof AnniversaryWithin a) {
            Optional<TypedValue> v = customer.attribute(a.attribute());
            if (v.isEmpty() || !(v.get() instanceof TypedValue.Date d)) {
                return false;
            }
            for (int k = 0; k < a.days(); k++) {
                LocalDate day = today().plusDays(k);
                boolean feb29 = d.value().getMonthValue() == 2 && d.value().getDayOfMonth() == 29;
                if (day.getMonth() == d.value().getMonth() && day.getDayOfMonth() == d.value().getDayOfMonth()
                        || feb29 && !day.isLeapYear() && day.getMonthValue() == 2 && day.getDayOfMonth() == 28) {
                    return true;
                }
            }
            return false;
        } else if (c instanceof AddressCountryIn || c instanceof PostalCodeStartsWith || c instanceof WithinDistance) {
            return geography(c, customer);
        } else if (c instanceof Condition.StageIn s) {
            return s.stages().contains(customer.stage());
        } else if (c instanceof Condition.HasTag t) {
            return customer.tags().contains(t.tag());
        } else if (c instanceof Condition.ScoreCompare s) {
            Double v = scores.get(s.score());
            return v != null && s.operator().test(Double.compare(v, s.value().doubleValue()));
        } else if (c instanceof Condition.CountCompare cc) {
            long n = interactions.stream().filter(i -> passes(cc.filter(), i))
                    .filter(i -> inside(i, cc.window())).count();
            return cc.operator().test(Long.compare(n, cc.count()));
        } else if (c instanceof Condition.SumCompare sc) {
            BigDecimal sum = interactions.stream().filter(i -> passes(sc.filter(), i))
                    .filter(i -> inside(i, sc.window())).flatMap(i -> i.amount().stream())
                    .filter(m -> m.currency().equals(sc.amount().currency())).map(Money::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return sc.operator().test(sum.compareTo(sc.amount().amount()));
        } else if (c instanceof Condition.OccurredWithin ow) {
            return interactions.stream().anyMatch(i -> passes(ow.filter(), i)
                    && inside(i, Optional.of(ow.window())));
        } else if (c instanceof AmountCompare ac) {
            BigDecimal v = figure(new Aggregate.Amount(ac.function(), ac.amount().currency(), ac.filter(),
                    ac.window()), interactions);
            return v != null && ac.operator().test(v.compareTo(ac.amount().amount()));
        } else if (c instanceof DistinctCountCompare dc) {
            BigDecimal v = figure(new Aggregate.CountDistinct(dc.property(), dc.filter(), dc.window()), interactions);
            return dc.operator().test(v.compareTo(BigDecimal.valueOf(dc.count())));
        } else if (c instanceof AggregateCompare ag) {
            BigDecimal l = figure(ag.left(), interactions);
            BigDecimal r = figure(ag.right(), interactions);
            return l != null && r != null && ag.operator().test(l.compareTo(r));
        }
        return attribute(c, customer);
    }

    private static boolean geography(Condition c, Customer customer) {
        List<PostalAddress> addresses = customer.contactPoints().stream()
                .filter(p -> p.value() instanceof PostalAddress)
                .sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
                .map(p -> (PostalAddress) p.value()).toList();
        if (c instanceof AddressCountryIn in) {
            return !addresses.isEmpty() && in.countries().contains(addresses.get(0).country());
        } else if (c instanceof PostalCodeStartsWith p) {
            return !addresses.isEmpty() && addresses.get(0).postalCode().toUpperCase(Locale.ROOT)
                    .startsWith(p.prefix().toUpperCase(Locale.ROOT));
        }
        WithinDistance d = (WithinDistance) c;
        Optional<TypedValue> lat = customer.attribute(d.latitude());
        Optional<TypedValue> lon = customer.attribute(d.longitude());
        if (lat.isEmpty() || lon.isEmpty() || !(lat.get() instanceof TypedValue.Number y)
                || !(lon.get() instanceof TypedValue.Number x)) {
            return false;
        }
        double phi1 = Math.toRadians(y.value().doubleValue());
        double phi2 = Math.toRadians(d.centreLatitude().doubleValue());
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(d.centreLongitude().doubleValue() - x.value().doubleValue());
        double a = Math.pow(Math.sin(dPhi / 2), 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(dLambda / 2), 2);
        double km = 2 * 6371.0088 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
        return km <= d.kilometres().doubleValue();
    }

    /** The first day of the calendar period and the first day after it. */
    private LocalDate[] calendarPeriod(Window.Calendar c) {
        LocalDate today = today();
        int months = c.unit() == Window.Calendar.Unit.QUARTER ? 3 : 12;
        LocalDate first;
        LocalDate after;
        if (c.unit() == Window.Calendar.Unit.WEEK) {
            first = today.with(java.time.DayOfWeek.MONDAY).minusWeeks(c.previous() ? 1 : 0);
            after = first.plusWeeks(1);
        } else if (c.unit() == Window.Calendar.Unit.MONTH) {
            first = LocalDate.of(today.getYear(), today.getMonth(), 1).minusMonths(c.previous() ? 1 : 0);
            after = first.plusMonths(1);
        } else {
            int startMonth = (today.getMonthValue() - 1) / months * months + 1;
            first = LocalDate.of(today.getYear(), startMonth, 1).minusMonths(c.previous() ? months : 0);
            after = first.plusMonths(months);
        }
        return new LocalDate[] {first, after};
    }

    private LocalDate today() {
        return now.atZone(zone).toLocalDate();
    }

    private LocalDate since(TimeSince ts, Customer customer) {
        if (ts.from() == TimeSince.From.STAGE_ENTERED) {
            return customer.stageHistory().get(customer.stageHistory().size() - 1).at().atZone(zone).toLocalDate();
        } else if (ts.from() == TimeSince.From.CREATED) {
            return customer.createdAt().atZone(zone).toLocalDate();
        }
        return customer.attribute(ts.attribute().get()).filter(v -> v instanceof TypedValue.Date)
                .map(v -> ((TypedValue.Date) v).value()).orElse(null);
    }

    /** The aggregate's value, null when missing; averages to 34 significant digits (amounts have few decimals). */
    private BigDecimal figure(Aggregate a, List<Interaction> interactions) {
        List<Interaction> passing = interactions.stream().filter(i -> passes(a.filter(), i))
                .filter(i -> inside(i, a.window())).toList();
        if (a instanceof Aggregate.Count) {
            return BigDecimal.valueOf(passing.size());
        } else if (a instanceof Aggregate.CountDistinct d) {
            List<TypedValue> values = new ArrayList<>();
            passing.stream().map(i -> i.properties().get(d.property())).filter(Objects::nonNull).forEach(v -> {
                if (values.stream().noneMatch(x -> compare(x, v).equals(Optional.of(0)))) {
                    values.add(v);
                }
            });
            return BigDecimal.valueOf(values.size());
        }
        Aggregate.Amount m = (Aggregate.Amount) a;
        List<BigDecimal> amounts = passing.stream().flatMap(i -> i.amount().stream())
                .filter(x -> x.currency().equals(m.currency())).map(Money::amount).toList();
        BigDecimal sum = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return switch (m.function()) {
            case SUM -> sum;
            case AVG -> amounts.isEmpty() ? null : sum.divide(BigDecimal.valueOf(amounts.size()),
                    MathContext.DECIMAL128);
            case MIN -> amounts.stream().min(BigDecimal::compareTo).orElse(null);
            case MAX -> amounts.stream().max(BigDecimal::compareTo).orElse(null);
        };
    }

    private static boolean passes(InteractionFilter f, Interaction i) {
        if (!f.types().isEmpty() && !f.types().contains(i.type())
                || f.channel().isPresent() && f.channel().get() != i.channel()
                || f.direction().isPresent() && f.direction().get() != i.direction()
                || f.campaign().isPresent() && !f.campaign().equals(i.campaign())) {
            return false;
        }
        return f.properties().entrySet().stream().allMatch(test -> i.properties().containsKey(test.getKey())
                && compare(i.properties().get(test.getKey()), test.getValue()).equals(Optional.of(0)));
    }

    /** Whether {@code i} is in the window: at or after its start, computed here from the documented rule. */
    private boolean inside(Interaction i, Optional<Window> window) {
        if (window.isEmpty()) {
            return true;
        }
        Window w = window.get();
        if (w.calendar().isPresent()) {
            LocalDate[] period = calendarPeriod(w.calendar().get());
            return !i.occurredAt().isBefore(period[0].atStartOfDay(zone).toInstant())
                    && i.occurredAt().isBefore(period[1].atStartOfDay(zone).toInstant());
        }
        Instant start;
        if (w.since().isPresent()) {
            start = w.since().get().atStartOfDay(zone).toInstant();
        } else if (w.unit() == ChronoUnit.HOURS) {
            start = now.minus(Duration.ofHours(w.amount()));
        } else {
            start = now.atZone(zone).toLocalDate().minusDays(w.amount() - 1).atStartOfDay(zone).toInstant();
        }
        return !i.occurredAt().isBefore(start);
    }

    private static boolean attribute(Condition c, Customer customer) {
        if (c instanceof Condition.Exists e) {
            return customer.attribute(e.attribute()).isPresent();
        } else if (c instanceof Condition.Compare cmp) {
            Optional<Integer> r = customer.attribute(cmp.attribute()).flatMap(v -> compare(v, cmp.value()));
            return r.isPresent() && cmp.operator().test(r.get());
        } else if (c instanceof Condition.In in) {
            return customer.attribute(in.attribute())
                    .map(v -> in.values().stream().anyMatch(x -> compare(v, x).equals(Optional.of(0))))
                    .orElse(false);
        } else if (c instanceof Condition.Between b) {
            return customer.attribute(b.attribute()).map(v -> compare(v, b.low()).map(r -> r >= 0).orElse(false)
                    && compare(v, b.high()).map(r -> r <= 0).orElse(false)).orElse(false);
        } else if (c instanceof Condition.Contains ct) {
            return customer.attribute(ct.attribute()).map(v -> v instanceof TypedValue.Text t
                    && t.value().contains(ct.text())).orElse(false);
        } else if (c instanceof Condition.StartsWith sw) {
            return customer.attribute(sw.attribute()).map(v -> v instanceof TypedValue.Text t
                    && t.value().startsWith(sw.prefix())).orElse(false);
        }
        return text(c, customer);
    }

    private static boolean text(Condition c, Customer customer) {
        if (c instanceof TextMatch tm) {
            return customer.attribute(tm.attribute()).map(v -> v instanceof TypedValue.Text t
                    && textMatch(tm, t.value())).orElse(false);
        } else if (c instanceof Matches m) {
            return customer.attribute(m.attribute()).map(v -> v instanceof TypedValue.Text t
                    && java.util.regex.Pattern.compile(m.pattern()).matcher(t.value()).find()).orElse(false);
        }
        EmailDomainIn e = (EmailDomainIn) c;
        return customer.contactPoints().stream().map(ContactPoint::value).filter(v -> v instanceof EmailAddress)
                .anyMatch(v -> e.domains().contains(((EmailAddress) v).address().replaceAll("^.*@", "")));
    }

    private static boolean textMatch(TextMatch tm, String value) {
        String v = tm.ignoreCase() ? value.toLowerCase(Locale.ROOT) : value;
        String x = tm.ignoreCase() ? tm.text().toLowerCase(Locale.ROOT) : tm.text();
        return switch (tm.test()) {
            case EQUALS -> v.equals(x);
            case STARTS_WITH -> v.startsWith(x);
            case ENDS_WITH -> v.endsWith(x);
            case CONTAINS -> v.contains(x);
        };
    }

    private static Optional<Integer> compare(TypedValue a, TypedValue b) {
        if (a instanceof TypedValue.Number x && b instanceof TypedValue.Number y) {
            return Optional.of(Integer.signum(x.value().compareTo(y.value())));
        } else if (a instanceof TypedValue.Date x && b instanceof TypedValue.Date y) {
            return Optional.of(Integer.signum(x.value().compareTo(y.value())));
        } else if (a instanceof TypedValue.Bool x && b instanceof TypedValue.Bool y) {
            return Optional.of(Boolean.compare(x.value(), y.value()));
        } else if (a instanceof TypedValue.Amount x && b instanceof TypedValue.Amount y) {
            return x.value().currency().equals(y.value().currency())
                    ? Optional.of(Integer.signum(x.value().amount().compareTo(y.value().amount())))
                    : Optional.empty();
        }
        Optional<String> sa = text(a);
        Optional<String> sb = text(b);
        return sa.isPresent() && sb.isPresent() ? Optional.of(Integer.signum(sa.get().compareTo(sb.get())))
                : Optional.empty();
    }

    private static Optional<String> text(TypedValue v) {
        if (v instanceof TypedValue.Text t) {
            return Optional.of(t.value());
        }
        return v instanceof TypedValue.Choice c ? Optional.of(c.value()) : Optional.empty();
    }
}
