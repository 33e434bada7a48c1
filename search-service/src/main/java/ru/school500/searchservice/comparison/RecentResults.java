package ru.school500.searchservice.comparison;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few results of a computation, by everything the result depends on: a repeated comparison of the same
 * roadmaps (same versions, overrides, visibility, dates) is answered from memory. Two concurrent misses of one key
 * both compute and the later one is kept: the results are equal, so that costs time, never correctness.
 */
final class RecentResults<K, V> {

    private final Map<K, V> entries;

    RecentResults(int capacity) {
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }

    V get(K key) {
        return entries.get(key);
    }

    void put(K key, V value) {
        entries.put(key, value);
    }
}
