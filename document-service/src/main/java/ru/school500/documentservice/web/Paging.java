package ru.school500.documentservice.web;

import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Limits of the paged lists: a page must start at an offset the database query can take, and only the
 * listed properties may be sorted on (an unknown property would fail deep inside the query).
 */
public final class Paging {

    /** The largest first row a page may start at (JPA takes the offset as an {@code int}). */
    public static final long MAX_OFFSET = Integer.MAX_VALUE;

    private Paging() {
    }

    /** The pageable itself when its offset and sort are allowed; a 400 problem naming the field otherwise. */
    public static Pageable checked(Pageable pageable, Set<String> sortable) {
        requireReachable(pageable.getPageNumber(), pageable.getPageSize());
        for (Sort.Order order : pageable.getSort()) {
            if (!sortable.contains(order.getProperty())) {
                throw Problems.invalidFields(Map.of("sort", "Сортировка возможна только по полям: "
                        + String.join(", ", sortable.stream().sorted().toList())));
            }
        }
        return pageable;
    }

    public static void requireReachable(long page, long size) {
        if (page < 0 || size < 1 || page > MAX_OFFSET / size) {
            throw Problems.invalidFields(Map.of("page", "Слишком большой номер страницы: уточните условия отбора"));
        }
    }
}
