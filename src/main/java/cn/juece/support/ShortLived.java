package cn.juece.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values a node may go on showing for a few seconds after reading them: only what is shown, never what decides
 * whether someone may act (that is read afresh on every request). A value older than the time given is read again;
 * another node's change is seen within that time. A null (nothing found) is not kept. The map is bounded by clearing
 * it when full.
 */
public final class ShortLived<K, V> {

    private record Entry<V>(V value, long readAt) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int max;

    public ShortLived(Duration ttl, int max) {
        this.ttlNanos = ttl.toNanos();
        this.max = max;
    }

    public V get(K key, Supplier<V> read) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.readAt() < ttlNanos) {
            return entry.value();
        }
        V value = read.get();
        if (value == null) {
            return null; // nothing to keep: read again next time
        }
        if (entries.size() >= max) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now));
        return value;
    }

    /** Forgets every value: the next get of each reads again. */
    public void clear() {
        entries.clear();
    }
}
