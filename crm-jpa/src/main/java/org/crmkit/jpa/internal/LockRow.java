package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stripe of the locks of {@code Storage.atomically}: a row of {@code crm_lock}, taken {@code FOR UPDATE}. */
@Entity
@Table(name = "crm_lock")
public class LockRow {
    @Id
    @Column(name = "stripe")
    private int stripe;

    protected LockRow() {
    }
}
