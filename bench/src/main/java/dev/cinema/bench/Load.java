package dev.cinema.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Runs clients on a fixed thread pool (Java 17: no virtual threads) for a fixed time, each repeating one
 * operation, and records every operation's latency in an HdrHistogram. Shows progress on stderr: one line
 * rewritten in place on a terminal, a line every five seconds otherwise.
 */
final class Load {

    /**
     * One client's operation; {@code client} numbers the clients from 0, {@code i} counts its operations. Returns
     * the latency to record in nanoseconds when the operation measures its own (a delay inside it), or -1 to
     * record the operation's duration.
     */
    @FunctionalInterface
    interface Operation {
        long run(int client, long i) throws Exception;
    }

    /** What a run measured: operations that succeeded, failures, the time taken and the latencies. */
    record Sample(long ops, long failures, double seconds, Histogram latencies, String firstFailure) {
        double perSecond() {
            return ops / seconds;
        }

        double p50Millis() {
            return latencies.getValueAtPercentile(50) / 1e6;
        }

        double p99Millis() {
            return latencies.getValueAtPercentile(99) / 1e6;
        }
    }

    private Load() {
    }

    /** Closed loop: each client starts its next operation when the last one ended. */
    static Sample closed(String label, int clients, double seconds, Operation operation) throws Exception {
        return run(label, clients, seconds, 0, operation);
    }

    /**
     * Open loop at a steady rate: operations are started on a fixed schedule across the clients, so that a slow
     * answer does not lower the offered load (latency is measured from the scheduled start).
     */
    static Sample steady(String label, int clients, double seconds, double perSecond, Operation operation) throws Exception {
        return run(label, clients, seconds, perSecond, operation);
    }

    private static Sample run(String label, int clients, double seconds, double rate, Operation operation) throws Exception {
        Recorder recorder = new Recorder(3);
        Histogram total = new Histogram(3);
        AtomicLong ops = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long interval = rate > 0 ? (long) (1e9 / rate) : 0;
        AtomicLong scheduled = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });
        boolean terminal = System.console() != null;
        progress.scheduleAtFixedRate(() -> {
            Histogram interval1 = recorder.getIntervalHistogram();
            synchronized (total) {
                total.add(interval1);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            String line = String.format("  %-44s %5.1f/%.0f s %,9d ops %,9.0f/s  p50 %7.2f ms  p99 %8.2f ms%s",
                    label, elapsed, seconds, ops.get(), ops.get() / elapsed,
                    interval1.getTotalCount() == 0 ? 0 : interval1.getValueAtPercentile(50) / 1e6,
                    interval1.getTotalCount() == 0 ? 0 : interval1.getValueAtPercentile(99) / 1e6,
                    failures.get() == 0 ? "" : String.format("  %,d failed", failures.get()));
            if (terminal) {
                System.err.print("\r" + line);
            } else if ((long) elapsed % 5 == 0) {
                System.err.println(line);
            }
        }, 1, 1, TimeUnit.SECONDS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    for (long i = 0; ; i++) {
                        long begin;
                        if (interval > 0) {
                            begin = start + scheduled.getAndIncrement() * interval;
                            long wait = begin - System.nanoTime();
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                        } else {
                            begin = System.nanoTime();
                        }
                        if (begin >= end) {
                            return null;
                        }
                        try {
                            long measured = operation.run(client, i);
                            recorder.recordValue(Math.max(1, measured >= 0 ? measured : System.nanoTime() - begin));
                            ops.incrementAndGet();
                        } catch (InterruptedException e) {
                            throw e;
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, e.toString());
                        }
                    }
                }));
            }
            for (Future<?> client : done) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
            progress.shutdownNow();
            progress.awaitTermination(2, TimeUnit.SECONDS);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        synchronized (total) {
            total.add(recorder.getIntervalHistogram());
        }
        Sample sample = new Sample(ops.get(), failures.get(), elapsed, total, firstFailure.get());
        String summary = String.format("  %-44s %5.1f s  %,9d ops %,9.0f/s  p50 %7.2f ms  p99 %8.2f ms%s", label, elapsed,
                sample.ops(), sample.perSecond(), sample.ops() == 0 ? 0 : sample.p50Millis(),
                sample.ops() == 0 ? 0 : sample.p99Millis(),
                sample.failures() == 0 ? "" : "  " + sample.failures() + " failed, first: " + sample.firstFailure());
        System.err.println((terminal ? "\r" : "") + summary);
        return sample;
    }
}
