package dev.cinema.query.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.cinema.kit.web.MalformedInput;
import dev.cinema.query.QuerySideTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
    private static final List<String> BAD_PAGE_VALUES = List.of(
            "abc", "-1", "0", "1.5", "1e3", "99999999999999999999", "2147483648", "-2147483649", "1'--", "[]", "{}",
            "0x10", "NaN", "%00");

    @Autowired
    MockMvc mvc;

    private final List<String> wrong = new ArrayList<>();
    private int sent;

    @Test
    void malformedParametersAreRefusedAndHostileTextIsNeverAServerError() throws Exception {
        for (String list : LISTS) {
            for (String value : BAD_PAGE_VALUES) {
                for (String parameter : List.of("page_number", "page_size", "page[number]", "page[size]")) {
                    expect(list, parameter, value, true);
                }
            }
            expect(list, "genre", "g".repeat(256), list.equals(API + "/films"));
            for (String size : List.of("101", "1000000")) {
                expect(list, "page_size", size, true);
                expect(list, "page[size]", size, true);
            }
            // Past Elasticsearch's result window.
            expect(list, "page_number", "1000000", false);
            for (String text : MalformedInput.INJECTIONS) {
                expect(list, "sort", text, false);
                expect(list, "genre", text, false);
            }
        }
        for (String search : List.of(API + "/films/search", API + "/persons/search")) {
            for (String text : MalformedInput.INJECTIONS) {
                expect(search, "query", text, false);
                expect(search + "?page_size=1", "query", text, false);
                expect(search + "?page_number=3&page_size=100", "query", text, false);
            }
            status(search + " without query", get(search));
        }
        for (String text : MalformedInput.INJECTIONS) {
            for (String kind : List.of("films", "genres", "persons")) {
                status(kind + " id " + text, get(API + "/" + kind + "/{id}", text));
            }
            status("person's films id " + text, get(API + "/persons/{id}/film", text));
        }
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
