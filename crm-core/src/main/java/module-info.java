/**
 * The crmkit engine: the {@link org.crmkit.Crm} facade, customer and interaction services, the in-memory stores,
 * the Caffeine caching decorator and the Jackson codec. Internal packages are not exported.
 */
module org.crmkit.core {
    requires transitive org.crmkit.spi;
    requires transitive org.crmkit.consent;
    requires transitive org.crmkit.segmentation;
    requires com.github.benmanes.caffeine;
    requires com.fasterxml.jackson.core;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires static org.jspecify;

    exports org.crmkit;
    exports org.crmkit.customer;
    exports org.crmkit.interaction;
    exports org.crmkit.analytics;
    exports org.crmkit.memory;
    exports org.crmkit.cache;
    exports org.crmkit.json;
    exports org.crmkit.event;

    uses org.crmkit.spi.storage.StorageProvider;

    provides org.crmkit.spi.event.EventCodec with org.crmkit.json.JsonEventCodec;
}
