package dev.cinema.query.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.cinema.kit.web.MalformedInput;
import dev.cinema.query.QuerySideTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Generated malformed requests against every endpoint of the content API: paging out of range or not a number
 * is a 4xx naming the parameter, and no search text, sort, genre or id, however hostile, gets a 5xx.
 */
@QuerySideTest
class MalformedQueriesTest {

    private static final String API = "/movies/api/v1";
    private static final List<String> LISTS = List.of(
            API + "/films", API + "/films/search?query=star", API + "/genres", API + "/persons/search?query=lucas",
            API + "/persons/" + UUID.randomUUID() + "/film");
    /** Never a page number or size; blank values are absent parameters (the defaults), so they are not here. */
    private static final List<String> BAD_PAGE_VALUES = Stream.concat(Stream.of(
                    "abc", "-1", "0", "1.5", "1e3", "99999999999999999999", "2147483648", "-2147483649", "1'--", "0x10",
                    "NaN", "%00"),
            MalformedInput.INJECTIONS.stream().filter(text -> !text.isBlank())).toList();

    @Autowired
    MockMvc mvc;

    private final List<String> wrong = new ArrayList<>();
    private int sent;

    @Test
    void malformedParametersAreRefusedAndHostileTextIsNeverAServerError() throws Exception {
        // Paging is checked before any search: cheap, so every list gets every bad value.
        for (String list : LISTS) {
            for (String value : BAD_PAGE_VALUES) {
                for (String parameter : List.of("page_number", "page_size", "page[number]", "page[size]")) {
                    expect(list, parameter, value, true);
                }
            }
            expect(list, "page_size", "101", true);
            expect(list, "page[size]", "1000000", true);
            // Past Elasticsearch's result window.
            expect(list, "page_number", "1000000", false);
        }
        // Hostile text reaches Elasticsearch: once per parameter that is used.
        String films = API + "/films";
        expect(films, "genre", "g".repeat(256), true);
        for (String text : MalformedInput.INJECTIONS) {
            expect(films, "sort", text, false);
            expect(films, "genre", text, false);
            expect(API + "/films/search", "query", text, false);
            expect(API + "/persons/search?page_size=1", "query", text, false);
            for (String kind : List.of("films", "genres", "persons")) {
                status(kind + " id " + text, get(API + "/" + kind + "/{id}", text));
            }
            status("person's films id " + text, get(API + "/persons/{id}/film", text));
        }
        status("films search without query", get(API + "/films/search"));
        assertThat(wrong).as("answers that broke the rules").isEmpty();
        assertThat(sent).isGreaterThanOrEqualTo(1_000);
    }

    /** One parameter set to the value; a refusal must be a 4xx, and nothing may be a 5xx. */
    private void expect(String path, String parameter, String value, boolean refused) throws Exception {
        int status = status(path + " " + parameter + "=" + value, get(path).param(parameter, value));
        if (refused && status < 400) {
            wrong.add(status + " " + path + " " + parameter + "=" + value);
        }
    }

    private int status(String label, MockHttpServletRequestBuilder request) throws Exception {
        sent++;
        var response = mvc.perform(request).andReturn().getResponse();
        if (response.getStatus() >= 500) {
            wrong.add(response.getStatus() + " " + label + " " + response.getContentAsString());
        }
        return response.getStatus();
    }
}
