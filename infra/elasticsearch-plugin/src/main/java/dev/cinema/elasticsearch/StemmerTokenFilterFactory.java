package dev.cinema.elasticsearch;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.tartarus.snowball.ext.RussianStemmer;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The {@code stemmer} token filter of analysis-common, for the languages this project indexes. Same names and the
 * same Lucene filters as the real one, so index settings written for the official image work unchanged here:
 * {@code english}/{@code porter} (Porter), {@code minimal_english}, {@code possessive_english}, {@code russian}
 * (Snowball) and {@code light_russian}. Any other language is refused at index creation, not silently ignored.
 */
final class StemmerTokenFilterFactory extends AbstractTokenFilterFactory {

    private final UnaryOperator<TokenStream> stemmer;

    StemmerTokenFilterFactory(String name, Settings settings) {
        super(name, settings);
        // Like the real filter: "language", with "name" as its alias, defaulting to english (Porter).
        String language = settings.get("language", settings.get("name", "english")).toLowerCase(Locale.ROOT);
        stemmer = switch (language) {
            case "english", "porter" -> PorterStemFilter::new;
            case "minimal_english" -> EnglishMinimalStemFilter::new;
            case "possessive_english" -> EnglishPossessiveFilter::new;
            case "russian" -> in -> new SnowballFilter(in, new RussianStemmer());
            case "light_russian" -> RussianLightStemFilter::new;
            default -> throw new IllegalArgumentException(
                "stemmer [" + name + "]: language [" + language + "] is not supported by the cinema-analysis plugin "
                    + "(english, porter, minimal_english, possessive_english, russian, light_russian)");
        };
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemmer.apply(tokenStream);
    }
}
