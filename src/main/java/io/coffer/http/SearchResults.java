package io.coffer.http;

import io.coffer.common.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The API's search envelope: {@code {"edges": [{"cursor": i, "node": ...}], "page_info": {"count":
 * total, "has_next_page": bool}}}, where {@code cursor} is the index within the page.
 */
public record SearchResults<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    /** One result and its index within the page. */
    public record Edge<T>(int cursor, T node) {
    }

    /** The total number of matches and whether a later page exists. */
    public record PageInfo(long count, boolean hasNextPage) {
    }

    public static <S, T> SearchResults<T> of(Page<S> page, Function<? super S, ? extends T> view) {
        List<Edge<T>> edges = new ArrayList<>(page.items().size());
        for (int i = 0; i < page.items().size(); i++) {
            edges.add(new Edge<>(i, view.apply(page.items().get(i))));
        }
        return new SearchResults<>(edges, new PageInfo(page.total(), page.hasNext()));
    }
}
