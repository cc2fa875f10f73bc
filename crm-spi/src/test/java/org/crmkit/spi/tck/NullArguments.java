package org.crmkit.spi.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.crmkit.spi.CrmException;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;

/**
 * Finds public static factories and public constructors that answer a null argument with something other than a
 * {@link CrmException} (a bare {@code NullPointerException}, say): in every public, concrete class of a module's
 * public packages (not {@code internal} ones; enums' {@code valueOf} and exceptions aside), each executable whose
 * parameters all have a sample is called once per reference parameter, that one null and the others their sample.
 */
public final class NullArguments {
    private final Map<Class<?>, Object> samples = new HashMap<>(Map.ofEntries(
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
            Map.entry(ConsentScope.class, ConsentScope.of(ConsentChannel.EMAIL, Purpose.MARKETING)),
            Map.entry(ContactValue.class, EmailAddress.parse("a@example.com")),
            Map.entry(EmailAddress.class, EmailAddress.parse("a@example.com")),
            Map.entry(Wording.class, Wording.version("v1")),
            Map.entry(CaptureSource.class, CaptureSource.of(CaptureSource.Kind.WEB_FORM, "form")),
            Map.entry(Optional.class, Optional.empty()),
            Map.entry(List.class, List.of()),
            Map.entry(Set.class, Set.of()),
            Map.entry(Map.class, Map.of())));
    private int calls;

    /** Adds a sample value for parameters of {@code type}. */
    public <T> NullArguments sample(Class<T> type, T value) {
        samples.put(type, value);
        return this;
    }

    /** How many calls the last {@link #bareFailures} made. */
    public int calls() {
        return calls;
    }

    /**
     * The calls that failed with anything but a {@link CrmException} or an {@link IllegalArgumentException}, each
     * described with the executable and the null argument, for the module whose classes hold {@code anchor}.
     */
    public List<String> bareFailures(Class<?> anchor) {
        calls = 0;
        List<String> bare = new ArrayList<>();
        for (Class<?> type : publicTypes(anchor)) {
            List<Executable> executables = new ArrayList<>(List.of(type.getConstructors()));
            for (Method m : type.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == type) {
                    executables.add(m);
                }
            }
            for (Executable e : executables) {
                Class<?>[] params = e.getParameterTypes();
                if (!Stream.of(params).allMatch(p -> p.isPrimitive() || samples.containsKey(p))) {
                    continue;
                }
                for (int nulled = 0; nulled < params.length; nulled++) {
                    if (params[nulled].isPrimitive()) {
                        continue;
                    }
                    calls++;
                    Throwable thrown = call(e, args(params, nulled));
                    if (thrown != null && !(thrown instanceof CrmException)
                            && !(thrown instanceof IllegalArgumentException)) {
                        bare.add(e + " with argument " + nulled + " null: " + thrown);
                    }
                }
            }
        }
        return bare;
    }

    private Object[] args(Class<?>[] params, int nulled) {
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            if (i != nulled) {
                args[i] = params[i].isPrimitive() ? primitive(params[i]) : samples.get(params[i]);
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

    private static Throwable call(Executable e, Object[] args) {
        try {
            if (e instanceof Constructor<?> c) {
                c.newInstance(args);
            } else {
                ((Method) e).invoke(null, args);
            }
            return null;
        } catch (InvocationTargetException failure) {
            return failure.getCause();
        } catch (IllegalArgumentException | ReflectiveOperationException notCallable) {
            return null;
        }
    }

    private static List<Class<?>> publicTypes(Class<?> anchor) {
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.contains(".internal") || name.endsWith("package-info") || name.equals("module-info")) {
                    continue;
                }
                Class<?> type = load(name, anchor);
                if (Modifier.isPublic(type.getModifiers()) && !type.isInterface() && !type.isEnum()
                        && !Modifier.isAbstract(type.getModifiers()) && !Throwable.class.isAssignableFrom(type)) {
                    types.add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }

    private static Class<?> load(String name, Class<?> anchor) {
        try {
            return Class.forName(name, false, anchor.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
