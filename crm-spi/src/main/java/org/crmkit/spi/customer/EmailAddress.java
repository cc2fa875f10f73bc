package org.crmkit.spi.customer;

import java.util.Locale;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.Checks;

/**
 * An e-mail address in the common {@code local@domain} form (RFC 5321 "dot-atom" local part, host-name domain of at
 * least two labels; quoted local parts and address literals are refused). Normalised to lower case, which is how
 * every mainstream mailbox provider treats addresses.
 *
 * <p>The address is ASCII only (internationalised domains in their {@code xn--} form): a non-ASCII character is
 * refused before lower-casing, since lower-casing can fold one into ASCII (the Kelvin sign U+212A becomes
 * {@code k}) and so make two different inputs one address. An accepted input therefore equals its address but for
 * the case of ASCII letters and surrounding white space.
 *
 * @param address the normalised address, at most 254 characters
 */
public record EmailAddress(String address) implements ContactValue {
    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL = 64;
    private static final int MAX_LABEL = 63;
    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

    public EmailAddress {
        Checks.notNull(address, "email");
        address = address.strip();
        requireAscii(address);
        address = address.toLowerCase(Locale.ROOT);
        validate(address);
    }

    /** Parses and normalises {@code raw}; surrounding white space is ignored. */
    public static EmailAddress parse(String raw) {
        return new EmailAddress(raw);
    }

    @Override
    public ContactKind kind() {
        return ContactKind.EMAIL;
    }

    @Override
    public String key() {
        return "email:" + address;
    }

    /** The part after the {@code @}. */
    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    private static void requireAscii(String a) {
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) > 0x7F) {
                throw invalid("contains a non-ASCII character (write an internationalised domain in its xn-- form)");
            }
        }
    }

    private static void validate(String a) {
        if (a.isEmpty()) {
            throw invalid("is empty");
        }
        if (a.length() > MAX_LENGTH) {
            throw invalid("longer than " + MAX_LENGTH + " characters");
        }
        int at = a.indexOf('@');
        if (at < 0 || at != a.lastIndexOf('@')) {
            throw invalid("must contain exactly one @");
        }
        String local = a.substring(0, at);
        String domain = a.substring(at + 1);
        if (local.isEmpty() || local.length() > MAX_LOCAL) {
            throw invalid("local part must have 1 to " + MAX_LOCAL + " characters");
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw invalid("local part must not start or end with a dot or contain two dots in a row");
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!(isAlnum(c) || c == '.' || LOCAL_SPECIALS.indexOf(c) >= 0)) {
                throw invalid("local part contains a character that is not allowed");
            }
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            throw invalid("domain must have at least two labels");
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL) {
                throw invalid("domain labels must have 1 to " + MAX_LABEL + " characters");
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                throw invalid("domain labels must not start or end with a hyphen");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(isAlnum(c) || c == '-')) {
                    throw invalid("domain contains a character that is not allowed (use the xn-- form for IDN)");
                }
            }
        }
        String tld = labels[labels.length - 1];
        if (!tld.startsWith("xn--") && !tld.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            throw invalid("top-level domain must be letters or an xn-- label");
        }
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static ValidationException invalid(String reason) {
        return new ValidationException("email", "not a valid e-mail address: " + reason);
    }
}
