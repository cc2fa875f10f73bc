package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import org.crmkit.Crm;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.scoring.ExchangeRates;
import org.crmkit.scoring.RfmAnalysis;
import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.score.Score;
import org.crmkit.spi.storage.Storage;
import org.crmkit.spi.tck.MutableClock;
import org.junit.jupiter.api.Test;

/** RFM through the facade in a tenant whose orders are in several currencies, some without an amount. */
class MultiCurrencyRfmTest {
    static final TenantId T = TenantId.of("shop");
    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency USD = Currency.getInstance("USD");

    final Shop shop = new Shop(new InMemoryStorage());
    final MutableClock clock = shop.clock;
    final Storage storage = shop.storage;
    final Crm crm = shop.engine(3);
    final Customer ann = register("Ann");
    final Customer bob = register("Bob");

    Customer register(String given) {
        return crm.customers().register(T, Person.named(given, "Lee"), b -> b);
    }

    void order(Customer c, String id, String amount, String currency) {
        record(c, id, Optional.of(Money.of(amount, currency)));
    }

    void record(Customer c, String id, Optional<Money> amount) {
        Interaction.Builder b = Interaction.builder(T, crm.interactions().newId(), Subject.customer(c.id()),
                Channel.WEB, InteractionType.ORDER_PLACED, clock.instant()).source("shop", id);
        amount.ifPresent(b::amount);
        crm.interactions().record(b.build());
    }

    Optional<Double> stored(Customer c, String score) {
        return crm.analytics().score(T, c.id(), score);
    }

    @Test
    void rfm_ordersInAnotherCurrency_areLeftOutAndCounted() {
        order(ann, "o1", "20.00", "EUR");
        order(ann, "o2", "30.00", "USD");
        order(bob, "o3", "99.00", "USD");

        RfmAnalysis analysis = crm.analytics().rfm(T, EUR);

        assertThat(analysis.size()).isEqualTo(1);
        assertThat(analysis.score(ann.id()).orElseThrow().frequency()).isEqualTo(1);
        assertThat(analysis.score(ann.id()).orElseThrow().monetary()).contains(Money.of("20.00", "EUR"));
        assertThat(analysis.score(bob.id())).isEmpty();
        assertThat(analysis.excluded().otherCurrency()).containsExactly(entry(USD, 2L));
        assertThat(stored(ann, "rfm.monetary")).isPresent();
        assertThat(stored(bob, "rfm.recency")).isEmpty();
    }

    @Test
    void rfm_eachCurrencyOfTheTenant_scoresItsOwnOrders() {
        order(ann, "o1", "20.00", "EUR");
        order(bob, "o2", "99.00", "USD");

        RfmAnalysis inUsd = crm.analytics().rfm(T, USD);

        assertThat(inUsd.scores()).extracting(s -> s.customerId()).containsExactly(bob.id());
        assertThat(inUsd.excluded().otherCurrency()).containsExactly(entry(EUR, 1L));
    }

    @Test
    void rfm_ordersWithoutAmount_countInRecencyAndFrequency_butNoMonetaryIsStored() {
        Customer cid = register("Cid");
        order(ann, "o1", "20.00", "EUR");
        record(ann, "o2", Optional.empty());
        order(bob, "o3", "200.00", "EUR");
        record(cid, "o4", Optional.empty());

        RfmAnalysis analysis = crm.analytics().rfm(T, EUR);

        assertThat(analysis.score(ann.id()).orElseThrow().frequency()).isEqualTo(2);
        assertThat(analysis.score(ann.id()).orElseThrow().monetary()).contains(Money.of("20.00", "EUR"));
        assertThat(analysis.score(cid.id()).orElseThrow().monetary()).isEmpty();
        assertThat(analysis.excluded().withoutAmount()).isEqualTo(2);
        assertThat(stored(cid, "rfm.recency")).isPresent();
        assertThat(stored(cid, "rfm.frequency")).isPresent();
        assertThat(stored(cid, "rfm.monetary")).isEmpty();
        crm.analytics().catalog(T).define("low_spenders", "rfm.monetary <= 1");
        assertThat(crm.analytics().members(T, "low_spenders")).containsExactly(ann.id());
    }

    @Test
    void rfm_withRates_convertsAtTheOrdersInstant_roundingHalfEven_andStoresTheScores() {
        Instant first = clock.instant();
        order(ann, "o1", "10.05", "USD");
        clock.advance(Duration.ofDays(1));
        order(ann, "o2", "1.00", "EUR");
        order(bob, "o3", "3.00", "EUR");
        List<String> asked = new ArrayList<>();
        ExchangeRates rates = (from, to, at) -> {
            asked.add(from + ">" + to + "@" + at);
            return Optional.of(new BigDecimal("0.5"));
        };

        RfmAnalysis analysis = crm.analytics().rfm(T, EUR, rates);

        // 10.05 USD × 0.5 = 5.025 EUR, rounded half-even to 5.02
        assertThat(analysis.score(ann.id()).orElseThrow().monetary()).contains(Money.of("6.02", "EUR"));
        assertThat(analysis.excluded().isEmpty()).isTrue();
        assertThat(asked).containsExactly("USD>EUR@" + first);
        assertThat(stored(ann, "rfm.monetary")).contains(3.0);
        assertThat(stored(bob, "rfm.monetary")).contains(1.0);
    }

    @Test
    void rfm_ratesThatFail_areRefusedNamingRates_andNothingIsStored() {
        order(ann, "o1", "20.00", "EUR");
        crm.analytics().rfm(T, EUR);
        SortedMap<String, Score> before = storage.scores().find(T, ann.id());
        int scoreEvents = scoreEvents();
        order(bob, "o2", "50.00", "USD");
        order(ann, "o3", "70.00", "EUR");

        List<ExchangeRates> failing = List.of(
                (from, to, at) -> {
                    throw new IllegalStateException("rate service down");
                },
                (from, to, at) -> Optional.of(BigDecimal.ZERO),
                (from, to, at) -> null);
        for (ExchangeRates rates : failing) {
            assertThatThrownBy(() -> crm.analytics().rfm(T, EUR, rates))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("rates"));
        }

        assertThat(storage.scores().find(T, ann.id())).isEqualTo(before);
        assertThat(storage.scores().find(T, bob.id())).isEmpty();
        assertThat(scoreEvents()).isEqualTo(scoreEvents);
    }

    @Test
    void rfm_nullArguments_areRefusedNamingThem() {
        Map<String, Runnable> calls = Map.of(
                "tenant", () -> crm.analytics().rfm(null, EUR),
                "currency", () -> crm.analytics().rfm(T, null),
                "rates", () -> crm.analytics().rfm(T, EUR, null));

        calls.forEach((argument, call) -> assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(argument)));
        assertThatThrownBy(() -> crm.analytics().profiles(T, null, 2, 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("analysis"));
    }

    @Test
    void profiles_customersWithoutMonetary_getNoCluster() {
        Customer cid = register("Cid");
        order(ann, "o1", "300.00", "EUR");
        order(bob, "o2", "3.00", "EUR");
        record(cid, "o3", Optional.empty());

        crm.analytics().profiles(T, crm.analytics().rfm(T, EUR), 2, 5);

        assertThat(stored(ann, "rfm.cluster")).isPresent();
        assertThat(stored(bob, "rfm.cluster")).isPresent();
        assertThat(stored(cid, "rfm.cluster")).isEmpty();
    }

    private int scoreEvents() {
        return shop.written(DomainEvent.ScoreChanged.class).size();
    }
}
