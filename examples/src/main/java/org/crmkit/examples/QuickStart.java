package org.crmkit.examples;

import java.time.Clock;

import org.crmkit.Crm;
import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;

/** The README's quick start, compiled and run by a test so that it stays true. */
public final class QuickStart {
    private QuickStart() {
    }

    public static void main(String[] args) {
        try (Crm crm = Crm.builder()
                .clock(Clock.systemUTC())
                .defaultPhoneRegion("DE")
                .eventSink(event -> System.out.println("event: " + event.getClass().getSimpleName()))
                .build()) {                                  // in-memory storage unless you give your own
            run(crm);
        }                                                    // close() delivers what is due and stops the relay
    }

    private static void run(Crm crm) {
        TenantId shop = TenantId.DEFAULT;
        Customer ann = crm.customers().register(shop, Person.named("Ann", "Lee"), b -> b
                .contactPoint(ContactPoint.of(EmailAddress.parse("Ann.Lee@example.com"), ContactUsage.HOME)
                        .asPrimary())
                .identity(ExternalIdentity.of("webshop", "acct-1001")));
        crm.interactions().record(Interaction.builder(shop, crm.interactions().newId(), Subject.customer(ann.id()),
                        Channel.WEB, InteractionType.ORDER_PLACED, crm.clock().instant())
                .amount(Money.of("649.00", "EUR"))
                .source("webshop", "order-5001")
                .build());
        System.out.println(crm.customers().findByEmail(shop, "ann.lee@EXAMPLE.com"));
        System.out.println(crm.customers().view(shop, ann.id(), 10).figures());
    }
}
