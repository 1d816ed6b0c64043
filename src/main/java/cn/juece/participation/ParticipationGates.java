package cn.juece.participation;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.juece.dossier.MaterialType;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/** Stage 4, public participation (Art. 17-29): every opinion recorded, summarised and answered. */
@Component
class ParticipationGates implements StageGates {

    @Override
    public List<StageGate> gates() {
        return List.of(Gates.material("participation-conduct", MaterialType.PARTICIPATION_REPORT));
    }
}
