package dev.cinema.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.cinema.query.web.Page;
import dev.cinema.query.web.Paging;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The reads of the content API: one document by id, or one page of a list or search query. A page past Elasticsearch's from/size window answers {@code []}
 * with the total when the results end before it, and a 422 when there would be results there.
 */
@Component
public class SearchQueries {

    private final ElasticsearchClient client;
    private final SearchIndices indices;

    public SearchQueries(ElasticsearchClient client, SearchIndices indices) {
        this.client = client;
        this.indices = indices;
    }

    /** The document {@code id} of {@code index}, with only {@code fields} when some are named. */
    public <T> Optional<T> find(SearchIndex index, String id, List<String> fields, Class<T> type) throws IOException {
        GetResponse<T> response = client.get(g -> g.index(indices.alias(index)).id(id).sourceIncludes(fields), type);
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }

    /**
     * @param sort    empty for relevance order
     * @param fields  the source fields to fetch
     */
    public <T> Page<T> page(SearchIndex index, Query query, List<SortOptions> sort, List<String> fields,
                            Paging paging, Class<T> type) throws IOException {
        String alias = indices.alias(index);
        if (!paging.withinWindow()) {
            long total = client.count(c -> c.index(alias).query(query)).count();
            if (paging.from() < total) {
                throw paging.tooDeep();
            }
            return new Page<>(List.of(), total);
        }
        SearchResponse<T> response = client.search(s -> s.index(alias).query(query)
                .from((int) paging.from()).size(paging.size()).sort(sort)
                .source(src -> src.filter(f -> f.includes(fields)))
                .trackTotalHits(t -> t.enabled(true)), type);
        List<T> items = response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
        long total = response.hits().total() == null ? items.size() : response.hits().total().value();
        return new Page<>(items, total);
    }
}
