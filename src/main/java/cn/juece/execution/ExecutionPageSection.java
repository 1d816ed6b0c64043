package cn.juece.execution;

import org.springframework.ui.Model;

import cn.juece.decision.Decision;
import cn.juece.identity.Actor;

/**
 * A later stage's section of the execution page (post-evaluation, Art. 56-57, decided at any time during execution):
 * it adds what its fragment shows and may offer to the model. The execution page knows no more of it.
 */
public interface ExecutionPageSection {

    void addTo(Decision decision, Actor me, Model model);
}
