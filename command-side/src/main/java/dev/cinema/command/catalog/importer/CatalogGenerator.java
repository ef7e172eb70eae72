package dev.cinema.command.catalog.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a synthetic catalogue in the original catalogue's format (five COPY text files), for benchmarks:
 * {@code --films=N --seed=S --out=DIR}. The same seed gives byte-identical files. Shapes follow the original
 * catalogue: about 2.2 genres and 5.8 credits per film (directors, writers, actors), about 4.2 persons per film
 * with a long tail of prolific ones (preferential attachment), 7% of credited persons holding a second role on the
 * same film, a quarter of films without description, ratings around 6.5, one film in a thousand unrated, 15% TV shows.
 * Runs without Spring: {@code java -cp command-side.jar -Dloader.main=...CatalogGenerator
 * org.springframework.boot.loader.launch.PropertiesLauncher --films=10000}.
 */
public final class CatalogGenerator {

    private static final String[] GENRES = {"Action", "Adventure", "Fantasy", "Sci-Fi", "Drama", "Music", "Romance",
        "Thriller", "Mystery", "Comedy", "Animation", "Family", "Biography", "Musical", "Crime", "Short", "Western",
        "Documentary", "History", "War", "Game-Show", "Reality-TV", "Horror", "Sport", "Talk-Show", "News"};
    /** Relative popularity of the genres above (the original catalogue is dominated by a few). */
    private static final int[] GENRE_WEIGHTS = {30, 25, 15, 40, 35, 4, 8, 12, 6, 14, 18, 10, 3, 2, 6, 3, 2, 5, 3, 4, 1, 1,
        5, 2, 1, 1};
    private static final String[] FIRST = {"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda",
        "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles",
        "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Margaret", "Donald", "Sandra", "Steven",
        "Ashley", "Paul", "Kimberly", "Andrew", "Emily", "Joshua", "Donna", "Kenneth", "Michelle", "Kevin", "Carol",
        "Brian", "Amanda", "George", "Dorothy", "Timothy", "Melissa", "Ronald", "Deborah", "Olga", "Ivan", "Anna", "Dmitri",
        "Yuki", "Hiro", "Chen", "Mei", "Luca", "Giulia", "Pierre", "Amélie", "Hans", "Greta", "Carlos", "Sofía"};
    private static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
        "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis",
        "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green",
        "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Ivanov", "Petrova",
        "Tanaka", "Sato", "Wang", "Li", "Rossi", "Bianchi", "Dubois", "Moreau", "Müller", "Schmidt", "O'Brien", "Kowalski"};
    private static final String[] TITLE_WORDS = {"Star", "Night", "Return", "Empire", "Shadow", "Last", "Dark", "City",
        "Lost", "Galaxy", "Dream", "War", "Secret", "Love", "Blood", "Storm", "Island", "Kingdom", "Ghost", "Fire", "Ice",
        "Journey", "Legend", "Rise", "Fall", "Hunter", "Silent", "Wild", "Golden", "Broken", "Forgotten", "Eternal",
        "Midnight", "Iron", "Crystal", "Red", "Blue", "Black", "White", "Trek", "Force", "Moon", "Sun", "Ocean", "River"};
    private static final String[] SENTENCES = {"A young hero leaves home to face an ancient evil.",
        "Two strangers meet on a train and their lives change forever.",
        "A detective races against time to stop a killer.", "The crew of a starship discovers a signal from deep space.",
        "An unlikely friendship grows in a small town.", "A family keeps a secret that could destroy them.",
        "Rebels fight an empire that rules the galaxy.", "A musician chases one last chance at fame.",
        "Survivors struggle to rebuild after the storm.", "A heist goes wrong in every possible way."};
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'")
            .withZone(ZoneOffset.UTC);

    private final Random random;
    private Instant clock = Instant.parse("2021-06-16T20:14:09Z");

    private CatalogGenerator(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        int films = 1000;
        long seed = 42;
        Path out = Path.of(".");
        for (String arg : args) {
            if (arg.startsWith("--films=")) {
                films = Integer.parseInt(arg.substring(8));
            } else if (arg.startsWith("--seed=")) {
                seed = Long.parseLong(arg.substring(7));
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring(6));
            } else {
                throw new IllegalArgumentException("usage: --films=N --seed=S --out=DIR (got " + arg + ")");
            }
        }
        long started = System.nanoTime();
        Files.createDirectories(out);
        String counts = new CatalogGenerator(seed).write(films, out);
        System.err.printf(Locale.ROOT, "generated %s in %s (seed %d) in %.1f s%n", counts, out, seed,
                (System.nanoTime() - started) / 1e9);
    }

    private String write(int filmCount, Path out) throws IOException {
        List<UUID> genres = new ArrayList<>();
        try (BufferedWriter w = writer(out, "genre.tsv")) {
            for (String name : GENRES) {
                UUID id = uuid();
                genres.add(id);
                String at = stamp();
                CopyText.writeRow(w, at, at, id.toString(), name, null);
            }
        }
        List<UUID> persons = new ArrayList<>();
        List<Integer> popularity = new ArrayList<>(); // one entry per credit: picking from it favours prolific persons
        int genreLinks = 0;
        int credits = 0;
        try (BufferedWriter filmsOut = writer(out, "film_work.tsv");
             BufferedWriter genreOut = writer(out, "genre_film_work.tsv");
             BufferedWriter creditOut = writer(out, "person_film_work.tsv")) {
            int totalWeight = 0;
            for (int weight : GENRE_WEIGHTS) {
                totalWeight += weight;
            }
            for (int f = 0; f < filmCount; f++) {
                UUID film = uuid();
                String at = stamp();
                String title = title();
                String description = random.nextInt(4) == 0 ? null
                        : SENTENCES[random.nextInt(SENTENCES.length)] + " " + SENTENCES[random.nextInt(SENTENCES.length)];
                String rating = random.nextInt(1000) == 0 ? null
                        : String.format(Locale.ROOT, "%.1f", Math.max(0, Math.min(10, 6.5 + random.nextGaussian() * 1.2)));
                String date = random.nextInt(2) == 0 ? null
                        : LocalDate.of(1950 + random.nextInt(72), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString();
                String type = random.nextInt(100) < 15 ? "tv_show" : "movie";
                CopyText.writeRow(filmsOut, at, at, film.toString(), title, description, date, rating, type, null);

                int genreCount = 1 + (random.nextInt(100) < 35 ? 0 : random.nextInt(100) < 60 ? 1 : 2 + random.nextInt(3));
                Set<Integer> chosen = new LinkedHashSet<>();
                while (chosen.size() < Math.min(genreCount, GENRES.length)) {
                    int pick = random.nextInt(totalWeight);
                    int g = 0;
                    while (pick >= GENRE_WEIGHTS[g]) {
                        pick -= GENRE_WEIGHTS[g++];
                    }
                    chosen.add(g);
                }
                for (int g : chosen) {
                    CopyText.writeRow(genreOut, uuid().toString(), at, film.toString(), genres.get(g).toString());
                    genreLinks++;
                }

                Set<String> filmCredits = new LinkedHashSet<>();
                int directors = 1 + (random.nextInt(10) == 0 ? 1 : 0);
                int writers = 1 + random.nextInt(2);
                int actors = 2 + random.nextInt(4);
                List<Integer> crew = new ArrayList<>();
                for (String role : List.of("director", "writer", "actor")) {
                    int n = role.equals("director") ? directors : role.equals("writer") ? writers : actors;
                    for (int i = 0; i < n; i++) {
                        int person;
                        if (!crew.isEmpty() && random.nextInt(100) < 7) {
                            person = crew.get(random.nextInt(crew.size())); // a second role on the same film
                        } else if (popularity.isEmpty() || random.nextInt(100) < 72) {
                            person = persons.size();
                            persons.add(uuid());
                        } else {
                            person = popularity.get(random.nextInt(popularity.size()));
                        }
                        if (filmCredits.add(person + role)) {
                            crew.add(person);
                            popularity.add(person);
                            CopyText.writeRow(creditOut, uuid().toString(), role, at, film.toString(), persons.get(person).toString());
                            credits++;
                        }
                    }
                }
            }
        }
        try (BufferedWriter w = writer(out, "person.tsv")) {
            for (UUID person : persons) {
                String at = stamp();
                CopyText.writeRow(w, at, at, person.toString(), FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)]);
            }
        }
        return String.format(Locale.ROOT, "%d films, %d genres, %d persons, %d genre links, %d credits",
                filmCount, GENRES.length, persons.size(), genreLinks, credits);
    }

    private String title() {
        int words = 1 + random.nextInt(3);
        StringBuilder title = new StringBuilder(random.nextInt(5) == 0 ? "The " : "");
        for (int i = 0; i < words; i++) {
            title.append(i > 0 ? " " : "").append(TITLE_WORDS[random.nextInt(TITLE_WORDS.length)]);
        }
        if (random.nextInt(6) == 0) {
            title.append(' ').append(2 + random.nextInt(4));
        }
        return title.toString();
    }

    /** A random (version 4) UUID drawn from the seeded generator. */
    private UUID uuid() {
        long high = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private String stamp() {
        clock = clock.plusNanos(17_000 + random.nextInt(50_000) * 1000L);
        return STAMP.format(clock);
    }

    private static BufferedWriter writer(Path dir, String name) throws IOException {
        return Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
    }
}
