package io.coffer.common;

/**
 * One page of a search: 1-based page number, bounded size and an ordering.
 *
 * @param page the page number, from 1
 * @param size the number of items per page, 1..{@link #MAX_SIZE}
 * @param ascending true for oldest (or smallest) first
 * @param orderBy the field to order by, already checked against what the search allows
 */
public record PageRequest(int page, int size, boolean ascending, String orderBy) {

    /** The server maximum, used when a client asks for 0 or -1. */
    public static final int MAX_SIZE = 1000;
    public static final int DEFAULT_SIZE = 20;

    public PageRequest {
        if (page < 1) {
            throw new IllegalArgumentException("page must be >= 1");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be in 1.." + MAX_SIZE);
        }
    }

    /** Zero-based index of the first item of this page; a long so huge pages cannot overflow. */
    public long offset() {
        return (long) (page - 1) * size;
    }
}
