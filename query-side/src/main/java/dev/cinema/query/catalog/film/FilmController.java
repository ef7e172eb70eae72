package dev.cinema.query.catalog.film;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import dev.cinema.kit.web.ProblemDetailsAdvice.InvalidFieldException;
import dev.cinema.query.cache.ResponseCache;
import dev.cinema.query.catalog.film.FilmViews.FilmDetails;
import dev.cinema.query.catalog.film.FilmViews.FilmSummary;
import dev.cinema.query.search.SearchQueries;
import dev.cinema.query.web.NotFound;
import dev.cinema.query.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Films: the list and the search (paths that a security rule can tell apart from the public details). */
@RestController
@RequestMapping("/movies/api/v1/films")
@Tag(name = "films", description = "Films")
public class FilmController {

    private static final List<String> SEARCHED = List.of(
            "title^3", "description", "actors_names", "writers_names", "directors_names");

    /** As command-side limits a genre's name. */
    private static final int MAX_GENRE_NAME = 255;

    private final SearchQueries search;
    private final ResponseCache cache;

    public FilmController(SearchQueries search, ResponseCache cache) {
        this.search = search;
        this.cache = cache;
    }

    @GetMapping
    @Operation(summary = "Films, sorted and filtered by genre; X-Total-Count has the total")
    public ResponseEntity<List<FilmSummary>> list(
            @Parameter(description = "imdb_rating or title, '-' for descending") @RequestParam(defaultValue = "-imdb_rating") String sort,
            @Parameter(description = "A genre's uuid or name") @RequestParam(required = false) String genre,
            @Parameter(hidden = true) Paging paging) throws IOException {
        List<SortOptions> order = List.of(sortOption(sort), SortOptions.of(o -> o.field(f -> f.field("id"))));
        Query filter = genre == null || genre.isBlank() ? Query.of(q -> q.matchAll(m -> m))
                : Query.of(q -> q.nested(n -> n.path("genres").query(genreQuery(genre.trim()))));
        String key = "list:" + sort + ":" + genre + ":" + paging.number() + ":" + paging.size();
        return cache.page("films", key, FilmSummary.class, () -> search.page(FilmDocument.INDEX, filter, order,
                FilmSummary.FIELDS, paging, FilmDocument.class).map(FilmSummary::of)).toResponse();
    }

    @GetMapping("/search")
    @Operation(summary = "Films matching the query in title (boosted), description and person names, by relevance")
    public ResponseEntity<List<FilmSummary>> search(
            @RequestParam String query,
            @Parameter(description = "Only films of this genre (uuid or name)") @RequestParam(required = false) String genre,
            @Parameter(hidden = true) Paging paging) throws IOException {
        Query text = Query.of(q -> q.multiMatch(m -> m.query(query).fields(SEARCHED)
                .type(TextQueryType.BestFields).fuzziness("AUTO")));
        Query match = genre == null || genre.isBlank() ? text : Query.of(q -> q.bool(b -> b.must(text)
                .filter(f -> f.nested(n -> n.path("genres").query(genreQuery(genre.trim()))))));
        String key = "search:" + query + ":" + genre + ":" + paging.number() + ":" + paging.size();
        return cache.page("films", key, FilmSummary.class, () -> search.page(FilmDocument.INDEX, match, List.of(),
                FilmSummary.FIELDS, paging, FilmDocument.class).map(FilmSummary::of)).toResponse();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One film with its genres and persons; 404 when there is none")
    public FilmDetails details(@PathVariable UUID id) throws IOException {
        return cache.get(ResponseCache.document("film", id), "details", FilmDetails.class, () ->
                search.find(FilmDocument.INDEX, id.toString(), List.of(), FilmDocument.class)
                        .map(FilmDetails::of).orElseThrow(() -> NotFound.of("film", id)));
    }

    private static SortOptions sortOption(String sort) {
        boolean descending = sort.startsWith("-");
        String field = switch (descending ? sort.substring(1) : sort) {
            case "imdb_rating" -> "imdb_rating";
            case "title" -> "title.raw";
            default -> throw new InvalidFieldException("sort", "must be imdb_rating or title, with '-' for descending");
        };
        return SortOptions.of(o -> o.field(f -> f.field(field).order(descending ? SortOrder.Desc : SortOrder.Asc)
                .missing("_last")));
    }

    private static Query genreQuery(String genre) {
        if (genre.length() > MAX_GENRE_NAME) {
            // No genre has such a name, and Elasticsearch fails a case-insensitive term query of over 1,000 characters.
            throw new InvalidFieldException("genre", "must be a genre's uuid or name (at most " + MAX_GENRE_NAME + " characters)");
        }
        Query byName = Query.of(q -> q.term(t -> t.field("genres.name.raw").value(FieldValue.of(genre)).caseInsensitive(true)));
        if (!isUuid(genre)) {
            return byName;
        }
        return Query.of(q -> q.bool(b -> b.should(s -> s.term(t -> t.field("genres.id").value(genre))).should(byName)));
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
