package org.crmkit.json;

import org.crmkit.spi.Checks;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventCodec;

/**
 * Domain events as compact JSON, for a storage's outbox: what {@link CrmJson#eventCodec()} gives, and what a storage
 * provider finds with {@link java.util.ServiceLoader} (crm-core provides it as the {@link EventCodec} service). A
 * failure to read is a {@link JsonCodecException} naming the JSONPath at fault. Immutable and thread-safe.
 */
public final class JsonEventCodec implements EventCodec {
    private final CrmJson json;

    /** The codec of {@link CrmJson#create()}. */
    public JsonEventCodec() {
        this(CrmJson.create());
    }

    JsonEventCodec(CrmJson json) {
        this.json = json;
    }

    @Override
    public String encode(DomainEvent event) {
        return json.write(Checks.notNull(event, "event"));
    }

    @Override
    public DomainEvent decode(String text) {
        return json.read(Checks.notNull(text, "text"), DomainEvent.class);
    }
}
