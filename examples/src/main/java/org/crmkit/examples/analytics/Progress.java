package org.crmkit.examples.analytics;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on the terminal (the progressbar library), or nothing when the output is not a terminal (a pipe, a
 * file, a test), so that machine-readable output stays clean. Not thread-safe.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar named {@code task} going to {@code max} (in {@code unit}s of {@code unitSize}), if on a terminal. */
    public static Progress of(String task, long max, String unit, long unitSize) {
        if (System.console() == null) {
            return new Progress(null);
        }
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII).setUnit(unit, unitSize).setUpdateIntervalMillis(200).build());
    }

    public void stepTo(long n) {
        if (bar != null) {
            bar.stepTo(n);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
