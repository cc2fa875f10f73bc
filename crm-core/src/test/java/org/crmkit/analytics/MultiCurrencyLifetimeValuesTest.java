package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.crmkit.analytics.Shop.T;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.Crm;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.scoring.ExchangeRates;
import org.crmkit.scoring.Purchase;
import org.crmkit.scoring.SyntheticPurchases;
import org.crmkit.spi.Money;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.junit.jupiter.api.Test;

/** Lifetime values through the facade in a tenant whose orders are in several currencies, some without an amount. */
class MultiCurrencyLifetimeValuesTest {
    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency USD = Currency.getInstance("USD");

    final Shop shop = new Shop(new InMemoryStorage());
    final Crm crm = shop.engine(5);
    final Map<String, Customer> customers = new HashMap<>();
    final LocalDate start = LocalDate.ofInstant(shop.clock.instant(), ZoneOffset.UTC);

    /** 80 customers buying as the models draw it over 39 weeks, each purchase recorded in {@code currency}. */
    void trade(String currency) {
        SyntheticPurchases drawn = SyntheticPurchases.builder().seed(11).customers(80)
                .purchaseProcess(0.24, 4.41, 0.79, 2.43).spend(6.25, 3.74, 15.44)
                .births(start, start.plusWeeks(12)).observationEnd(start.plusWeeks(39)).build();
        List<Purchase> purchases = new ArrayList<>(drawn.purchases());
        purchases.sort(Comparator.comparing(Purchase::date));
        for (Purchase p : purchases) {
            Money amount = Money.of(p.amount().setScale(2, RoundingMode.HALF_UP), Currency.getInstance(currency));
            order(customer(p.customerKey()), p.date(), Optional.of(amount));
        }
        shop.clock.set(start.plusWeeks(39).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    Customer customer(String key) {
        return customers.computeIfAbsent(key, k -> Shop.register(crm, "C" + k));
    }

    void order(Customer c, LocalDate day, Optional<Money> amount) {
        Interaction.Builder b = Interaction.builder(T, crm.interactions().newId(), Subject.customer(c.id()),
                Channel.WEB, InteractionType.ORDER_PLACED, day.atStartOfDay(ZoneOffset.UTC).toInstant());
        amount.ifPresent(b::amount);
        crm.interactions().record(b.build());
    }

    @Test
    void lifetimeValues_ordersInAnotherCurrencyOrWithoutAmount_areLeftOutAndCounted() {
        trade("EUR");
        LifetimeValues before = crm.analytics().lifetimeValues(T, EUR, 26);
        Customer ann = customer("ann");
        order(ann, start.plusWeeks(2), Optional.of(Money.of("40.00", "USD")));
        order(ann, start.plusWeeks(3), Optional.of(Money.of("50.00", "USD")));
        order(ann, start.plusWeeks(4), Optional.empty());
        order(customer("1"), start.plusWeeks(20), Optional.empty());

        LifetimeValues after = crm.analytics().lifetimeValues(T, EUR, 26);

        assertThat(before.excluded().isEmpty()).isTrue();
        assertThat(after.excluded().otherCurrency()).containsExactly(entry(USD, 2L));
        assertThat(after.excluded().withoutAmount()).isEqualTo(2);
        assertThat(after.customers()).isEqualTo(before.customers());
        assertThat(after.purchases()).isEqualTo(before.purchases());
        assertThat(crm.analytics().score(T, ann.id(), "clv.expected_value")).isEmpty();
    }

    @Test
    void lifetimeValues_withRatesOfOne_equalTheValuesInTheOrdersOwnCurrency() {
        trade("USD");
        LifetimeValues inUsd = crm.analytics().lifetimeValues(T, USD, 26);

        LifetimeValues converted = crm.analytics().lifetimeValues(T, EUR, 26,
                (from, to, at) -> Optional.of(BigDecimal.ONE));

        assertThat(converted.customers()).isEqualTo(inUsd.customers());
        assertThat(converted.spend()).isEqualTo(inUsd.spend());
        assertThat(converted.excluded().isEmpty()).isTrue();
    }

    @Test
    void lifetimeValues_ratesThatFail_areRefusedNamingRates_andNothingIsStored() {
        trade("USD");
        int scoreEvents = shop.written(DomainEvent.ScoreChanged.class).size();
        ExchangeRates failing = (from, to, at) -> {
            throw new IllegalStateException("rate service down");
        };

        assertThatThrownBy(() -> crm.analytics().lifetimeValues(T, EUR, 26, failing))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("rates"));
        assertThat(shop.written(DomainEvent.ScoreChanged.class)).hasSize(scoreEvents);
    }

    @Test
    void lifetimeValues_nullArguments_areRefusedNamingThem() {
        Map<String, Runnable> calls = Map.of(
                "tenant", () -> crm.analytics().lifetimeValues(null, EUR, 26),
                "currency", () -> crm.analytics().lifetimeValues(T, null, 26),
                "rates", () -> crm.analytics().lifetimeValues(T, EUR, 26, null));

        calls.forEach((argument, call) -> assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(argument)));
    }
}
