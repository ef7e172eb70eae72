package dev.cinema.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.GetIndexResponse;
import co.elastic.clients.elasticsearch.indices.IndexState;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.cinema.query.QuerySideTest;
import dev.cinema.query.catalog.genre.GenreDocument;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@QuerySideTest
class SearchIndicesTest {

    @Autowired
    ElasticsearchClient client;

    private final String prefix = "test_" + UUID.randomUUID().toString().substring(0, 8) + "_";
    private final SearchIndex genres = GenreDocument.INDEX;

    @AfterEach
    void dropIndices() throws IOException {
        client.indices().delete(d -> d.index(prefix + "*").allowNoIndices(true).ignoreUnavailable(true));
    }

    @Test
    void createsTheVersionedIndexBehindItsAliasWithTheSeedSettings() throws IOException {
        SearchIndices indices = new SearchIndices(client, new SearchProperties(prefix, 0), List.of(genres));
        indices.afterSingletonsInstantiated();

        GetIndexResponse response = client.indices().get(g -> g.index(prefix + "genres"));
        assertThat(response.result()).containsOnlyKeys(prefix + "genres_v1");
        IndexState index = response.result().get(prefix + "genres_v1");
        assertThat(index.aliases()).containsOnlyKeys(prefix + "genres");
        assertThat(index.settings().index().numberOfReplicas()).isEqualTo("0");
        assertThat(index.settings().index().refreshInterval().time()).isEqualTo("1s");
        assertThat(index.settings().index().analysis().analyzer()).containsKey("ru_en");
        assertThat(index.settings().index().analysis().filter())
                .containsKeys("english_stop", "english_stemmer", "english_possessive_stemmer", "russian_stop", "russian_stemmer");
        assertThat(index.mappings().dynamic()).hasToString("Strict");
        assertThat(index.mappings().properties()).containsOnlyKeys("id", "name", "description");
        assertThat(index.mappings().properties().get("name").text().fields()).containsKey("raw");

        // The ru_en analyzer really works (the project's plugin provides its pieces on the minimal distribution).
        List<String> tokens = client.indices().analyze(a -> a.index(prefix + "genres").analyzer("ru_en")
                .text("The Comedies of the world и комедии")).tokens().stream().map(t -> t.token()).toList();
        assertThat(tokens).contains("comedi", "world", "комед").doesNotContain("the", "и");
    }

    @Test
    void isIdempotentAndRepairsAMissingAlias() throws IOException {
        new SearchIndices(client, new SearchProperties(prefix, 0), List.of(genres)).ensure(genres);
        client.indices().deleteAlias(d -> d.index(prefix + "genres_v1").name(prefix + "genres"));

        SearchIndices restarted = new SearchIndices(client, new SearchProperties(prefix, 0), List.of(genres));
        restarted.ensure(genres);
        restarted.ensure(genres);

        assertThat(client.indices().existsAlias(a -> a.name(prefix + "genres")).value()).isTrue();
        assertThat(client.indices().get(g -> g.index(prefix + "genres")).result()).containsOnlyKeys(prefix + "genres_v1");
    }

    @Test
    void writesNeverAutoCreateAConcreteIndex() throws IOException {
        SearchIndices indices = new SearchIndices(client, new SearchProperties(prefix, 0), List.of(genres));
        indices.ensure(genres);
        client.indices().delete(d -> d.index(prefix + "genres_v1"));

        // The write goes to the alias with require_alias: with the alias gone it fails instead of guessing.
        assertThatThrownBy(() -> client.index(i -> i.index(prefix + "genres").id("x")
                .document(Map.of("id", "x")).requireAlias(true)))
                .isInstanceOf(ElasticsearchException.class);
        assertThat(client.indices().exists(e -> e.index(prefix + "genres")).value()).isFalse();
    }

    @Test
    void anUnreachableElasticsearchFailsTheFirstWriteSoTheProcessorRetries() throws IOException {
        try (RestClient dead = RestClient.builder(new HttpHost("127.0.0.1", 9)).build()) {
            ElasticsearchClient unreachable = new ElasticsearchClient(new RestClientTransport(dead, new JacksonJsonpMapper()));
            SearchIndices indices = new SearchIndices(unreachable, new SearchProperties(prefix, 0), List.of(genres));
            indices.afterSingletonsInstantiated(); // startup survives

            assertThatThrownBy(() -> indices.ensure(genres)).isInstanceOf(IOException.class);
        }
    }
}
