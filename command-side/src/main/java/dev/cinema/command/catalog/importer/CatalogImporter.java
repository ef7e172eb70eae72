package dev.cinema.command.catalog.importer;

import dev.cinema.command.catalog.CatalogRuleException;
import dev.cinema.command.catalog.Outcome;
import dev.cinema.command.eventstore.ActingUser;
import dev.cinema.contracts.catalog.film.Credit;
import dev.cinema.contracts.catalog.film.CreditRole;
import dev.cinema.contracts.catalog.film.FilmType;
import dev.cinema.contracts.catalog.film.ReviseFilm;
import dev.cinema.contracts.catalog.genre.ReviseGenre;
import dev.cinema.contracts.catalog.person.RevisePerson;
import dev.cinema.kit.web.ProblemDetailsAdvice.InvalidFieldException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Turns a folder in the original catalogue's format (PostgreSQL COPY text: genre.tsv, person.tsv, film_work.tsv,
 * genre_film_work.tsv, person_film_work.tsv) into revise commands that keep the source ids: genres, then persons,
 * then films (each film with all its genres and credits in one command, so a film is never half-imported).
 * Idempotent: a revise command whose state is already there writes nothing. Commands run on a bounded pool.
 */
@Component
public class CatalogImporter {

    public static final String USER = "importer";

    private final CommandGateway commandGateway;

    CatalogImporter(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public enum Kind { GENRE, PERSON, FILM }

    /** What a run did, per kind, with a reason for every rejected row. */
    public static final class Report {
        private final Map<Kind, Map<Outcome, AtomicInteger>> counts = new EnumMap<>(Kind.class);
        private final Map<Kind, AtomicInteger> rejected = new EnumMap<>(Kind.class);
        private final List<String> reasons = Collections.synchronizedList(new ArrayList<>());
        private int links;

        Report() {
            for (Kind kind : Kind.values()) {
                Map<Outcome, AtomicInteger> byOutcome = new EnumMap<>(Outcome.class);
                for (Outcome outcome : Outcome.values()) {
                    byOutcome.put(outcome, new AtomicInteger());
                }
                counts.put(kind, byOutcome);
                rejected.put(kind, new AtomicInteger());
            }
        }

        void record(Kind kind, Outcome outcome) {
            counts.get(kind).get(outcome).incrementAndGet();
        }

        void reject(Kind kind, String where, String reason) {
            rejected.get(kind).incrementAndGet();
            reasons.add(where + ": " + reason);
        }

        void rejectLink(String where, String reason) {
            links++;
            reasons.add(where + ": " + reason);
        }

        public int count(Kind kind, Outcome outcome) {
            return counts.get(kind).get(outcome).get();
        }

        public int rejected(Kind kind) {
            return rejected.get(kind).get();
        }

        public List<String> reasons() {
            return List.copyOf(reasons);
        }

        public String summary() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%-8s %8s %8s %10s %9s%n", "", "created", "changed", "unchanged", "rejected"));
            for (Kind kind : Kind.values()) {
                out.append(String.format(Locale.ROOT, "%-8s %8d %8d %10d %9d%n", kind.name().toLowerCase(Locale.ROOT) + "s",
                        count(kind, Outcome.CREATED), count(kind, Outcome.CHANGED), count(kind, Outcome.UNCHANGED), rejected(kind)));
            }
            if (links > 0) {
                out.append("link rows rejected: ").append(links).append('\n');
            }
            List<String> sorted = new ArrayList<>(reasons);
            Collections.sort(sorted);
            sorted.forEach(reason -> out.append("  rejected ").append(reason).append('\n'));
            return out.toString();
        }
    }

    /** Called after each command with (done, total). */
    public interface Progress {
        void update(int done, int total);
    }

    private record Task(Kind kind, String where, Object command) {}

    public Report run(Path dir, int concurrency, Progress progress) {
        Report report = new Report();
        List<Task> genres = new ArrayList<>();
        List<Task> persons = new ArrayList<>();
        List<Task> films = new ArrayList<>();
        parse(dir, report, genres::add, persons::add, films::add);

        int total = genres.size() + persons.size() + films.size();
        AtomicInteger done = new AtomicInteger();
        progress.update(0, total);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency));
        try {
            // Films refer to genres and persons: each phase waits for the one before.
            for (List<Task> phase : List.of(genres, persons, films)) {
                List<Future<?>> futures = new ArrayList<>(phase.size());
                for (Task task : phase) {
                    futures.add(pool.submit(() -> {
                        dispatch(task, report);
                        progress.update(done.incrementAndGet(), total);
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("import failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return report;
    }

    private void dispatch(Task task, Report report) {
        try {
            Object result = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(task.command())
                    .withMetaData(MetaData.with(ActingUser.USER_ID, USER)));
            report.record(task.kind(), result instanceof Outcome outcome ? outcome : Outcome.CREATED);
        } catch (InvalidFieldException e) {
            report.reject(task.kind(), task.where(), e.field() + ": " + e.getMessage());
        } catch (CatalogRuleException e) {
            report.reject(task.kind(), task.where(), e.getMessage());
        } catch (RuntimeException e) {
            report.reject(task.kind(), task.where(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    // ---- parsing: every row becomes one command, or a rejection with its file and line ----

    private void parse(Path dir, Report report, Consumer<Task> genres, Consumer<Task> persons, Consumer<Task> films) {
        for (String name : List.of("genre.tsv", "person.tsv", "film_work.tsv", "genre_film_work.tsv", "person_film_work.tsv")) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                throw new IllegalArgumentException("missing " + dir.resolve(name));
            }
        }
        for (CopyText.Row row : CopyText.read(dir.resolve("genre.tsv"))) {
            try {
                columns(row, 5);
                genres.accept(new Task(Kind.GENRE, row.where(),
                        new ReviseGenre(uuid(row, 2, "id"), row.columns().get(3), row.columns().get(4), null)));
            } catch (BadRow e) {
                report.reject(Kind.GENRE, row.where(), e.getMessage());
            }
        }
        for (CopyText.Row row : CopyText.read(dir.resolve("person.tsv"))) {
            try {
                columns(row, 4);
                persons.accept(new Task(Kind.PERSON, row.where(), new RevisePerson(uuid(row, 2, "id"), row.columns().get(3), null)));
            } catch (BadRow e) {
                report.reject(Kind.PERSON, row.where(), e.getMessage());
            }
        }

        Map<UUID, FilmRow> filmRows = new LinkedHashMap<>();
        for (CopyText.Row row : CopyText.read(dir.resolve("film_work.tsv"))) {
            try {
                columns(row, 9);
                UUID id = uuid(row, 2, "id");
                if (filmRows.containsKey(id)) {
                    throw new BadRow("id " + id + " repeats " + filmRows.get(id).row().where());
                }
                filmRows.put(id, new FilmRow(row, id, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            } catch (BadRow e) {
                report.reject(Kind.FILM, row.where(), e.getMessage());
            }
        }
        for (CopyText.Row row : CopyText.read(dir.resolve("genre_film_work.tsv"))) {
            link(row, 4, 2, filmRows, report, film -> film.genres().add(uuid(row, 3, "genre_id")));
        }
        for (CopyText.Row row : CopyText.read(dir.resolve("person_film_work.tsv"))) {
            link(row, 5, 3, filmRows, report, film -> {
                String role = row.columns().get(1);
                if (role == null || !List.of("actor", "writer", "director").contains(role)) {
                    throw new BadRow("role '" + role + "' is not one of actor, writer, director");
                }
                film.credits().add(new Credit(uuid(row, 4, "person_id"), CreditRole.valueOf(role.toUpperCase(Locale.ROOT))));
            });
        }
        for (FilmRow film : filmRows.values()) {
            CopyText.Row row = film.row();
            try {
                if (!film.problems().isEmpty()) {
                    throw new BadRow("not imported, its links are bad: " + String.join("; ", film.problems()));
                }
                List<String> c = row.columns();
                films.accept(new Task(Kind.FILM, row.where(), new ReviseFilm(film.id(), c.get(3), c.get(4),
                        date(row, 5, "creation_date"), rating(row, 6), type(row, 7), film.genres(), film.credits(), null)));
            } catch (BadRow e) {
                report.reject(Kind.FILM, row.where(), e.getMessage());
            }
        }
    }

    /** A film row with the links that name it; a film with a bad link is refused whole. */
    private record FilmRow(CopyText.Row row, UUID id, List<UUID> genres, List<Credit> credits, List<String> problems) {}

    private static void link(CopyText.Row row, int columns, int filmColumn, Map<UUID, FilmRow> films, Report report,
                             Consumer<FilmRow> action) {
        FilmRow film = null;
        try {
            columns(row, columns);
            UUID filmId = uuid(row, filmColumn, "film_work_id");
            film = films.get(filmId);
            if (film == null) {
                throw new BadRow("film_work_id " + filmId + " names no film of film_work.tsv");
            }
            action.accept(film);
        } catch (BadRow e) {
            if (film != null) {
                // The film would be imported without this link: refuse the whole film instead.
                film.problems().add(row.where() + " " + e.getMessage());
            } else {
                report.rejectLink(row.where(), e.getMessage());
            }
        }
    }

    private static final class BadRow extends RuntimeException {
        BadRow(String message) {
            super(message);
        }
    }

    private static void columns(CopyText.Row row, int expected) {
        if (row.columns().size() != expected) {
            throw new BadRow("has " + row.columns().size() + " columns, expected " + expected);
        }
    }

    private static UUID uuid(CopyText.Row row, int column, String name) {
        String value = row.columns().get(column);
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new BadRow(name + " '" + value + "' is not a uuid");
        }
    }

    private static LocalDate date(CopyText.Row row, int column, String name) {
        String value = row.columns().get(column);
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (RuntimeException e) {
            throw new BadRow(name + " '" + value + "' is not a date");
        }
    }

    private static Double rating(CopyText.Row row, int column) {
        String value = row.columns().get(column);
        try {
            return value == null || value.isBlank() ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            throw new BadRow("rating '" + value + "' is not a number");
        }
    }

    private static FilmType type(CopyText.Row row, int column) {
        String value = row.columns().get(column);
        if (value == null || !List.of("movie", "tv_show").contains(value)) {
            throw new BadRow("type '" + value + "' is not one of movie, tv_show");
        }
        return FilmType.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
