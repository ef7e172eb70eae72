package dev.cinema.query.web;

import dev.cinema.kit.web.ProblemDetailsAdvice.InvalidFieldException;

/**
 * The content API's paging: {@code page_number} ≥ 1 (default 1) and {@code page_size} 1..100 (default 50),
 * also accepted in the {@code page[number]}/{@code page[size]} dialect. A value out of range is a 422 that
 * names the parameter as the client spelled it.
 *
 * @param numberField the page-number parameter as the client spelled it, for errors about the page
 */
public record Paging(int number, int size, String numberField) {

    public static final String NUMBER = "page_number";
    public static final String SIZE = "page_size";
    public static final String NUMBER_ALT = "page[number]";
    public static final String SIZE_ALT = "page[size]";
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 100;
    /** Elasticsearch's default {@code index.max_result_window}: from + size may not exceed it. */
    public static final int MAX_WINDOW = 10_000;

    /** Builds the paging from either dialect's parameters (null when absent); the snake_case one wins. */
    public static Paging of(Integer number, Integer numberAlt, Integer size, Integer sizeAlt) {
        String numberField = number != null || numberAlt == null ? NUMBER : NUMBER_ALT;
        String sizeField = size != null || sizeAlt == null ? SIZE : SIZE_ALT;
        int pageNumber = number != null ? number : numberAlt != null ? numberAlt : 1;
        int pageSize = size != null ? size : sizeAlt != null ? sizeAlt : DEFAULT_SIZE;
        if (pageNumber < 1) {
            throw new InvalidFieldException(numberField, "must be greater than or equal to 1");
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw new InvalidFieldException(sizeField, "must be between 1 and " + MAX_SIZE);
        }
        return new Paging(pageNumber, pageSize, numberField);
    }

    /** The offset of the page's first item; a long, because number × size can exceed an int. */
    public long from() {
        return (long) (number - 1) * size;
    }

    /** Whether the page lies within the window that Elasticsearch pages through with from/size. */
    public boolean withinWindow() {
        return from() + size <= MAX_WINDOW;
    }

    /** The error for a page past the window that still holds results (deeper paging needs a narrower query). */
    public InvalidFieldException tooDeep() {
        return new InvalidFieldException(numberField,
                "only the first " + MAX_WINDOW + " results can be paged through; narrow the query");
    }
}
