package dev.cinema.elasticsearch;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.common.settings.Settings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The stemmer alone, on the languages the platform indexes. The plugin as a whole is proven against the running server. */
class StemmerTokenFilterFactoryTest {

    @Test
    void stemsEnglishPossessivesAndRussian() throws IOException {
        assertEquals(List.of("run", "бегущие"), analyze("english", "Running бегущие"));
        assertEquals(List.of("dog", "bone"), analyze("possessive_english", "dog's bone"));
        assertEquals(List.of("running", "бегущ"), analyze("russian", "Running бегущие"));
    }

    @Test
    void refusesUnknownLanguages() {
        assertThrows(IllegalArgumentException.class, () -> stemmer("klingon"));
    }

    private static StemmerTokenFilterFactory stemmer(String language) {
        return new StemmerTokenFilterFactory("test", Settings.builder().put("language", language).build());
    }

    private static List<String> analyze(String language, String text) throws IOException {
        StemmerTokenFilterFactory factory = stemmer(language);
        Analyzer analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, factory.create(new LowerCaseFilter(tokenizer)));
            }
        };
        List<String> tokens = new ArrayList<>();
        try (analyzer; TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }
}
