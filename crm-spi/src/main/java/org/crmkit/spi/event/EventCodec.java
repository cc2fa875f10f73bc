package org.crmkit.spi.event;

/**
 * Domain events as text, for a storage that keeps its outbox outside the JVM (the Jakarta Persistence adapter keeps
 * each pending event as a column). {@code crm-core} provides one ({@code CrmJson.create().eventCodec()}, JSON); a
 * storage takes it from its host, so that storages need no JSON library of their own.
 *
 * <p>Lossless: {@code decode(encode(e))} equals {@code e} for every event. Implementations are thread-safe.
 */
public interface EventCodec {
    /** The event as text. */
    String encode(DomainEvent event);

    /**
     * The event {@code text} holds.
     *
     * @throws org.crmkit.spi.CrmException if {@code text} is not an event this codec wrote
     */
    DomainEvent decode(String text);
}
