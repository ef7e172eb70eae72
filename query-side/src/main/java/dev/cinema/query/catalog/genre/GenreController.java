package dev.cinema.query.catalog.genre;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.cinema.query.cache.ResponseCache;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/movies/api/v1/genres")
@Tag(name = "genres", description = "Film genres")
public class GenreController {

    private static final List<String> FIELDS = List.of("id", "name");
    private static final List<SortOptions> BY_NAME = List.of(
            SortOptions.of(o -> o.field(f -> f.field("name.raw").order(SortOrder.Asc))),
            SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));

    private final SearchQueries search;
    private final ResponseCache cache;

    public GenreController(SearchQueries search, ResponseCache cache) {
        this.search = search;
        this.cache = cache;
    }

    @GetMapping
    @Operation(summary = "All genres, sorted by name; X-Total-Count has the total")
    public ResponseEntity<List<GenreView>> list(@Parameter(hidden = true) Paging paging) throws IOException {
        Query all = Query.of(q -> q.matchAll(m -> m));
        return cache.page("genres", "list:" + paging.number() + ":" + paging.size(), GenreView.class,
                () -> search.page(GenreDocument.INDEX, all, BY_NAME, FIELDS, paging, GenreDocument.class)
                        .map(GenreView::of)).toResponse();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One genre; 404 when there is none")
    public GenreView get(@PathVariable UUID id) throws IOException {
        return cache.get(ResponseCache.document("genre", id), "details", GenreView.class, () ->
                search.find(GenreDocument.INDEX, id.toString(), FIELDS, GenreDocument.class)
                        .map(GenreView::of).orElseThrow(() -> NotFound.of("genre", id)));
    }
}
