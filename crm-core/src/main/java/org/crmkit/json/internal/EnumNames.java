package org.crmkit.json.internal;

import java.util.Locale;

/** How enum constants are written: the constant's name in lower case ({@code IN_PERSON} → {@code in_person}). */
final class EnumNames {
    private EnumNames() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
