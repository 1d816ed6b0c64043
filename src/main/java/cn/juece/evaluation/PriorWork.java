package cn.juece.evaluation;

import java.util.List;

import cn.juece.decision.Decision;

/**
 * Who did the main review, assessment or commissioned drafting work of a decision (Art. 56: a third party
 * commissioned for the post-evaluation must not have done it). Each stage that records such work names the
 * organisations here by adding a {@link Source} bean; the evaluation's conflict check reads them all.
 *
 * @param organisation the organisation (or unit) as recorded
 * @param role         what it did, in Chinese (e.g. 受委托起草决策草案)
 * @param article      the article of that work (e.g. 第十三条)
 */
public record PriorWork(String organisation, String role, String article) {

    /** A stage's record of who did its main work. */
    public interface Source {

        List<PriorWork> priorWork(Decision decision);
    }
}
