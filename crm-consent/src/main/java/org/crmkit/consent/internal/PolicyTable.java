package org.crmkit.consent.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.crmkit.consent.Audience;
import org.crmkit.consent.ConsentPolicy;
import org.crmkit.consent.ContactRule;
import org.crmkit.consent.PressureCap;
import org.crmkit.consent.UnknownChannelException;
import org.crmkit.consent.UnknownPurposeException;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.Customer;

/**
 * The policy {@link ConsentPolicy.Builder} builds: rules compiled into arrays by audience, channel ordinal and
 * purpose index. Immutable and thread-safe.
 */
public final class PolicyTable implements ConsentPolicy {
    /** A rule's key; a {@code null} audience stands for every audience without its own rule. */
    public record Key(Audience audience, ConsentChannel channel, Purpose purpose) {
    }

    private final Map<Purpose, Integer> purposeIndex = new HashMap<>();
    private final Purpose[] purposeOrder;
    private final Set<Purpose> purposes;
    private final Set<ConsentChannel> channels;
    private final boolean[] governed = new boolean[ConsentChannel.values().length];
    private final ContactRule[][] common;
    private final Map<Audience, ContactRule[][]> byAudience = new HashMap<>();
    private final Map<ConsentChannel, List<PressureCap>> caps = new EnumMap<>(ConsentChannel.class);
    private final Function<Customer, Audience> audiences;
    private final Audience defaultAudience;
    private final Duration confirmationWindow;

    public PolicyTable(Map<Purpose, ContactRule> purposeRules, Map<Key, ContactRule> rules, List<PressureCap> capList,
                       Set<ConsentChannel> channels, Function<Customer, Audience> audiences,
                       Audience defaultAudience, Duration confirmationWindow) {
        this.purposes = Collections.unmodifiableSet(new LinkedHashSet<>(purposeRules.keySet()));
        for (Purpose p : purposes) {
            purposeIndex.put(p, purposeIndex.size());
        }
        this.purposeOrder = purposes.toArray(new Purpose[0]);
        this.channels = Collections.unmodifiableSet(EnumSet.copyOf(channels));
        channels.forEach(c -> governed[c.ordinal()] = true);
        this.common = table();
        purposeRules.forEach((p, r) -> {
            for (ContactRule[] row : common) {
                row[purposeIndex.get(p)] = r;
            }
        });
        rules.forEach((k, r) -> {
            if (k.audience() == null) {
                common[k.channel().ordinal()][purposeIndex.get(k.purpose())] = r;
            }
        });
        rules.forEach((k, r) -> {
            if (k.audience() != null) {
                byAudience.computeIfAbsent(k.audience(), a -> copy(common))
                        [k.channel().ordinal()][purposeIndex.get(k.purpose())] = r;
            }
        });
        for (ConsentChannel c : ConsentChannel.values()) {
            List<PressureCap> list = new ArrayList<>();
            capList.stream().filter(cap -> cap.channels().contains(c)).forEach(list::add);
            caps.put(c, List.copyOf(list));
        }
        this.audiences = audiences;
        this.defaultAudience = defaultAudience;
        this.confirmationWindow = confirmationWindow;
    }

    private ContactRule[][] table() {
        return new ContactRule[ConsentChannel.values().length][purposeIndex.size()];
    }

    private ContactRule[][] copy(ContactRule[][] source) {
        ContactRule[][] t = table();
        for (int i = 0; i < source.length; i++) {
            System.arraycopy(source[i], 0, t[i], 0, source[i].length);
        }
        return t;
    }

    @Override
    public Set<Purpose> purposes() {
        return purposes;
    }

    @Override
    public Set<ConsentChannel> channels() {
        return channels;
    }

    @Override
    public Audience audienceOf(Customer customer) {
        return audiences.apply(customer);
    }

    @Override
    public Audience defaultAudience() {
        return defaultAudience;
    }

    @Override
    public ContactRule rule(Audience audience, ConsentChannel channel, Purpose purpose) {
        int p = indexOf(purpose);
        if (!governed[channel.ordinal()]) {
            throw new UnknownChannelException(channel.name());
        }
        ContactRule[][] t = byAudience.isEmpty() ? null : byAudience.get(audience);
        return (t == null ? common : t)[channel.ordinal()][p];
    }

    /** The purpose's index: the constants a host passes are found by identity, others by a hash lookup. */
    private int indexOf(Purpose purpose) {
        for (int i = 0; i < purposeOrder.length; i++) {
            if (purposeOrder[i] == purpose) {
                return i;
            }
        }
        Integer p = purposeIndex.get(purpose);
        if (p == null) {
            throw new UnknownPurposeException(purpose);
        }
        return p;
    }

    @Override
    public List<PressureCap> caps(ConsentChannel channel) {
        return caps.get(channel);
    }

    @Override
    public Duration confirmationWindow() {
        return confirmationWindow;
    }
}
