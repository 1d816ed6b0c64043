package cn.juece.archive;

import cn.juece.decision.Decision;

/**
 * A feature's records that go into the archive package beside the facts (Art. 59: 决策执行过程中形成的其他有关材料):
 * written as {@code records/<name>.json}. Contact details of the public are not written.
 */
public interface ArchiveRecords {

    /** The file's name, e.g. "execution". */
    String name();

    /** What to write (serialised as JSON). */
    Object records(Decision decision);
}
