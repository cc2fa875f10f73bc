package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.consent.Fixtures.TENANT;

import java.time.Duration;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.CustomerId;

class TokenProperties {
    @Property(tries = 500, seed = "42")
    void randomText_isRefusedWithInvalidTokenOnly_andChangesNothing(@ForAll @StringLength(max = 200) String text) {
        Fixtures f = new Fixtures();

        assertThatThrownBy(() -> f.consents.unsubscribe(text)).isInstanceOf(InvalidTokenException.class);
        assertThat(f.store.size()).isZero();
    }

    @Property(tries = 1000, seed = "42")
    void everySingleBitFlip_isRefusedWithInvalidTokenOnly_andChangesNothing(
            @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll @IntRange(min = 0, max = 15) int bit) {
        Fixtures f = new Fixtures();
        CustomerId ann = f.person("ann");
        String token = f.consents.issueUnsubscribeToken(TENANT, ann, ConsentChannel.EMAIL, Purpose.MARKETING,
                Duration.ofDays(1));
        char[] chars = token.toCharArray();
        int i = position % chars.length;
        chars[i] = (char) (chars[i] ^ (1 << bit));
        String flipped = new String(chars);

        assertThatThrownBy(() -> f.consents.unsubscribe(flipped)).isInstanceOf(InvalidTokenException.class);
        assertThat(f.store.size()).isZero();
    }
}
