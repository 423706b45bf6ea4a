package org.diplomaticcontacts.shared;

import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns the project's own exceptions, and the validation failures whose problem documents
 * should name the fields at fault, into RFC 9457 problem details. Everything else is left to
 * Spring Boot's own handler ({@code spring.mvc.problemdetails.enabled}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandling {

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidField(InvalidFieldException exception) {
        return invalid(exception.errors());
    }

    @ExceptionHandler
    ProblemDetail invalidDate(DateRange.InvalidDateException exception) {
        return invalid(List.of(new FieldError("date", exception.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException exception) {
        String expected = exception.getRequiredType() == null ? "another type"
                : exception.getRequiredType().getSimpleName();
        return invalid(List.of(new FieldError(exception.getName(),
                "'" + exception.getValue() + "' is not a valid " + describe(expected))));
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(TypeMismatchException exception) {
        String field = exception.getPropertyName() == null ? "request" : exception.getPropertyName();
        return invalid(List.of(new FieldError(field, "'" + exception.getValue() + "' has the wrong type")));
    }

    @ExceptionHandler
    ProblemDetail invalidParameters(HandlerMethodValidationException exception) {
        List<FieldError> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(parameterName(result), String.valueOf(error.getDefaultMessage()))))
                .toList();
        return invalid(errors);
    }

    @ExceptionHandler
    ProblemDetail invalidBody(MethodArgumentNotValidException exception) {
        List<FieldError> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList();
        return invalid(errors);
    }

    static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String parameterName(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        return name == null ? "request" : name;
    }

    private static String describe(String type) {
        return switch (type) {
            case "Long", "long", "Integer", "int" -> "number";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            default -> type;
        };
    }
}
