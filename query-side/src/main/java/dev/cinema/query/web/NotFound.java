package dev.cinema.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The 404 problem of a detail endpoint. */
public final class NotFound {

    private NotFound() {
    }

    public static ErrorResponseException of(String kind, Object id) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No " + kind + " with id " + id), null);
    }
}
