package dev.cinema.query.catalog.genre;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.cinema.query.search.SearchIndices;
import dev.cinema.query.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/movies/api/v1/genres")
@Tag(name = "genres", description = "Film genres")
public class GenreController {

    static final String TOTAL_COUNT = "X-Total-Count";
    private static final Logger log = LoggerFactory.getLogger(GenreController.class);

    private final ElasticsearchClient client;
    private final SearchIndices indices;

    public GenreController(ElasticsearchClient client, SearchIndices indices) {
        this.client = client;
        this.indices = indices;
    }

    @GetMapping
    @Operation(summary = "All genres, sorted by name",
            responses = @ApiResponse(responseCode = "200", description = "A page of genres (an empty page is [])",
                    headers = @Header(name = TOTAL_COUNT, description = "Number of genres in all pages")))
    public ResponseEntity<List<GenreView>> list(
            @Parameter(description = "Page number, from 1") @RequestParam(name = Paging.NUMBER, required = false) Integer pageNumber,
            @Parameter(hidden = true) @RequestParam(name = Paging.NUMBER_ALT, required = false) Integer pageNumberAlt,
            @Parameter(description = "Page size, 1 to 100") @RequestParam(name = Paging.SIZE, required = false) Integer pageSize,
            @Parameter(hidden = true) @RequestParam(name = Paging.SIZE_ALT, required = false) Integer pageSizeAlt)
            throws IOException {
        Paging paging = Paging.of(pageNumber, pageNumberAlt, pageSize, pageSizeAlt);
        String alias = indices.alias(GenreDocument.INDEX);
        if (!paging.withinWindow()) {
            long total = client.count(c -> c.index(alias)).count();
            if (paging.from() < total) {
                throw paging.tooDeep();
            }
            return page(List.of(), total);
        }
        SearchResponse<GenreDocument> response = client.search(s -> s.index(alias)
                .from((int) paging.from()).size(paging.size())
                .sort(o -> o.field(f -> f.field("name.raw").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                .source(src -> src.filter(f -> f.includes("id", "name")))
                .trackTotalHits(t -> t.enabled(true)), GenreDocument.class);
        List<GenreView> genres = response.hits().hits().stream()
                .map(Hit::source).filter(Objects::nonNull).map(GenreView::of).toList();
        long total = response.hits().total() == null ? genres.size() : response.hits().total().value();
        log.debug("genres page {} of size {}: {} of {}", paging.number(), paging.size(), genres.size(), total);
        return page(genres, total);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One genre", responses = {
            @ApiResponse(responseCode = "200", description = "The genre"),
            @ApiResponse(responseCode = "404", description = "No such genre")})
    public GenreView get(@PathVariable UUID id) throws IOException {
        GetResponse<GenreDocument> response = client.get(g -> g.index(indices.alias(GenreDocument.INDEX))
                .id(id.toString()).sourceIncludes("id", "name"), GenreDocument.class);
        if (!response.found() || response.source() == null) {
            log.debug("genre {} not found", id);
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No genre with id " + id), null);
        }
        return GenreView.of(response.source());
    }

    private static ResponseEntity<List<GenreView>> page(List<GenreView> genres, long total) {
        return ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(total)).body(genres);
    }
}
