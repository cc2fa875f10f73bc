package org.crmkit.jpa.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** What the segment SQL writes differently per database. Stateless. */
enum Dialect {
    H2, POSTGRESQL;

    /** The dialect of the database behind {@code connection}. */
    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        } else if (product.contains("h2")) {
            return H2;
        }
        throw new IllegalStateException("segment queries run on H2 and PostgreSQL, not on " + product);
    }

    /** A text column ordered as Java orders strings (PostgreSQL: by code point, which is the same for text of the BMP). */
    String ordered(String column) {
        return this == POSTGRESQL ? column + " COLLATE \"C\"" : column;
    }

    /** The length SQL's {@code LEFT} and {@code RIGHT} count for {@code text}: code points, or UTF-16 units on H2. */
    int length(String text) {
        return this == POSTGRESQL ? text.codePointCount(0, text.length()) : text.length();
    }
}
