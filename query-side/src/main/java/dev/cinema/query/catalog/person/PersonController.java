package dev.cinema.query.catalog.person;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.cinema.query.cache.ResponseCache;
import dev.cinema.query.catalog.person.PersonViews.FilmOfPerson;
import dev.cinema.query.catalog.person.PersonViews.PersonView;
import dev.cinema.query.search.SearchQueries;
import dev.cinema.query.web.NotFound;
import dev.cinema.query.web.Page;
import dev.cinema.query.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/movies/api/v1/persons")
@Tag(name = "persons", description = "Actors, writers and directors")
public class PersonController {

    private final SearchQueries search;
    private final ResponseCache cache;

    public PersonController(SearchQueries search, ResponseCache cache) {
        this.search = search;
        this.cache = cache;
    }

    @GetMapping
    @Operation(summary = "Persons by full name; X-Total-Count has the total")
    public ResponseEntity<List<PersonView>> list(@Parameter(hidden = true) Paging paging) throws IOException {
        List<SortOptions> byName = List.of(SortOptions.of(o -> o.field(f -> f.field("full_name.raw"))),
                SortOptions.of(o -> o.field(f -> f.field("id"))));
        return cache.page("persons", "list:" + paging.number() + ":" + paging.size(), PersonView.class, () ->
                search.page(PersonDocument.INDEX, Query.of(q -> q.matchAll(m -> m)), byName, PersonView.FIELDS, paging,
                        PersonDocument.class).map(PersonView::of)).toResponse();
    }

    @GetMapping("/search")
    @Operation(summary = "Persons whose full name matches the query, by relevance")
    public ResponseEntity<List<PersonView>> search(@RequestParam String query,
                                                   @Parameter(hidden = true) Paging paging) throws IOException {
        Query match = Query.of(q -> q.match(m -> m.field("full_name").query(query).fuzziness("AUTO")
                .operator(Operator.And)));
        String key = "search:" + query + ":" + paging.number() + ":" + paging.size();
        return cache.page("persons", key, PersonView.class, () -> search.page(PersonDocument.INDEX, match, List.of(),
                PersonView.FIELDS, paging, PersonDocument.class).map(PersonView::of)).toResponse();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One person with their films and roles; 404 when there is none")
    public PersonView details(@PathVariable UUID id) throws IOException {
        return cache.get(ResponseCache.document("person", id), "details", PersonView.class,
                () -> PersonView.of(person(id, PersonView.FIELDS)));
    }

    @GetMapping("/{id}/film")
    @Operation(summary = "The person's films, best rated first; 404 when there is no such person")
    public ResponseEntity<List<FilmOfPerson>> films(@PathVariable UUID id, @Parameter(hidden = true) Paging paging)
            throws IOException {
        return cache.page(ResponseCache.document("person", id), "films:" + paging.number() + ":" + paging.size(),
                FilmOfPerson.class, () -> {
                    List<FilmOfPerson> films = person(id, List.of("id", "films")).films().stream()
                            .map(f -> new FilmOfPerson(f.id(), f.title(), f.imdbRating()))
                            .sorted(Comparator.comparing(FilmOfPerson::imdbRating,
                                            Comparator.nullsLast(Comparator.reverseOrder()))
                                    .thenComparing(FilmOfPerson::title))
                            .toList();
                    int from = (int) Math.min(paging.from(), films.size());
                    int to = (int) Math.min(paging.from() + paging.size(), films.size());
                    return new Page<>(films.subList(from, to), films.size());
                }).toResponse();
    }

    private PersonDocument person(UUID id, List<String> fields) throws IOException {
        return search.find(PersonDocument.INDEX, id.toString(), fields, PersonDocument.class)
                .orElseThrow(() -> NotFound.of("person", id));
    }
}
