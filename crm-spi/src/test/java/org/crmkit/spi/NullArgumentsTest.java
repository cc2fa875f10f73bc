package org.crmkit.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.junit.jupiter.api.Test;

/**
 * Every public static factory and public constructor of the SPI's public packages (enums' {@code valueOf} and the
 * exceptions aside) whose parameters all have a sample here refuses a null argument with a
 * {@link ValidationException} (or another {@link CrmException}), never a bare {@code NullPointerException}: each
 * reference parameter in turn is null while the others hold a sample value.
 */
class NullArgumentsTest {
    private static final Map<Class<?>, Object> SAMPLES = Map.ofEntries(
            Map.entry(String.class, "x"),
            Map.entry(Instant.class, Instant.parse("2026-01-01T00:00:00Z")),
            Map.entry(Duration.class, Duration.ofDays(1)),
            Map.entry(LocalDate.class, LocalDate.of(2026, 1, 1)),
            Map.entry(BigDecimal.class, BigDecimal.ONE),
            Map.entry(Currency.class, Currency.getInstance("EUR")),
            Map.entry(TenantId.class, TenantId.of("t")),
            Map.entry(CustomerId.class, CustomerId.of("c")),
            Map.entry(ConsentChannel.class, ConsentChannel.EMAIL),
            Map.entry(Purpose.class, Purpose.MARKETING),
            Map.entry(ContactValue.class, EmailAddress.parse("a@example.com")),
            Map.entry(EmailAddress.class, EmailAddress.parse("a@example.com")),
            Map.entry(Wording.class, Wording.version("v1")),
            Map.entry(CaptureSource.class, CaptureSource.of(CaptureSource.Kind.WEB_FORM, "form")),
            Map.entry(Optional.class, Optional.empty()),
            Map.entry(List.class, List.of()),
            Map.entry(Set.class, Set.of()),
            Map.entry(Map.class, Map.of()));

    @Test
    void publicFactoriesAndConstructors_refuseNullArgumentsWithAValidationException() throws Exception {
        List<String> bare = new ArrayList<>();
        int calls = 0;
        for (Class<?> type : publicTypes()) {
            List<Executable> executables = new ArrayList<>(List.of(type.getConstructors()));
            for (Method m : type.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == type) {
                    executables.add(m);
                }
            }
            for (Executable e : executables) {
                Class<?>[] params = e.getParameterTypes();
                if (!Stream.of(params).allMatch(p -> p.isPrimitive() || SAMPLES.containsKey(p))) {
                    continue;
                }
                for (int nulled = 0; nulled < params.length; nulled++) {
                    if (params[nulled].isPrimitive()) {
                        continue;
                    }
                    calls++;
                    Throwable thrown = call(e, args(params, nulled));
                    if (thrown instanceof NullPointerException || thrown != null && !(thrown instanceof CrmException)
                            && !(thrown instanceof IllegalArgumentException)) {
                        bare.add(e + " with argument " + nulled + " null: " + thrown);
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(50);
        assertThat(bare).isEmpty();
    }

    private static Object[] args(Class<?>[] params, int nulled) {
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            if (i != nulled) {
                args[i] = params[i].isPrimitive() ? primitive(params[i]) : SAMPLES.get(params[i]);
            }
        }
        return args;
    }

    private static Object primitive(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == double.class) {
            return 1.0;
        }
        return 1;
    }

    private static Throwable call(Executable e, Object[] args) throws IllegalAccessException, InstantiationException {
        try {
            if (e instanceof Constructor<?> c) {
                c.newInstance(args);
            } else {
                ((Method) e).invoke(null, args);
            }
            return null;
        } catch (InvocationTargetException failure) {
            return failure.getCause();
        } catch (IllegalArgumentException wrongArguments) {
            return null;
        }
    }

    private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Checks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.contains(".internal") || name.endsWith("package-info") || name.equals("module-info")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, Checks.class.getClassLoader());
                if (Modifier.isPublic(type.getModifiers()) && !type.isInterface() && !type.isEnum()
                        && !Modifier.isAbstract(type.getModifiers()) && !Throwable.class.isAssignableFrom(type)) {
                    types.add(type);
                }
            }
        }
        return types;
    }
}
