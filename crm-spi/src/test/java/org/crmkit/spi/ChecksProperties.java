package org.crmkit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ChecksProperties {
    @Provide
    Arbitrary<String> candidates() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("aZ09._:-_ é\u0001").ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(12));
    }

    @Property(tries = 3000)
    void token_acceptsExactlyWhatThePatternDescribes(@ForAll("candidates") String value) {
        Throwable thrown = catchThrowable(() -> Checks.token(value, "f", 10));
        boolean expected = value.length() <= 10 && Checks.TOKEN.matcher(value).matches();
        assertThat(thrown == null).isEqualTo(expected);
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(ValidationException.class);
        }
    }

    @Property(tries = 3000)
    void snake_acceptsExactlyWhatThePatternDescribes(@ForAll("candidates") String value) {
        Throwable thrown = catchThrowable(() -> Checks.snake(value, "f", 10));
        boolean expected = value.length() <= 10 && Checks.SNAKE.matcher(value).matches();
        assertThat(thrown == null).isEqualTo(expected);
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(ValidationException.class);
        }
    }
}
