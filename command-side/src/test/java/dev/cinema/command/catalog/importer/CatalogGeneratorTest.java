package dev.cinema.command.catalog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameFilesAndTheShapesOfTheOriginal() throws Exception {
        CatalogGenerator.main(new String[] {"--films=500", "--seed=9", "--out=" + dir.resolve("a")});
        CatalogGenerator.main(new String[] {"--films=500", "--seed=9", "--out=" + dir.resolve("b")});
        CatalogGenerator.main(new String[] {"--films=500", "--seed=10", "--out=" + dir.resolve("c")});
        for (String file : List.of("genre.tsv", "person.tsv", "film_work.tsv", "genre_film_work.tsv", "person_film_work.tsv")) {
            assertThat(Files.readString(dir.resolve("a").resolve(file))).isEqualTo(Files.readString(dir.resolve("b").resolve(file)));
        }
        assertThat(Files.readString(dir.resolve("a/film_work.tsv"))).isNotEqualTo(Files.readString(dir.resolve("c/film_work.tsv")));

        List<CopyText.Row> films = CopyText.read(dir.resolve("a/film_work.tsv"));
        double genresPerFilm = CopyText.read(dir.resolve("a/genre_film_work.tsv")).size() / (double) films.size();
        double creditsPerFilm = CopyText.read(dir.resolve("a/person_film_work.tsv")).size() / (double) films.size();
        double personsPerFilm = CopyText.read(dir.resolve("a/person.tsv")).size() / (double) films.size();
        assertThat(films).hasSize(500);
        assertThat(genresPerFilm).isBetween(1.8, 2.7);   // original: 2.23
        assertThat(creditsPerFilm).isBetween(5.0, 6.6);  // original: 5.79
        assertThat(personsPerFilm).isBetween(3.5, 4.8);  // original: 4.17
    }
}
