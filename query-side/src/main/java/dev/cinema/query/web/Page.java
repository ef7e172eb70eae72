package dev.cinema.query.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;

/** One page of a list answer and the number of items in all pages (sent as {@code X-Total-Count}). */
public record Page<T>(List<T> items, long total) {

    public static final String TOTAL_COUNT = "X-Total-Count";

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total);
    }

    public ResponseEntity<List<T>> toResponse() {
        return ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(total)).body(items);
    }
}
