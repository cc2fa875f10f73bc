package org.crmkit.spi.tck;

import java.lang.ref.WeakReference;

/** For tests that something was let go: whether an object became unreachable. Stateless. */
public final class Reachability {
    private Reachability() {
    }

    /** Whether the referent is collected within a few full collections. */
    public static boolean collected(WeakReference<?> reference) {
        for (int i = 0; i < 20 && reference.get() != null; i++) {
            System.gc();
            Thread.onSpinWait();
        }
        return reference.get() == null;
    }
}
