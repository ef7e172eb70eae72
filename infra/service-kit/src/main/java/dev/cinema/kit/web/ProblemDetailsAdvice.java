package dev.cinema.kit.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns bad input into RFC 7807 problem details that name the offending field: 422 for values that break
 * a rule, 400 for bodies that cannot be read at all. Each problem carries {@code errors: [{field, message}]}.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /**
     * Thrown by handlers for rules they check themselves (uniqueness is a 409, not this): one field, or several
     * when a handler validates a whole body itself and reports every problem at once.
     */
    public static class InvalidFieldException extends RuntimeException {
        private final List<FieldMessage> errors;

        public InvalidFieldException(String field, String message) {
            this(List.of(new FieldMessage(field, message)));
        }

        public InvalidFieldException(List<FieldMessage> errors) {
            super(errors.get(0).field() + ": " + errors.get(0).message()); // at least one error, by contract
            this.errors = List.copyOf(errors);
        }

        public String field() {
            return errors.get(0).field();
        }

        public List<FieldMessage> errors() {
            return errors;
        }
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldMessage(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldMessage::field))
                .toList();
        return unprocessable(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldMessage(
                        error instanceof FieldError fieldError ? fieldError.getField()
                                : requestName(result.getMethodParameter()),
                        error.getDefaultMessage())))
                .toList();
        return unprocessable(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return problem(HttpStatus.BAD_REQUEST, "The request body has a value of the wrong type",
                    List.of(new FieldMessage(field, "has the wrong type or format")));
        }
        return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON",
                List.of(new FieldMessage("body", "is missing or malformed")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return unprocessable(List.of(new FieldMessage(ex.getName(), "has the wrong type or format")));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<FieldMessage> errors = ex.getConstraintViolations().stream()
                .map(violation -> new FieldMessage(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldMessage::field))
                .toList();
        return unprocessable(errors);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalidField(InvalidFieldException ex) {
        return unprocessable(ex.errors());
    }

    /** The name the client used ({@code page_size}), not the Java parameter's ({@code pageSize}). */
    private static String requestName(MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
        if (pathVariable != null && !pathVariable.name().isEmpty()) {
            return pathVariable.name();
        }
        return parameter.getParameterName();
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static ResponseEntity<Object> unprocessable(List<FieldMessage> errors) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "The request has invalid fields", errors);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, List<FieldMessage> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** One entry of a problem's {@code errors}: the field (a JSON path such as {@code [3].score}) and what is wrong. */
    public record FieldMessage(String field, String message) {
        public FieldMessage {
            message = message == null ? "is invalid" : message;
        }
    }
}
