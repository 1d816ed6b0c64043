package cn.juece.publication;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.juece.dossier.MaterialType;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/** Stage 9, publication (Art. 52, 6; openness excerpt). */
@Component
class PublicationGates implements StageGates {

    @Override
    public List<StageGate> gates() {
        return List.of(
                Gates.material("publication-party-report", MaterialType.DECISION_DOCUMENT),
                Gates.reason("publication-publish", "第五十二条", "写明公布的途径和时间（政府公报、政府网站、政务新媒体、报刊等）"),
                Gates.reason("publication-feedback", "第五十二条", "写明公布意见采纳情况的途径和时间，或未开展公众参与的说明"));
    }
}
