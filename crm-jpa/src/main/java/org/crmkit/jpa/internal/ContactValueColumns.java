package org.crmkit.jpa.internal;

import java.util.Arrays;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.DeviceToken;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.PhoneNumber;
import org.crmkit.spi.customer.PostalAddress;
import org.crmkit.spi.customer.SocialHandle;

/**
 * A contact value as columns: its kind and the columns of that kind (the others null). Embedded in the rows of
 * customers' contact points and of consent scopes.
 */
@Embeddable
public class ContactValueColumns {
    @Column(name = "kind")
    String kind;

    @Column(name = "email")
    String email;

    @Column(name = "phone")
    String phone;

    @Column(name = "address_lines")
    String addressLines;

    @Column(name = "postal_code")
    String postalCode;

    @Column(name = "locality")
    String locality;

    @Column(name = "region")
    String region;

    @Column(name = "country")
    String country;

    @Column(name = "network")
    String network;

    @Column(name = "handle")
    String handle;

    @Column(name = "platform")
    String platform;

    @Column(name = "token")
    String token;

    protected ContactValueColumns() {
    }

    /** The columns of {@code value}. */
    static ContactValueColumns of(ContactValue value) {
        ContactValueColumns c = new ContactValueColumns();
        c.kind = value.kind().name();
        if (value instanceof EmailAddress e) {
            c.email = e.address();
        } else if (value instanceof PhoneNumber n) {
            c.phone = n.e164();
        } else if (value instanceof PostalAddress a) {
            c.addressLines = String.join("\n", a.lines());
            c.postalCode = a.postalCode();
            c.locality = a.locality();
            c.region = a.region().orElse(null);
            c.country = a.country();
        } else if (value instanceof SocialHandle s) {
            c.network = s.network();
            c.handle = s.handle();
        } else if (value instanceof DeviceToken d) {
            c.platform = d.platform();
            c.token = d.token();
        }
        return c;
    }

    /** The value the columns hold. */
    ContactValue value() {
        return switch (kind) {
            case "EMAIL" -> new EmailAddress(email);
            case "PHONE" -> new PhoneNumber(phone);
            case "POSTAL" -> new PostalAddress(Arrays.asList(addressLines.split("\n", -1)), postalCode, locality,
                    Optional.ofNullable(region), country);
            case "SOCIAL" -> new SocialHandle(network, handle);
            case "DEVICE" -> new DeviceToken(platform, token);
            default -> throw new IllegalStateException("unknown contact kind in the database: " + kind);
        };
    }
}
