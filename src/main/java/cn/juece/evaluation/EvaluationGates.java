package cn.juece.evaluation;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.juece.dossier.MaterialType;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/** Stage 11, post-evaluation (Art. 56-57). */
@Component
class EvaluationGates implements StageGates {

    @Override
    public List<StageGate> gates() {
        return List.of(
                Gates.reason("evaluation-decide", "第五十六条", "说明是否开展后评估及承担评估具体工作的单位"),
                Gates.material("evaluation-conduct", MaterialType.EVALUATION_REPORT),
                Gates.reason("evaluation-resolve", "第五十七条", "写明研究评估报告的会议及决定理由"));
    }
}
