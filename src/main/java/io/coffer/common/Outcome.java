package io.coffer.common;

import java.util.function.Function;

/**
 * The result of a use case: a value, or a {@link Problem} the caller is expected to handle.
 *
 * @param <T> the type of the value on success
 */
public sealed interface Outcome<T> {

    /** Success with a value. */
    record Ok<T>(T value) implements Outcome<T> {
    }

    /** An expected failure; when returned from a write, nothing of it is kept. */
    record Failed<T>(Problem problem) implements Outcome<T> {
    }

    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Outcome<T> failed(Problem problem) {
        return new Failed<>(problem);
    }

    static <T> Outcome<T> invalid(String message) {
        return new Failed<>(Problem.invalid(message));
    }

    static <T> Outcome<T> notFound(String message) {
        return new Failed<>(Problem.notFound(message));
    }

    default <R> Outcome<R> map(Function<? super T, ? extends R> mapper) {
        return switch (this) {
            case Ok<T> ok -> new Ok<>(mapper.apply(ok.value()));
            case Failed<T> failed -> new Failed<>(failed.problem());
        };
    }

    default <R> Outcome<R> flatMap(Function<? super T, Outcome<R>> mapper) {
        return switch (this) {
            case Ok<T> ok -> mapper.apply(ok.value());
            case Failed<T> failed -> new Failed<>(failed.problem());
        };
    }

    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /** The value of a success, or the exception the problem maps to. */
    default T orElseThrow(Function<Problem, ? extends RuntimeException> exception) {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Failed<T> failed -> throw exception.apply(failed.problem());
        };
    }

    /** The value of a success; calling it on a failure is a bug. */
    default T orElseThrow() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Failed<T> failed -> throw new IllegalStateException("not ok: " + failed.problem());
        };
    }
}
