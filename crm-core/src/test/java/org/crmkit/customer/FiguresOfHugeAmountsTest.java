package org.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;

import org.crmkit.Crm;
import org.crmkit.json.CrmJson;
import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.tck.MutableClock;
import org.junit.jupiter.api.Test;

/** Valid amounts at the top of Money's range: the 360° view and its export add them up without overflowing. */
class FiguresOfHugeAmountsTest {
    static final TenantId T = TenantId.of("t1");
    static final Currency EUR = Currency.getInstance("EUR");

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    final Crm crm = Crm.builder().clock(clock).seed(11).build();
    final CrmJson json = CrmJson.create();

    void record(Customer c, InteractionType type, String amount, String externalId) {
        clock.advance(Duration.ofMinutes(1));
        crm.interactions().record(Interaction.builder(T, crm.interactions().newId(), Subject.customer(c.id()),
                Channel.WEB, type, clock.instant()).amount(Money.of(amount, "EUR")).source("shop", externalId)
                .build());
    }

    @Test
    void twoLargestOrders_areSummedInTheViewAndTheExport() {
        Customer ann = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b);
        record(ann, InteractionType.ORDER_PLACED, "999999999999999999.00", "o1");
        record(ann, InteractionType.ORDER_PLACED, "999999999999999999.00", "o2");

        CustomerView view = crm.customers().view(T, ann.id(), 10);
        String export = json.export360(view, clock.instant());

        assertThat(view.figures().revenue()).containsExactly(new Revenue(new BigDecimal("1999999999999999998"), EUR));
        assertThat(export).contains("\"orders\":2,\"revenue\":[{\"amount\":\"1999999999999999998.00\","
                + "\"currency\":\"EUR\"}]");
        assertThat(json.read(json.write(view.figures()), CustomerFigures.class)).isEqualTo(view.figures());
    }

    @Test
    void manyLargestOrdersAndReturns_areSummedExactly() {
        Customer ann = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b);
        for (int i = 0; i < 300; i++) {
            record(ann, InteractionType.ORDER_PLACED, "999999999999999999.99", "o" + i);
        }
        for (int i = 0; i < 100; i++) {
            record(ann, InteractionType.ORDER_RETURNED, "-999999999999999999.99", "r" + i);
        }

        CustomerFigures figures = crm.customers().view(T, ann.id(), 1).figures();

        assertThat(figures.orders()).isEqualTo(300);
        assertThat(figures.revenue()).singleElement()
                .satisfies(r -> assertThat(r.amount()).isEqualTo(new BigDecimal("199999999999999999998.00")));
        assertThat(json.export360(crm.customers().view(T, ann.id(), 1), clock.instant()))
                .contains("{\"amount\":\"199999999999999999998.00\",\"currency\":\"EUR\"}");
    }
}
