/**
 * The crmkit contract: model value types, ports and events. Depends on the JDK alone (jspecify annotations are
 * compile-time only).
 */
module org.crmkit.spi {
    requires static org.jspecify;

    exports org.crmkit.spi;
    exports org.crmkit.spi.customer;
    exports org.crmkit.spi.interaction;
    exports org.crmkit.spi.campaign;
    exports org.crmkit.spi.event;
    exports org.crmkit.spi.segment;
    exports org.crmkit.spi.consent;
    exports org.crmkit.spi.score;
    exports org.crmkit.spi.storage;
}
