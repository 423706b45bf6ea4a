package org.diplomaticcontacts.shared;

import java.util.List;
import java.util.function.Function;

/** The page shape of the public contract: {@code {"content": [...], "page": {...}}}. */
public record PageResponse<T>(List<T> content, PageMetadata page) {

    public record PageMetadata(int size, int number, long totalElements, long totalPages) {
    }

    public static <T> PageResponse<T> of(List<T> content, PageParams params, long totalElements) {
        long totalPages = (totalElements + params.size() - 1) / params.size();
        return new PageResponse<>(content, new PageMetadata(params.size(), params.page(), totalElements, totalPages));
    }

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(content.stream().map(mapper).toList(), page);
    }
}
