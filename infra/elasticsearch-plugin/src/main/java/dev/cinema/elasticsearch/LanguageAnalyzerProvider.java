package dev.cinema.elasticsearch;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.Analysis;

import java.util.function.BiFunction;

/**
 * A Lucene language analyzer ({@code EnglishAnalyzer}, {@code RussianAnalyzer}) with the two settings the real
 * language analyzers of analysis-common take: {@code stopwords} (a list, a file or a named set such as
 * {@code _none_}) and {@code stem_exclusion}. The analyzer is built once per index and shared, as ES does.
 */
final class LanguageAnalyzerProvider<A extends StopwordAnalyzerBase> extends AbstractIndexAnalyzerProvider<A> {

    private final A analyzer;

    LanguageAnalyzerProvider(
        String name,
        Settings settings,
        Environment env,
        CharArraySet defaultStopWords,
        BiFunction<CharArraySet, CharArraySet, A> constructor
    ) {
        super(name, settings);
        analyzer = constructor.apply(
            Analysis.parseStopWords(env, settings, defaultStopWords),
            Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET)
        );
    }

    @Override
    public A get() {
        return analyzer;
    }
}
