package dev.cinema.command.catalog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.command.CommandSideTest;
import dev.cinema.command.catalog.Outcome;
import dev.cinema.command.catalog.importer.CatalogImporter.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The importer against the real event store: source ids kept, bad rows reported, films never half-imported, idempotent. */
@CommandSideTest
class CatalogImporterTest {

    @Autowired
    CatalogImporter importer;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    private static final String AT = "2021-06-16 20:14:09.309735+00";

    private void write(String file, String... rows) throws IOException {
        Files.writeString(dir.resolve(file), rows.length == 0 ? "" : String.join("\n", rows) + "\n");
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    @Test
    void importsKeepingIdsRejectsBadRowsWholeAndWritesNothingTheSecondTime() throws IOException {
        UUID genre = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        UUID badLink = UUID.randomUUID();
        UUID badRating = UUID.randomUUID();
        String name = "Genre " + UUID.randomUUID();
        write("genre.tsv", String.join("\t", AT, AT, genre.toString(), name, "Tabs\\there"));
        write("person.tsv", String.join("\t", AT, AT, person.toString(), "Mark Hamill"),
                String.join("\t", AT, AT, "not-a-uuid", "Nobody"));
        write("film_work.tsv",
                String.join("\t", AT, AT, good.toString(), "Star Wars", "\\N", "\\N", "8.6", "movie", "\\N"),
                String.join("\t", AT, AT, badLink.toString(), "Half Film", "\\N", "\\N", "7", "movie", "\\N"),
                String.join("\t", AT, AT, badRating.toString(), "Too Good", "\\N", "\\N", "11", "movie", "\\N"));
        write("genre_film_work.tsv",
                String.join("\t", UUID.randomUUID().toString(), AT, good.toString(), genre.toString()),
                String.join("\t", UUID.randomUUID().toString(), AT, badLink.toString(), genre.toString()));
        write("person_film_work.tsv",
                String.join("\t", UUID.randomUUID().toString(), "actor", AT, good.toString(), person.toString()),
                String.join("\t", UUID.randomUUID().toString(), "writer", AT, good.toString(), person.toString()),
                String.join("\t", UUID.randomUUID().toString(), "grip", AT, badLink.toString(), person.toString()));

        CatalogImporter.Report first = importer.run(dir, 4, (done, total) -> { });

        assertThat(first.count(Kind.GENRE, Outcome.CREATED)).isEqualTo(1);
        assertThat(first.count(Kind.PERSON, Outcome.CREATED)).isEqualTo(1);
        assertThat(first.rejected(Kind.PERSON)).isEqualTo(1);
        assertThat(first.count(Kind.FILM, Outcome.CREATED)).isEqualTo(1);
        assertThat(first.rejected(Kind.FILM)).isEqualTo(2);
        assertThat(first.reasons()).anySatisfy(r -> assertThat(r).contains("film_work.tsv:2").contains("grip"))
                .anySatisfy(r -> assertThat(r).contains("film_work.tsv:3").contains("rating"))
                .anySatisfy(r -> assertThat(r).contains("person.tsv:2").contains("not a uuid"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM catalog_film_credit WHERE film_id = ?", Long.class, good)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN (?, ?)",
                Long.class, badLink.toString(), badRating.toString())).isZero();
        assertThat(jdbc.queryForObject("SELECT name FROM catalog_genre WHERE genre_id = ?", String.class, genre)).isEqualTo(name);

        long before = events();
        CatalogImporter.Report second = importer.run(dir, 4, (done, total) -> { });
        assertThat(events()).isEqualTo(before);
        assertThat(second.count(Kind.FILM, Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(second.count(Kind.GENRE, Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(second.count(Kind.PERSON, Outcome.UNCHANGED)).isEqualTo(1);
    }

    @Test
    void copyTextEscapesRoundTrip() {
        String value = "a\tb\nc\\d";
        assertThat(CopyText.unescape(CopyText.escape(value))).isEqualTo(value);
        assertThat(CopyText.unescape("caf\\303\\251")).isEqualTo("café");
    }
}
