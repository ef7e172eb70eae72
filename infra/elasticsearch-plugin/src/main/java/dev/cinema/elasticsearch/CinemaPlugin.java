package dev.cinema.elasticsearch;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.elasticsearch.cluster.metadata.IndexNameExpressionResolver;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.io.stream.NamedWriteableRegistry;
import org.elasticsearch.common.settings.ClusterSettings;
import org.elasticsearch.common.settings.IndexScopedSettings;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.settings.SettingsFilter;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.rest.RestHandler;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Fills the gaps of Elasticsearch's minimal distribution (integ-test-zip: only transport-netty4 and x-pack
 * core/security modules), the server we run locally because it is the one Elastic publishes on Maven Central.
 * It adds just what the platform and its clients use and the full distribution has in its modules:
 * <ul>
 *   <li>{@code GET /} and {@code HEAD /} (module rest-root): elasticsearch-java's {@code info()} and Spring's health check;</li>
 *   <li>the {@code english} and {@code russian} analyzers and the {@code stemmer} token filter (module analysis-common);
 *       {@code standard}, {@code lowercase} and {@code stop} (with {@code _english_}/{@code _russian_}) are in the server;</li>
 *   <li>{@code _delete_by_query} (module reindex): Spring Data's {@code deleteAll()} and delete-by-query.</li>
 * </ul>
 * Production uses the official full image and does not install this plugin.
 */
public class CinemaPlugin extends Plugin implements ActionPlugin, AnalysisPlugin {

    /** Set by {@link #createComponents}, which the node calls before it serves any request. */
    private volatile ClusterService clusterService;

    @Override
    public Collection<?> createComponents(PluginServices services) {
        clusterService = services.clusterService();
        return List.of();
    }

    @Override
    public List<RestHandler> getRestHandlers(
        Settings settings,
        NamedWriteableRegistry namedWriteableRegistry,
        RestController restController,
        ClusterSettings clusterSettings,
        IndexScopedSettings indexScopedSettings,
        SettingsFilter settingsFilter,
        IndexNameExpressionResolver indexNameExpressionResolver,
        Supplier<DiscoveryNodes> nodesInCluster,
        Predicate<NodeFeature> clusterSupportsFeature
    ) {
        return List.of(new RestRootAction(settings, () -> clusterService), new RestDeleteByQueryAction());
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(
            "english", (indexSettings, env, name, settings) -> new LanguageAnalyzerProvider<>(name, settings, env,
                EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, EnglishAnalyzer::new),
            "russian", (indexSettings, env, name, settings) -> new LanguageAnalyzerProvider<>(name, settings, env,
                RussianAnalyzer.getDefaultStopSet(), RussianAnalyzer::new)
        );
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of("stemmer", (indexSettings, env, name, settings) -> new StemmerTokenFilterFactory(name, settings));
    }
}
