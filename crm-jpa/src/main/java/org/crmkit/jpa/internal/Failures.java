package org.crmkit.jpa.internal;

import java.sql.SQLException;

import jakarta.persistence.EntityExistsException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.CrmException;
import org.crmkit.spi.DuplicateKeyException;

/**
 * What the ports throw for what the database said: a unique key held already is a {@link DuplicateKeyException}, an
 * optimistic conflict a {@link ConcurrentModificationException}; the ports' own exceptions pass as they are. The
 * messages name the constraint, never the values (they may be personal data).
 */
final class Failures {
    private Failures() {
    }

    static RuntimeException translate(Throwable e) {
        if (e instanceof CrmException c) {
            return c;
        }
        if (e instanceof OptimisticLockException) {
            return new ConcurrentModificationException("row", "changed since it was read", -1, -1);
        }
        if (e instanceof EntityExistsException || e instanceof PersistenceException && isUniqueViolation(e)) {
            return new DuplicateKeyException("a unique key of the store", "another row");
        }
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e);
    }

    /**
     * Whether a cause, or an exception chained to a cause as the next of a batch's, is the SQL state of a unique
     * violation (23505 on H2, PostgreSQL and MariaDB).
     */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if ("23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }
}
