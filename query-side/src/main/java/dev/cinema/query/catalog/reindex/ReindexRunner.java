package dev.cinema.query.catalog.reindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.cinema.query.cache.ResponseCache;
import dev.cinema.query.catalog.CatalogProcessing;
import dev.cinema.query.catalog.CatalogProjection;
import dev.cinema.query.catalog.CatalogTarget;
import dev.cinema.query.catalog.film.FilmDocument;
import dev.cinema.query.catalog.genre.GenreDocument;
import dev.cinema.query.catalog.person.PersonDocument;
import dev.cinema.query.catalog.reindex.ReindexJob.State;
import dev.cinema.query.consistency.ProcessorPositions;
import dev.cinema.query.consistency.ProcessorPositions.SegmentToken;
import dev.cinema.query.search.SearchIndex;
import dev.cinema.query.search.SearchIndices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Runs reindex jobs: an event replay into new index versions while the live ones keep serving and keep being
 * projected, then an atomic alias swap.
 *
 * <p><b>One job at a time.</b> A job is a row ({@code reindex_job}); a unique index admits one running job across
 * instances (a second request is a 409). The instance that holds the Redisson lock {@code reindex} runs it, on a
 * thread of its own; an instance that stops hands it over (the lock is released, or expires with the instance's
 * Redisson watchdog after a crash), and every instance looks for a running job without a runner every few seconds,
 * so a job survives restarts, kill -9 included: it resumes from the replay processor's tokens.
 *
 * <p><b>Building.</b> The job creates version n+1 of each index (refresh off, no replicas, written through a build
 * alias), a replay-scoped copy of the lookup tables (schema {@code <live schema>_replay}) and the replay processor's
 * tokens at the start of the event store, then runs the replay processor ({@link ReplayProcessor}) until it has
 * caught up with the head. Events arriving meanwhile reach both projections.
 *
 * <p><b>The swap.</b> The new versions get their settings back; then, holding the live projection's write lock
 * (live batches wait at their write phase, so none writes the old versions after this point), the runner waits until
 * the replay has passed the head, stops it, and swaps all aliases in one request. Live batches then write the new
 * versions, with document versions drawn after every replay write (one shared sequence), so nothing handled only by
 * the live projection is lost and nothing the replay wrote overrides a later live write. The response cache is
 * invalidated as a whole, the old versions dropped. A cancel or a failure drops the new versions and the replay's
 * state, and never touches the live indices or aliases.
 */
@Component
public class ReindexRunner implements SmartLifecycle {

    /** Key of the advisory lock that orders the replay's write phases (the live projection has its own). */
    public static final long REPLAY_WRITE_LOCK = 0x7265706cL; // "repl"
    static final List<SearchIndex> INDICES = List.of(FilmDocument.INDEX, PersonDocument.INDEX, GenreDocument.INDEX);
    private static final Logger log = LoggerFactory.getLogger(ReindexRunner.class);
    private static final List<String> LOOKUP_TABLES =
            List.of("catalog_genre", "catalog_person", "catalog_film", "catalog_film_genre", "catalog_film_credit");
    private static final long POLL_MILLIS = 500;
    /** Replayed events before the replay's tables are first analysed (see {@link #analyseReplayTables()}). */
    private static final long ANALYSE_EVERY = 20_000;

    private final ReindexJobs jobs;
    private final ReplayProcessor replay;
    private final SearchIndices indices;
    private final ProcessorPositions positions;
    private final JdbcClient jdbc;
    private final ElasticsearchClient client;
    private final TransactionTemplate transaction;
    private final ResponseCache cache;
    private final ReindexProperties properties;
    private final RLock lock;
    private final String liveSchema;
    private final String replaySchema;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reindex-runner");
        thread.setDaemon(true);
        return thread;
    });

    private Future<?> task;
    private volatile boolean suspending;
    private volatile boolean lifecycleRunning;

    ReindexRunner(ReindexJobs jobs, ReplayProcessor replay, SearchIndices indices, ProcessorPositions positions,
                  JdbcClient jdbc, ElasticsearchClient client, TransactionTemplate transaction, ResponseCache cache,
                  ReindexProperties properties, RedissonClient redisson, ResponseCache.Properties cacheProperties,
                  @Value("${spring.flyway.default-schema}") String liveSchema) {
        this.jobs = jobs;
        this.replay = replay;
        this.indices = indices;
        this.positions = positions;
        this.jdbc = jdbc;
        this.client = client;
        this.transaction = transaction;
        this.cache = cache;
        this.properties = properties;
        this.lock = redisson.getLock(cacheProperties.keyPrefix() + "reindex");
        this.liveSchema = liveSchema;
        this.replaySchema = liveSchema + "_replay";
    }

    /**
     * Starts a job rebuilding {@code names} (films, persons, genres).
     *
     * @throws ErrorResponseException 409 when a job is running already
     */
    public ReindexJob start(List<String> names) throws IOException {
        List<SearchIndex> chosen = INDICES.stream().filter(index -> names.contains(index.name())).toList();
        List<Integer> versions = new ArrayList<>();
        for (SearchIndex index : chosen) {
            versions.add(indices.liveVersion(index) + 1);
        }
        ReindexJob job;
        try {
            job = jobs.create(chosen.stream().map(SearchIndex::name).toList(), versions);
        } catch (DuplicateKeyException e) {
            throw alreadyRunning();
        }
        log.info("Reindex {} of {} into versions {} requested", job.id(), job.indices(), job.versions());
        submit(job.id());
        return job;
    }

    public Optional<ReindexJob> job(UUID id) {
        return jobs.find(id);
    }

    public List<ReindexJob> latest() {
        return jobs.latest(20);
    }

    /** Asks the job's runner (on whichever instance) to cancel it; empty when there is no such job. */
    public Optional<ReindexJob> cancel(UUID id) {
        Optional<ReindexJob> job = jobs.find(id);
        if (job.isPresent() && job.get().state() == State.RUNNING) {
            jobs.requestCancel(id);
            log.info("Reindex {}: cancel requested", id);
            return jobs.find(id);
        }
        return job;
    }

    /** Every few seconds: a running job without a runner (its instance stopped or died) is taken over here. */
    @Scheduled(fixedDelay = 5_000, initialDelay = 1_000)
    public void resumeRunningJob() {
        if (!lifecycleRunning || busy() || lock.isLocked()) {
            return;
        }
        jobs.running().ifPresent(job -> {
            log.info("Reindex {} is running without a runner: resuming it here", job.id());
            submit(job.id());
        });
    }

    /**
     * Stops running the job here without ending it, as a shutdown does: the replay processor stops (its tokens
     * stay), the lock is released, and the job resumes wherever a runner next picks it up.
     */
    public void suspend() {
        Future<?> current;
        synchronized (this) {
            current = task;
        }
        if (current == null || current.isDone()) {
            return;
        }
        suspending = true;
        try {
            current.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("The reindex runner did not stop cleanly: {}", e.toString());
        } finally {
            suspending = false;
        }
    }

    /** The name of the replay processor (its tokens are stored under it). */
    public static String replayProcessorName() {
        return ReplayProcessor.NAME;
    }

    /** The replay processor, while a job runs it on this instance (for operators). */
    public Optional<StreamingEventProcessor> replayProcessorHere() {
        return replay.running();
    }

    private synchronized boolean busy() {
        return task != null && !task.isDone();
    }

    private synchronized void submit(UUID id) {
        if (busy()) {
            return;
        }
        task = runner.submit(() -> runHoldingTheLock(id));
    }

    private void runHoldingTheLock(UUID id) {
        if (!lock.tryLock()) {
            log.info("Reindex {} is run by another instance", id);
            return;
        }
        try {
            Optional<ReindexJob> job = jobs.find(id).filter(j -> j.state() == State.RUNNING);
            if (job.isPresent()) {
                run(job.get());
            }
        } finally {
            replay.stop();
            lock.unlock();
        }
    }

    private void run(ReindexJob job) {
        Map<SearchIndex, Integer> versions = versions(job);
        try {
            if (swapped(versions)) {
                // Resumed after a crash between the swap and the clean-up.
                complete(job, versions);
                return;
            }
            if (job.prepared()) {
                log.info("Reindex {}: resuming the replay from its tokens", job.id());
            } else {
                prepare(job, versions);
            }
            replay.start(new CatalogProjection(target(versions), jdbc, client, indices, List.of()));
            Speed speed = new Speed();
            long analysedAt = 0;
            while (!suspending) {
                ReindexJob now = jobs.find(job.id()).orElseThrow();
                if (now.cancelRequested()) {
                    cancel(job, versions);
                    return;
                }
                long head = positions.head();
                Progress progress = progress(head);
                jobs.progress(job.id(), progress.processed(), progress.total(), speed.sample(progress.processed()));
                if (progress.processed() > analysedAt * 3 / 2 + ANALYSE_EVERY) {
                    analyseReplayTables();
                    analysedAt = progress.processed();
                }
                if (progress.processed() >= progress.total() && swap(job, versions)) {
                    complete(job, versions);
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            }
            log.info("Reindex {}: suspended at {}", job.id(), progress(positions.head()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            log.error("Reindex {} failed; the live indices are untouched", job.id(), e);
            abandon(job, versions, State.FAILED, e.toString());
        }
    }

    private void prepare(ReindexJob job, Map<SearchIndex, Integer> versions) throws IOException {
        for (Map.Entry<SearchIndex, Integer> entry : versions.entrySet()) {
            indices.createForBuild(entry.getKey(), entry.getValue(), buildAlias(entry.getKey()));
        }
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DROP SCHEMA IF EXISTS " + replaySchema + " CASCADE").update();
            jdbc.sql("CREATE SCHEMA " + replaySchema).update();
            for (String table : LOOKUP_TABLES) {
                jdbc.sql("CREATE TABLE " + replaySchema + "." + table + " (LIKE " + liveSchema + "." + table
                        + " INCLUDING ALL)").update();
            }
        });
        replay.discard();
        replay.initialiseTokens();
        jobs.prepared(job.id());
        log.info("Reindex {}: replaying the event store into {}", job.id(),
                versions.entrySet().stream().map(e -> indices.concreteName(e.getKey(), e.getValue())).toList());
    }

    /**
     * Swaps the aliases once the replay has passed the head, holding the live projection's writes meanwhile (see the
     * class comment); false when the replay did not get there within the swap timeout (the job goes on).
     */
    private boolean swap(ReindexJob job, Map<SearchIndex, Integer> versions) {
        Boolean swapped = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CatalogProcessing.WRITE_LOCK).query().listOfRows();
            long head = positions.head();
            long deadline = System.nanoTime() + properties.swapTimeout().toNanos();
            for (Progress progress = progress(head); progress.processed() < progress.total(); progress = progress(head)) {
                if (System.nanoTime() > deadline) {
                    log.warn("Reindex {}: the replay did not reach position {} within {}; swapping later",
                            job.id(), head, properties.swapTimeout());
                    return false;
                }
                sleep(20);
            }
            replay.stop();
            try {
                for (Map.Entry<SearchIndex, Integer> entry : versions.entrySet()) {
                    indices.finishBuild(entry.getKey(), entry.getValue());
                }
                indices.swap(versions, this::buildAlias);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        });
        return Boolean.TRUE.equals(swapped);
    }

    private void complete(ReindexJob job, Map<SearchIndex, Integer> versions) throws IOException {
        cache.invalidateAll();
        sleep(properties.oldVersionsGrace().toMillis());
        for (Map.Entry<SearchIndex, Integer> entry : versions.entrySet()) {
            indices.dropVersionsOtherThan(entry.getKey(), entry.getValue());
        }
        long parked = replay.deadLetterCount();
        discardReplayState();
        Progress last = progress(positions.head());
        jobs.progress(job.id(), last.total(), last.total(), null);
        jobs.finish(job.id(), State.COMPLETED, null);
        log.info("Reindex {} completed: {} events replayed{}", job.id(), last.total(),
                parked == 0 ? "" : ", " + parked + " parked as the live projection parked them");
    }

    private void cancel(ReindexJob job, Map<SearchIndex, Integer> versions) {
        abandon(job, versions, State.CANCELLED, null);
    }

    /** Drops what the job built (never what the aliases point at) and records how it ended. */
    private void abandon(ReindexJob job, Map<SearchIndex, Integer> versions, State state, String error) {
        try {
            replay.stop();
            for (Map.Entry<SearchIndex, Integer> entry : versions.entrySet()) {
                String concrete = indices.concreteName(entry.getKey(), entry.getValue());
                if (!indices.target(indices.alias(entry.getKey())).map(concrete::equals).orElse(false)) {
                    indices.dropVersion(entry.getKey(), entry.getValue());
                }
            }
            discardReplayState();
        } catch (IOException | RuntimeException e) {
            log.warn("Reindex {}: could not drop everything it built: {}", job.id(), e.toString());
        }
        jobs.finish(job.id(), state, error);
        log.info("Reindex {} {}", job.id(), state.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Refreshes the planner's statistics of the replay's tables, which grow from nothing to the whole catalogue
     * within minutes: with the statistics of empty tables, the document queries of the write phase (under the
     * replay's lock) turn into scans of whole tables and the replay slows down as it goes. Autovacuum may be off,
     * or too slow to keep up; so every half as much again as at the last time (a handful of times per replay).
     */
    private void analyseReplayTables() {
        jdbc.sql("ANALYZE " + String.join(", ", LOOKUP_TABLES.stream().map(t -> replaySchema + "." + t).toList()))
                .update();
    }

    private void discardReplayState() {
        replay.discard();
        transaction.executeWithoutResult(status ->
                jdbc.sql("DROP SCHEMA IF EXISTS " + replaySchema + " CASCADE").update());
    }

    private boolean swapped(Map<SearchIndex, Integer> versions) throws IOException {
        for (Map.Entry<SearchIndex, Integer> entry : versions.entrySet()) {
            String concrete = indices.concreteName(entry.getKey(), entry.getValue());
            if (!indices.target(indices.alias(entry.getKey())).map(concrete::equals).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    /**
     * How far the replay is: every segment reads the whole stream, so the slowest one's position counts.
     * Positions, not events: the few gaps of the global index (rolled-back inserts) count as replayed.
     */
    private Progress progress(long head) {
        long first = jdbc.sql("SELECT coalesce(min(global_index), 0) FROM domain_event_entry").query(Long.class).single();
        long total = Math.max(0, head - first + 1);
        List<SegmentToken> segments = positions.segments(ReplayProcessor.NAME);
        if (segments.isEmpty()) {
            return new Progress(0, total);
        }
        long slowest = segments.stream().map(SegmentToken::position)
                .mapToLong(position -> position.isPresent() ? position.getAsLong() : first - 1).min().orElse(first - 1);
        return new Progress(Math.max(0, Math.min(total, slowest - first + 1)), total);
    }

    private CatalogTarget target(Map<SearchIndex, Integer> versions) {
        Map<String, String> writeNames = versions.keySet().stream()
                .collect(Collectors.toMap(SearchIndex::name, this::buildAlias));
        return new CatalogTarget(ReplayProcessor.NAME, replaySchema, writeNames, REPLAY_WRITE_LOCK, false);
    }

    private String buildAlias(SearchIndex index) {
        return indices.alias(index) + "_reindex";
    }

    private static Map<SearchIndex, Integer> versions(ReindexJob job) {
        Map<SearchIndex, Integer> versions = new LinkedHashMap<>();
        Map<String, SearchIndex> byName = INDICES.stream().collect(Collectors.toMap(SearchIndex::name, Function.identity()));
        for (int i = 0; i < job.indices().size(); i++) {
            versions.put(byName.get(job.indices().get(i)), job.versions().get(i));
        }
        return versions;
    }

    private static ErrorResponseException alreadyRunning() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A reindex is running already; wait for it to end or cancel it");
        problem.setTitle("Reindex running");
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void start() {
        lifecycleRunning = true;
    }

    /** On shutdown the job is suspended, not ended: the next runner resumes it. */
    @Override
    public void stop() {
        lifecycleRunning = false;
        suspend();
    }

    @Override
    public boolean isRunning() {
        return lifecycleRunning;
    }

    /** Stopped before Axon's processors and event store (lower phases), which the replay needs until then. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }

    record Progress(long processed, long total) {
    }

    /** Events per second over the last ten seconds or so. */
    private static final class Speed {

        private final Deque<long[]> samples = new ArrayDeque<>();

        Double sample(long processed) {
            long now = System.nanoTime();
            samples.addLast(new long[] {now, processed});
            while (samples.size() > 2 && now - samples.peekFirst()[0] > TimeUnit.SECONDS.toNanos(10)) {
                samples.removeFirst();
            }
            long[] oldest = samples.peekFirst();
            double seconds = (now - oldest[0]) / 1e9;
            return samples.size() < 2 || seconds <= 0 ? null : (processed - oldest[1]) / seconds;
        }
    }
}
