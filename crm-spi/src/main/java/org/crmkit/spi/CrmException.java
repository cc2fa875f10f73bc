package org.crmkit.spi;

/**
 * Root of every exception crmkit throws on purpose. Unchecked: the specific subclasses say what went wrong
 * ({@link ValidationException}, {@link NotFoundException}, {@link ConcurrentModificationException},
 * {@link DuplicateKeyException}).
 */
public class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CrmException(String message) {
        super(message);
    }

    public CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
