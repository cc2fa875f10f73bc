package org.crmkit.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.crmkit.Crm;
import org.crmkit.customer.CustomerView;
import org.crmkit.customer.DuplicateCandidate;
import org.crmkit.customer.MergeResult;
import org.crmkit.spi.Money;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValueType;
import org.crmkit.spi.customer.AttributeDefinition;
import org.crmkit.spi.customer.AttributeSchema;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.customer.Organization;
import org.crmkit.spi.customer.Person;
import org.crmkit.json.CrmJson;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.interaction.AppendResult;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.interaction.VisitorId;

/**
 * A small web shop embedding crmkit: anonymous visitors who sign up, orders from the shop and the call centre, a
 * B2B account, a duplicate found and merged, and the 360° view of a customer. Deterministic: a simulated clock and a
 * fixed seed.
 */
final class WebShopDemo implements AutoCloseable {
    private static final String SHOP_NAME = "espresso-shop";

    private final PrintStream out;
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final Map<String, Integer> events = new TreeMap<>();
    private final Crm crm;
    private final DemoStore store;
    private TenantId shop = TenantId.of(SHOP_NAME);

    WebShopDemo(long seed, PrintStream out) {
        this(seed, out, DemoStore.MEMORY);
    }

    WebShopDemo(long seed, PrintStream out, DemoStore store) {
        this.out = out;
        this.store = store;
        this.crm = store.open().apply(Crm.builder())
                .clock(clock)
                .seed(seed)
                .defaultPhoneRegion("DE")
                .attributeSchema(AttributeSchema.of(
                        AttributeDefinition.enumeration("loyalty_tier", Set.of("bronze", "silver", "gold")),
                        AttributeDefinition.of("birthday", ValueType.DATE)))
                .eventSink(this::count)
                .build();
    }

    /** Runs the demo; writes the 360° export of Ann to {@code export} if given. */
    void run(Optional<Path> export) throws IOException {
        out.println("== crmkit demo: an espresso-machine web shop on " + store.describe() + " ==");
        shop = nextRun();
        VisitorId visitor = VisitorId.of("cookie-7f3a");
        browse(visitor, "/", "/machines/barista-pro", "/machines/barista-pro/reviews");
        out.println("An anonymous visitor looked at 3 pages.");

        clock.advance(Duration.ofMinutes(12));
        Customer ann = crm.customers().register(shop, Person.named("Ann", "Lee"), b -> b
                .contactPoint(ContactPoint.of(EmailAddress.parse("ann.lee@example.com"), ContactUsage.HOME)
                        .asPrimary().asVerified())
                .identity(ExternalIdentity.of("webshop", "acct-1001"))
                .attribute("loyalty_tier", TypedValue.choice("bronze"))
                .attribute("birthday", TypedValue.of(LocalDate.of(1990, 4, 17))));
        crm.customers().identify(shop, visitor, ann.id());
        out.println("The visitor signed up as " + ann.party().displayName() + " (" + ann.id()
                + ") and was identified: the earlier page views now belong to her.");

        clock.advance(Duration.ofMinutes(3));
        Interaction order = order(Subject.visitor(visitor), "order-5001", "649.00", Channel.WEB);
        AppendResult first = crm.interactions().record(order);
        AppendResult retried = crm.interactions().record(order);
        out.println("Order order-5001 recorded: " + first.appended() + "; the shop's webhook retried it: "
                + (retried.appended() ? "recorded twice!" : "recognised as a duplicate, nothing stored"));
        crm.customers().modify(shop, ann.id(), b -> b.stage(LifecycleStage.CUSTOMER, clock.instant()));

        clock.advance(Duration.ofDays(2));
        Customer bob = crm.customers().register(shop, Person.named("Bob", "Meyer"), b -> b
                .contactPoint(ContactPoint.of(crm.customers().phoneNumber("030 1234567"), ContactUsage.MOBILE)));
        call(bob, "Asked about descaling the Barista Pro");
        crm.interactions().record(order(Subject.customer(bob.id()), "phone-77", "89.90", Channel.PHONE));
        out.println("Bob Meyer called the call centre (his phone " + bob.contactPoints().get(0).value().key()
                + ") and ordered by phone.");

        clock.advance(Duration.ofHours(5));
        Customer acme = crm.customers().register(shop, Organization.named("Acme Office Coffee GmbH"),
                b -> b.identity(ExternalIdentity.of("erp", "K-20417")).stage(LifecycleStage.LEAD, clock.instant()));
        Customer carla = crm.customers().register(shop, Person.named("Carla", "Ruiz").contactOf(acme.id(), "Buyer"),
                b -> b.contactPoint(ContactPoint.of(EmailAddress.parse("c.ruiz@acme-coffee.example"),
                        ContactUsage.WORK)));
        out.println("B2B: " + carla.party().displayName() + " buys for " + acme.party().displayName()
                + " (ERP " + acme.identities().first() + ").");

        clock.advance(Duration.ofDays(20));
        Customer again = crm.customers().register(shop, Person.named("A.", "Lee"), b -> b
                .contactPoint(ContactPoint.of(EmailAddress.parse("Ann.Lee@Example.com"), ContactUsage.HOME))
                .contactPoint(ContactPoint.of(crm.customers().phoneNumber("0171 5550123"), ContactUsage.MOBILE))
                .identity(ExternalIdentity.of("loyalty", "LC-889910"))
                .attribute("loyalty_tier", TypedValue.choice("silver")));
        crm.interactions().record(order(Subject.customer(again.id()), "app-3", "24.50", Channel.PUSH));
        for (DuplicateCandidate d : crm.customers().findDuplicates(shop, again.id())) {
            out.println("Duplicate found: " + again.id() + " looks like " + d.customer().id() + " "
                    + d.reasons() + ".");
            MergeResult merged = crm.customers().merge(shop, d.customer().id(), again.id());
            out.println("Merged " + again.id() + " into " + merged.survivor().id() + "; conflicts resolved: "
                    + merged.record().fieldOrigins() + "; interactions moved: " + merged.movedInteractions() + ".");
        }
        out.println("Looking up the merged id now finds "
                + crm.customers().get(shop, again.id()).id() + ".");

        CustomerView view = crm.customers().view(shop, ann.id(), 3);
        printView(view);
        String json = CrmJson.builder().prettyPrinting(true).build().export360(view, clock.instant());
        out.println("Data-portability export (JSON): " + json.length() + " characters"
                + export.map(file -> ", written to " + file).orElse(" (--export FILE writes it)"));
        if (export.isPresent()) {
            Files.writeString(export.get(), json);
        }
        out.println();
        crm.events().flush();
        out.println("Domain events published: " + events);
    }

    private void browse(VisitorId visitor, String... paths) {
        for (String path : paths) {
            clock.advance(Duration.ofSeconds(40));
            crm.interactions().record(Interaction.builder(shop, crm.interactions().newId(), Subject.visitor(visitor),
                    Channel.WEB, InteractionType.PAGE_VIEW, clock.instant())
                    .property("path", TypedValue.of(path)).source("webshop", "pv-" + clock.millis()).build());
        }
    }

    private void call(Customer customer, String note) {
        crm.interactions().record(Interaction.builder(shop, crm.interactions().newId(),
                Subject.customer(customer.id()), Channel.PHONE, InteractionType.CALL, clock.instant())
                .property("note", TypedValue.of(note)).property("duration_s", TypedValue.of(312))
                .source("call_center", "call-" + clock.millis()).build());
    }

    private Interaction order(Subject subject, String orderId, String amount, Channel channel) {
        return Interaction.builder(shop, crm.interactions().newId(), subject, channel, InteractionType.ORDER_PLACED,
                clock.instant()).amount(Money.of(amount, "EUR")).source("webshop", orderId).build();
    }

    private void printView(CustomerView view) {
        Customer c = view.customer();
        out.println();
        out.println("== 360-degree view of " + c.party().displayName() + " (" + c.id() + ", version " + c.version()
                + ") ==");
        out.println("Stage:        " + c.stage() + " (history " + c.stageHistory().size() + " transitions)");
        c.contactPoints().forEach(p -> out.println("Contact:      " + p.value().key() + " " + p.usage()
                + (p.primary() ? " primary" : "") + (p.verified() ? " verified" : "")));
        out.println("Identities:   " + c.identities());
        out.println("Attributes:   " + c.attributes().keySet());
        out.println("Interactions: " + view.figures().interactions() + ", first " + view.figures().firstContact()
                .map(Instant::toString).orElse("-") + ", last "
                + view.figures().lastContact().map(Instant::toString).orElse("-"));
        out.println("Orders:       " + view.figures().orders() + ", revenue " + view.figures().revenue()
                + ", preferred channel " + view.figures().preferredChannel().map(Enum::name).orElse("-"));
        for (Map.Entry<Channel, Page<Interaction>> e : view.recent().entrySet()) {
            out.println("Recent on " + e.getKey() + ":");
            for (Interaction i : e.getValue().items()) {
                out.println("  " + i.occurredAt() + "  " + i.direction() + " " + i.type()
                        + i.amount().map(m -> "  " + m).orElse("")
                        + (i.properties().get("path") instanceof TypedValue.Text path ? "  " + path.value() : ""));
            }
        }
    }

    /**
     * The tenant of this run: the shop itself on a new store, else the shop's next run (so that a second run on a
     * database keeps the first's customers and tells of them).
     */
    private TenantId nextRun() {
        int run = 1;
        TenantId tenant = TenantId.of(SHOP_NAME);
        while (crm.storage().customers().count(tenant) > 0) {
            List<String> names = crm.storage().customers().scan(tenant, Optional.empty(), 10).items().stream()
                    .map(c -> c.party().displayName()).toList();
            out.println("The store keeps run " + run + "'s " + crm.storage().customers().count(tenant)
                    + " customers: " + String.join(", ", names) + ".");
            run++;
            tenant = TenantId.of(SHOP_NAME + "-" + run);
        }
        if (run > 1) {
            out.println("This is run " + run + ", in tenant " + tenant + ".");
        }
        return tenant;
    }

    private void count(DomainEvent event) {
        events.merge(event.getClass().getSimpleName(), 1, Integer::sum);
    }

    /** Stops the demo engine's event relay. */
    @Override
    public void close() {
        crm.close();
    }
}
