package org.crmkit.jpa.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * SQL being written, with its {@code ?} parameters in order: values never enter the text. Not thread-safe.
 */
final class SqlText {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** Appends SQL text. */
    SqlText add(String sql) {
        text.append(sql);
        return this;
    }

    /** Appends a {@code ?} bound to {@code value}. */
    SqlText param(Object value) {
        text.append('?');
        parameters.add(value);
        return this;
    }

    /** Appends {@code (?, ?, …)} bound to {@code values}, which are not empty. */
    SqlText params(Collection<?> values) {
        text.append('(');
        String separator = "";
        for (Object v : values) {
            text.append(separator);
            param(v);
            separator = ", ";
        }
        text.append(')');
        return this;
    }

    String text() {
        return text.toString();
    }

    List<Object> parameters() {
        return parameters;
    }
}
