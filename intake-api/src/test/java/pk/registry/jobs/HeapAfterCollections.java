package pk.registry.jobs;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap in use after each collection the collectors run while it watches, as they report it:
 * no collection of its own, so the run it watches goes at its own speed. The peak is an upper
 * bound of what the run kept (a young collection leaves the old generation's garbage counted).
 */
final class HeapAfterCollections implements NotificationListener, AutoCloseable {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    private final AtomicLong peak = new AtomicLong();

    private HeapAfterCollections() {
    }

    static HeapAfterCollections watch() {
        HeapAfterCollections watcher = new HeapAfterCollections();
        ManagementFactory.getGarbageCollectorMXBeans()
                .forEach(collector -> ((NotificationEmitter) collector).addNotificationListener(watcher, null, null));
        return watcher;
    }

    /** The most heap in use after any collection so far (0 if none ran). */
    long peak() {
        return peak.get();
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo
                    .from((CompositeData) notification.getUserData()).getGcInfo().getMemoryUsageAfterGc();
            long used = after.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                    .mapToLong(pool -> pool.getValue().getUsed()).sum();
            peak.accumulateAndGet(used, Math::max);
        }
    }

    @Override
    public void close() {
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) collector).removeNotificationListener(this);
            }
            catch (ListenerNotFoundException notWatching) {
                // nothing to remove
            }
        }
    }
}
