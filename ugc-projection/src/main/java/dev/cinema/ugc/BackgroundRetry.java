package dev.cinema.ugc;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A set-up step against a server that may not be up yet (create topics, apply DDL): tried once in the caller's
 * thread, then, while it fails, again in the background with a growing delay, so that the application starts and
 * recovers by itself instead of failing or crash-looping. Its state feeds the health indicators.
 */
public final class BackgroundRetry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundRetry.class);

    private final String name;
    private final Callable<?> step;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile boolean succeeded;
    private volatile String lastFailure = "not tried yet";
    private volatile boolean closed;
    private ScheduledExecutorService scheduler;

    public BackgroundRetry(String name, Duration firstDelay, Duration maxDelay, Callable<?> step) {
        this.name = name;
        this.step = step;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /** Tries now; when that fails, keeps trying in the background. Returns whether this first attempt succeeded. */
    public synchronized boolean start() {
        if (attempt(firstDelay)) {
            return true;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "retry-" + name.replaceAll("\\W+", "-"));
            thread.setDaemon(true);
            return thread;
        });
        schedule(firstDelay);
        return false;
    }

    public boolean succeeded() {
        return succeeded;
    }

    /** Why the last attempt failed, or null once it succeeded. */
    public String lastFailure() {
        return succeeded ? null : lastFailure;
    }

    public int attempts() {
        return attempts.get();
    }

    private void schedule(Duration delay) {
        if (closed) {
            return;
        }
        scheduler.schedule(() -> {
            Duration next = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
            if (!closed && !attempt(next)) {
                schedule(next);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean attempt(Duration nextDelay) {
        int attempt = attempts.incrementAndGet();
        try {
            step.call();
            succeeded = true;
            if (attempt > 1) {
                log.info("{}: succeeded on attempt {}", name, attempt);
            }
            return true;
        } catch (Exception e) {
            lastFailure = describe(e);
            // One line, no stack trace: the server being down is expected here and retried.
            log.warn("{}: attempt {} failed, next in {} s: {}", name, attempt, nextDelay.toSeconds(), lastFailure);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    /** The exception's message and that of its root cause: enough to tell "connection refused" from a bad DDL. */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? top : top + " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
