package cn.juece.support;

/**
 * Tells the embedded H2 database's write checkpoint ({@link H2WriteCheckpoint}) that the request thread's commits are
 * already on the disk: a group commit that ran {@code CHECKPOINT SYNC} for its batch after committing it (the comment
 * intake) marks its callers, and their request answers without a checkpoint of its own. The mark covers every commit
 * the thread made before it: a request must not commit anything after the marked write (the intake's callers answer
 * with the receipt and write nothing more).
 */
public final class DurableCommits {

    private static final ThreadLocal<Boolean> MARKED = new ThreadLocal<>();

    private DurableCommits() {
    }

    static void markDurable() {
        MARKED.set(Boolean.TRUE);
    }

    /** Whether the thread's commits were marked durable since the last call; clears the mark. */
    static boolean consume() {
        boolean marked = MARKED.get() != null;
        MARKED.remove();
        return marked;
    }
}
