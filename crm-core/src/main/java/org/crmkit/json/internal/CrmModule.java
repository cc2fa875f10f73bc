package org.crmkit.json.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.module.SimpleModule;

import org.crmkit.consent.ConsentReceipt;
import org.crmkit.customer.CustomerFigures;
import org.crmkit.customer.CustomerView;
import org.crmkit.customer.Revenue;
import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.campaign.CampaignId;
import org.crmkit.spi.customer.ContactKind;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.customer.MergeRecord;
import org.crmkit.spi.customer.Party;
import org.crmkit.spi.customer.StageTransition;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Direction;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.interaction.VisitorId;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.Operator;
import org.crmkit.spi.segment.SegmentChange;
import org.crmkit.spi.segment.SegmentDefinition;
import org.crmkit.spi.segment.Window;

/**
 * Assembles the Jackson module of the crmkit model: a serializer and a deserializer per model type (for a sealed
 * type, one serializer for the interface and a deserializer for the interface and for each case). Conditions and
 * segment definitions are read nested at most as deep as {@link ConditionCodec#MAX_LEVELS} allows, whatever the
 * parser's own limit. Thread-safe.
 */
public final class CrmModule {
    /** The module's name, as Jackson reports it. */
    public static final String NAME = "crmkit";

    private static final Set<Class<?>> READABLE = Collections.unmodifiableSet(register(new SimpleModule(NAME)));

    private CrmModule() {
    }

    /** Writes one value. */
    @FunctionalInterface
    interface Writer<T> {
        void write(T value, JsonGenerator generator) throws IOException;
    }

    /** Reads one value from its tree. */
    @FunctionalInterface
    interface Reader<T> {
        T read(JsonIn in);
    }

    /** A new module with every serializer and deserializer of the model. */
    public static SimpleModule create() {
        SimpleModule module = new SimpleModule(NAME);
        register(module);
        return module;
    }

    /** The types the module can read. */
    public static Set<Class<?>> readableTypes() {
        return READABLE;
    }

    private static Set<Class<?>> register(SimpleModule m) {
        Set<Class<?>> readable = new LinkedHashSet<>();
        Registry r = new Registry(m, readable);
        r.add(TenantId.class, (v, g) -> g.writeString(v.value()), in -> in.string(TenantId::of));
        r.add(CustomerId.class, (v, g) -> g.writeString(v.value()), in -> in.string(CustomerId::of));
        r.add(InteractionId.class, (v, g) -> g.writeString(v.value()), in -> in.string(InteractionId::of));
        r.add(VisitorId.class, (v, g) -> g.writeString(v.value()), in -> in.string(VisitorId::of));
        r.add(CampaignId.class, (v, g) -> g.writeString(v.value()), in -> in.string(CampaignId::of));
        r.add(EventId.class, (v, g) -> g.writeString(v.value().toString()),
                ValueCodec::readEventId);
        r.add(InteractionType.class, (v, g) -> g.writeString(v.name()), in -> in.string(InteractionType::of));
        r.constant(LifecycleStage.class);
        r.constant(ContactKind.class);
        r.constant(ContactUsage.class);
        r.constant(Channel.class);
        r.constant(Direction.class);
        r.add(Money.class, ValueCodec::writeMoney, ValueCodec::readMoney);
        r.sealed(TypedValue.class, ValueCodec::writeTypedValue, ValueCodec::readTypedValue);
        r.sealed(Party.class, CustomerCodec::writeParty, CustomerCodec::readParty);
        r.sealed(ContactValue.class, ContactCodec::writeContactValue, ContactCodec::readContactValue);
        r.add(ContactPoint.class, ContactCodec::writeContactPoint, ContactCodec::readContactPoint);
        r.add(ExternalIdentity.class, CustomerCodec::writeIdentity, CustomerCodec::readIdentity);
        r.add(StageTransition.class, CustomerCodec::writeTransition, CustomerCodec::readTransition);
        r.add(Customer.class, CustomerCodec::writeCustomer, CustomerCodec::readCustomer);
        r.add(MergeRecord.class, CustomerCodec::writeMergeRecord, CustomerCodec::readMergeRecord);
        r.sealed(Subject.class, InteractionCodec::writeSubject, InteractionCodec::readSubject);
        r.add(Interaction.class, InteractionCodec::writeInteraction, InteractionCodec::readInteraction);
        r.sealed(DomainEvent.class, EventCodec::writeEvent, EventCodec::readEvent);
        r.add(Revenue.class, ViewCodec::writeRevenue, ViewCodec::readRevenue);
        r.add(CustomerFigures.class, ViewCodec::writeFigures, ViewCodec::readFigures);
        r.constant(Operator.class);
        r.constant(SegmentChange.Kind.class);
        r.add(Window.class, ConditionCodec::writeWindow, ConditionCodec::readWindow);
        r.add(InteractionFilter.class, ConditionCodec::writeFilter, ConditionCodec::readFilter);
        r.sealed(Condition.class, ConditionCodec::writeCondition, ConditionCodec::readCondition,
                conditionNesting(ConditionCodec.MAX_LEVELS));
        r.add(SegmentDefinition.class, SegmentCodec::writeDefinition, SegmentCodec::readDefinition,
                conditionNesting(ConditionCodec.MAX_LEVELS + 1));
        r.add(SegmentChange.class, SegmentCodec::writeChange, SegmentCodec::readChange);
        m.addSerializer(CustomerView.class, new WriterSerializer<>(CustomerView.class, ViewCodec::writeView));
        m.addSerializer(ConsentReceipt.class, new WriterSerializer<>(ConsentReceipt.class,
                ConsentCodec::writeReceipt));
        return readable;
    }

    /** A bound of {@code levels} for a value whose deepest part is a condition. */
    private static TreeReader.Nesting conditionNesting(int levels) {
        return new TreeReader.Nesting(levels, "nesting deeper than " + levels + " levels, more than a condition of at"
                + " most " + ConditionCodec.MAX_NESTING + " nested and, or, not needs");
    }

    /** Adds serializers and deserializers to a module and records the readable types. */
    private record Registry(SimpleModule module, Set<Class<?>> readable) {
        <T> void add(Class<T> type, Writer<T> writer, Reader<T> reader) {
            add(type, writer, reader, TreeReader.Nesting.UNBOUNDED);
        }

        <T> void add(Class<T> type, Writer<T> writer, Reader<T> reader, TreeReader.Nesting nesting) {
            module.addSerializer(type, new WriterSerializer<>(type, writer));
            deserializer(type, reader, nesting);
        }

        <E extends Enum<E>> void constant(Class<E> type) {
            add(type, (v, g) -> g.writeString(EnumNames.of(v)), in -> in.constant(type));
        }

        /** The interface's serializer serves every case; each case also reads, refusing the other cases. */
        <T> void sealed(Class<T> type, Writer<T> writer, Reader<T> reader) {
            sealed(type, writer, reader, TreeReader.Nesting.UNBOUNDED);
        }

        <T> void sealed(Class<T> type, Writer<T> writer, Reader<T> reader, TreeReader.Nesting nesting) {
            add(type, writer, reader, nesting);
            for (Class<?> c : type.getPermittedSubclasses()) {
                caseOf(c, reader, nesting);
            }
        }

        private <C> void caseOf(Class<C> type, Reader<?> reader, TreeReader.Nesting nesting) {
            deserializer(type, in -> {
                Object value = reader.read(in);
                if (!type.isInstance(value)) {
                    throw in.fail("is not a " + type.getSimpleName());
                }
                return type.cast(value);
            }, nesting);
        }

        private <T> void deserializer(Class<T> type, Reader<T> reader, TreeReader.Nesting nesting) {
            module.addDeserializer(type, new ReaderDeserializer<>(type, reader, nesting));
            readable.add(type);
        }
    }
}
