package org.diplomaticcontacts.shared;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindingResult;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns the project's own exceptions, and the validation failures whose problem documents
 * should name the fields at fault, into RFC 9457 problem details. Everything else is left to
 * Spring Boot's own handler ({@code spring.mvc.problemdetails.enabled}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandling {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    /** V39's refusal of a parent that would make a cycle, checked when the transaction commits. */
    private static final String PARENT_CYCLE = "DC001";

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail precondition(ETags.PreconditionException exception) {
        return ProblemDetail.forStatusAndDetail(exception.status(), exception.getMessage());
    }

    /** Another admin's write committed between our read and our version-checked UPDATE. */
    @ExceptionHandler({OptimisticLockingFailureException.class, OptimisticLockException.class,
            StaleStateException.class})
    ProblemDetail lostRace(Exception exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ETags.stale().getMessage());
    }

    /**
     * Two writes waited for each other's rows and PostgreSQL aborted one (a deadlock, or a lock
     * not granted): nothing of this one was written, and the same request can simply be retried.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> lockConflict(PessimisticLockingFailureException exception) {
        log.info("Write refused by a lock conflict: {}", exception.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Another write to the same records ran at the same time; nothing was changed, retry the request");
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    /**
     * A database constraint refused the write. Services check references first and say which
     * field is wrong; this is the backstop for a race between that check and the commit. A value
     * PostgreSQL cannot hold at all (SQLSTATE class 22: a NUL character in a text, a date beyond
     * its range) comes here too, and is the request's fault: no retry would help.
     */
    @ExceptionHandler
    ProblemDetail constraintViolated(DataIntegrityViolationException exception) {
        String state = sqlState(exception);
        return state != null && state.startsWith("22") ? unstorableValue(exception) : conflictWithRegistry();
    }

    private static ProblemDetail conflictWithRegistry() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The change conflicts with the registry's current state (a record it refers to was changed or removed "
                        + "meanwhile, or the record already exists); read again and retry");
    }

    /** Logged as a warning: class 22 also holds what a bug of our own SQL would raise (a bad cast). */
    private static ProblemDetail unstorableValue(Exception exception) {
        log.warn("Request refused by PostgreSQL as data it cannot hold (SQLSTATE {}): {}", sqlState(exception),
                exception.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "A value of the request cannot be stored or compared (for example a NUL character in a text, "
                        + "or a date outside the years 1 to 9999)");
        problem.setTitle("Invalid request");
        return problem;
    }

    /** PostgreSQL is unreachable or the pool could not lend a connection in time: fail fast, ask to retry. */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class, QueryTimeoutException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception exception) {
        log.warn("Database unavailable: {}", exception.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The registry's database is not answering; try again shortly");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    /**
     * A failed commit or rollback (a JpaSystemException or TransactionSystemException) hides what
     * PostgreSQL said under Hibernate's exception; its SQLSTATE decides. A connection that broke
     * mid-transaction also fails the rollback: still the database being away, not a server bug.
     * A deferred constraint (a participant listed twice) refuses the write only at commit: the
     * same conflict as when checked at once. V39 refuses a cycle of parents at commit too: one
     * made with a change committed meanwhile, or by an import with a parent an admin changed
     * since its last run (which its document check, blind to what it will leave unchanged, lets
     * through). A value PostgreSQL cannot hold,
     * or a record past one of its limits, is the request's fault. Anything else stays a 500.
     */
    @ExceptionHandler({TransactionSystemException.class, UncategorizedDataAccessException.class})
    ResponseEntity<ProblemDetail> commitFailed(Exception exception) throws Exception {
        if (connectionLost(exception)) {
            return databaseUnavailable(exception);
        }
        String state = sqlState(exception);
        if (PARENT_CYCLE.equals(state)) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "The change would make a chain of parents come back to where it starts (a cycle)"));
        }
        if (state != null && state.startsWith("23")) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(conflictWithRegistry());
        }
        if (state != null && state.startsWith("22")) {
            return ResponseEntity.badRequest().body(unstorableValue(exception));
        }
        if (state != null && state.startsWith("54")) {
            // a limit of PostgreSQL's, such as the 1 MB of a search document (every participant's aliases)
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT, "The record is too large for the registry to store or index"));
        }
        if (state != null && (state.equals("40001") || state.equals("40P01"))) {
            return lockConflict(new PessimisticLockingFailureException(exception.getMessage(), exception));
        }
        throw exception;
    }

    /**
     * SQLSTATE class 08 (connection exception), or a JDBC rollback/commit that failed without a
     * state — the pool had already closed the broken connection ("Connection is closed").
     */
    private static boolean connectionLost(Throwable exception) {
        Throwable previous = null;
        for (Throwable cause = exception; cause != null; previous = cause, cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state != null ? state.startsWith("08") : previous instanceof org.hibernate.TransactionException;
            }
        }
        return false;
    }

    /** The SQLSTATE of the first SQLException among the causes, if any says one. */
    private static @Nullable String sqlState(Throwable exception) {
        SQLException sql = causeOfType(exception, SQLException.class);
        return sql == null ? null : sql.getSQLState();
    }

    @ExceptionHandler
    ProblemDetail tooLarge(PayloadTooLargeException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, exception.getMessage());
    }

    /** Malformed JSON, a wrong type, an unknown or server-owned property: say where. */
    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException exception) {
        PayloadTooLargeException tooLarge = causeOfType(exception, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        DatabindException databind = causeOfType(exception, DatabindException.class);
        if (databind != null && !databind.getPath().isEmpty()) {
            String field = JsonPaths.of(databind.getPath());
            String message = databind instanceof UnrecognizedPropertyException
                    ? "is not a property of this resource (server-owned fields such as id and version cannot be set)"
                    : describeExpected(databind);
            return invalid(List.of(new FieldError(field, message)));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON for this resource");
        problem.setTitle("Invalid request");
        return problem;
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
        return invalid(List.of(FieldError.notConvertible(exception.getName(), exception.getValue(),
                exception.getRequiredType())));
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
        BindingResult result = exception.getBindingResult();
        List<FieldError> errors = result.getFieldErrors().stream()
                .map(error -> error.isBindingFailure()
                        ? FieldError.notConvertible(error.getField(), error.getRejectedValue(),
                                result.getFieldType(error.getField()))
                        : new FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
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

    private static <T extends Throwable> @Nullable T causeOfType(Throwable exception, Class<T> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String describeExpected(DatabindException exception) {
        if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && mismatch.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(mismatch.getTargetType().getEnumConstants());
        }
        return "has a value of the wrong type or format";
    }

    private static String parameterName(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        return name == null ? "request" : name;
    }
}
