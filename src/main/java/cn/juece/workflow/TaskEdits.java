package cn.juece.workflow;

import java.util.function.Supplier;

/**
 * Marks a change to a task made by our own code (the period mechanism moving a due date after a pause, the
 * projection of a step's party onto its candidate group): the task-update guard lets these through and refuses
 * the same change from anyone else (Tasklist, Cockpit, the engine REST).
 */
public final class TaskEdits {

    private static final ThreadLocal<Boolean> OURS = ThreadLocal.withInitial(() -> false);

    private TaskEdits() {
    }

    public static void ours(Runnable change) {
        ours(() -> {
            change.run();
            return null;
        });
    }

    public static <T> T ours(Supplier<T> change) {
        boolean before = OURS.get();
        OURS.set(true);
        try {
            return change.get();
        } finally {
            OURS.set(before);
        }
    }

    static boolean active() {
        return OURS.get();
    }
}
