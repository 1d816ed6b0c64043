package cn.juece.expert;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.juece.dossier.MaterialType;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/** Stage 5, expert review (Art. 30-35): the experts' opinions and their adoption. */
@Component
class ExpertGates implements StageGates {

    @Override
    public List<StageGate> gates() {
        return List.of(Gates.material("expert-conduct", MaterialType.EXPERT_OPINION));
    }
}
