package io.coffer.common;

import java.util.List;
import java.util.function.Function;

/**
 * A page of results together with the total number of matches.
 *
 * @param items the items of this page, in order
 * @param total how many objects match the search in all pages
 * @param hasNext whether a later page has items
 */
public record Page<T>(List<T> items, long total, boolean hasNext) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> items, long total, PageRequest request) {
        return new Page<>(items, total, request.offset() + items.size() < total);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, hasNext);
    }
}
